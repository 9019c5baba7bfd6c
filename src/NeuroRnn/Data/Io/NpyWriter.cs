using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuroRnn.Data.Io;

/// <summary>Options of <see cref="NpyWriter"/>.</summary>
public sealed record NpyWriteOptions
{
    /// <summary>Write the data big-endian (default little-endian).</summary>
    public bool BigEndian { get; init; }

    /// <summary>Write the data in Fortran order (default C order).</summary>
    public bool FortranOrder { get; init; }

    /// <summary>The format major version 1, 2 or 3; 0 (default) picks 1.0 unless the header needs more than 65,535 bytes.</summary>
    public int Version { get; init; }
}

/// <summary>Writes NumPy <c>.npy</c> files readable by <c>numpy.load</c> and by <see cref="NpyReader"/>.</summary>
public static class NpyWriter
{
    /// <summary>Writes <paramref name="array"/> to a new file at <paramref name="path"/>.</summary>
    public static void Write(string path, NpyArray array, NpyWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, array, options);
    }

    /// <summary>Writes <paramref name="array"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, NpyArray array, NpyWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        options ??= new NpyWriteOptions();
        var header = new NpyHeader(array.ElementType, options.BigEndian, options.FortranOrder, array.Shape.ToArray(), array.UnicodeWidth);
        WriteHeader(stream, header, options.Version);
        Array data = array.Data;
        if (options.FortranOrder && array.Shape.Count > 1) data = ArrayOrder.CToFortran(data, array.Shape);
        if (data is string?[] text)
        {
            var encoding = new UTF32Encoding(options.BigEndian, false);
            var buffer = new byte[array.ItemSize];
            foreach (string? s in text)
            {
                Array.Clear(buffer);
                encoding.GetBytes(s ?? "", 0, (s ?? "").Length, buffer, 0);
                stream.Write(buffer);
            }
            return;
        }
        if (data is bool[] flags)
        {
            var bytes = new byte[flags.Length];
            for (int i = 0; i < flags.Length; i++) bytes[i] = flags[i] ? (byte)1 : (byte)0;
            stream.Write(bytes);
            return;
        }
        if (options.BigEndian == BitConverter.IsLittleEndian && array.ItemSize > 1)
        {
            data = (Array)data.Clone();
            NpyReader.SwapBytes(data);
        }
        WriteRaw(stream, data);
    }

    /// <summary>
    /// Writes only the preamble and header (padded so the data start at a multiple of 64 bytes); the caller then writes
    /// exactly <c>ElementCount × ItemSize</c> data bytes. Used to stream very large arrays.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not 0–3 or version 1 cannot hold the header.</exception>
    public static void WriteHeader(Stream stream, NpyHeader header, int version = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        if (version is < 0 or > 3) throw new ArgumentException($"Version must be 0 (automatic), 1, 2 or 3, not {version}.", nameof(version));
        string dict = header.ToDictLiteral();
        int major = version == 0 ? (dict.Length + 11 < 65536 ? 1 : 2) : version;
        int preamble = major == 1 ? 10 : 12;
        int unpadded = preamble + Encoding.UTF8.GetByteCount(dict) + 1;
        int padded = (unpadded + 63) / 64 * 64;
        string text = dict + new string(' ', padded - unpadded) + "\n";
        byte[] textBytes = major == 3 ? Encoding.UTF8.GetBytes(text) : Encoding.Latin1.GetBytes(text);
        if (major == 1 && textBytes.Length > ushort.MaxValue) throw new ArgumentException("The header is too long for format 1.0; use version 2.", nameof(version));
        Span<byte> pre = stackalloc byte[12];
        NpyHeader.Magic.CopyTo(pre);
        pre[6] = (byte)major;
        pre[7] = 0;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(pre[8..], (ushort)textBytes.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(pre[8..], (uint)textBytes.Length);
        stream.Write(pre[..preamble]);
        stream.Write(textBytes);
    }

    private static void WriteRaw(Stream stream, Array data)
    {
        switch (data)
        {
            case float[] a: WriteSpan<float>(stream, a); break;
            case double[] a: WriteSpan<double>(stream, a); break;
            case sbyte[] a: WriteSpan<sbyte>(stream, a); break;
            case short[] a: WriteSpan<short>(stream, a); break;
            case int[] a: WriteSpan<int>(stream, a); break;
            case long[] a: WriteSpan<long>(stream, a); break;
            case byte[] a: stream.Write(a); break;
            case ushort[] a: WriteSpan<ushort>(stream, a); break;
            case uint[] a: WriteSpan<uint>(stream, a); break;
            case ulong[] a: WriteSpan<ulong>(stream, a); break;
            default: throw new ArgumentException($"Unsupported array type {data.GetType().Name}.", nameof(data));
        }
    }

    private static void WriteSpan<T>(Stream stream, T[] values) where T : unmanaged
    {
        const int block = 1 << 24;
        for (int start = 0; start < values.Length; start += block)
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan(start, Math.Min(block, values.Length - start))));
    }
}
