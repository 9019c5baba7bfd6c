using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuroRnn.Data.Io;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format 1.0/2.0/3.0): all element types of <see cref="NpyElementType"/>, little- and
/// big-endian, C and Fortran order. Numeric data are read straight into the typed array in large blocks (no per-element
/// work for little-endian C-order files); big-endian data are byte-swapped and Fortran-order data transposed afterwards.
/// Every problem is reported as a <see cref="RecordingFormatException"/>.
/// </summary>
public static class NpyReader
{
    private const int BlockBytes = 1 << 26; // 64 MB per read call: keeps every span length well inside int

    /// <summary>Reads a .npy file.</summary>
    /// <exception cref="RecordingFormatException">The file is not a valid .npy file (or cannot be opened).</exception>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
        using (stream) return Read(stream, path, stream.Length);
    }

    /// <summary>Reads one array from <paramref name="stream"/>.</summary>
    /// <param name="stream">Positioned at the magic string.</param>
    /// <param name="sourceName">The file (or archive entry) named in errors.</param>
    /// <param name="availableBytes">How many bytes the array may occupy (validated before any allocation); null when unknown
    /// (non-seekable stream) — then the data are read in blocks so a lying header cannot allocate more than is present.</param>
    /// <exception cref="RecordingFormatException">The data are not a valid .npy array.</exception>
    public static NpyArray Read(Stream stream, string sourceName, long? availableBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        long offset = 0;
        Exception Fail(string where, string problem, Exception? inner = null) => new RecordingFormatException(sourceName, where, problem, inner);

        try
        {
            Span<byte> prefix = stackalloc byte[12];
            if (ReadAtMost(stream, prefix[..10]) < 10) throw Fail("byte 0", "the file is shorter than a .npy preamble (10 bytes)");
            if (!prefix[..6].SequenceEqual(NpyHeader.Magic)) throw Fail("byte 0", "not a .npy file (the magic string \\x93NUMPY is missing)");
            int major = prefix[6];
            int headerLength;
            if (major == 1)
            {
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..10]);
                offset = 10;
            }
            else if (major is 2 or 3)
            {
                if (ReadAtMost(stream, prefix[10..12]) < 2) throw Fail("byte 10", "truncated in the header length");
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..12]);
                if (length > NpyHeader.MaxHeaderLength) throw Fail("byte 8", $"header length {length} is implausibly large");
                headerLength = (int)length;
                offset = 12;
            }
            else throw Fail("byte 6", $"unsupported .npy format version {major}.{prefix[7]} (1.0, 2.0 and 3.0 are supported)");

            if (availableBytes is long avail && offset + headerLength > avail)
                throw Fail($"byte {offset}", $"the header claims {headerLength} bytes but only {Math.Max(0, avail - offset)} remain");
            var headerBytes = new byte[headerLength];
            if (ReadAtMost(stream, headerBytes) < headerLength) throw Fail($"byte {offset}", $"truncated inside the {headerLength}-byte header");
            string text = major == 3 ? DecodeUtf8(headerBytes, () => Fail($"byte {offset}", "the header is not valid UTF-8")) : Encoding.Latin1.GetString(headerBytes);
            var header = NpyHeader.Parse(text, problem => Fail($"header (byte {offset})", problem));
            offset += headerLength;

            long dataBytes = header.ElementCount * header.ItemSize;
            if (availableBytes is long available && dataBytes > available - offset)
                throw Fail($"byte {offset}", $"shape ({string.Join(", ", header.Shape)}) of {header.Descr} needs {dataBytes} data bytes but only {Math.Max(0, available - offset)} remain");
            var array = ReadData(stream, header, availableBytes is null, () => Fail($"byte {offset}", $"the data end early (expected {dataBytes} bytes)"));
            return new NpyArray(header.ElementType, header.Shape, array, header.UnicodeWidth);
        }
        catch (RecordingFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            // Decompression errors from an enclosing archive surface here while reading the data.
            throw Fail($"byte {offset}", $"the data cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads only the header of a .npy file (shape and dtype) without reading the data.</summary>
    /// <exception cref="RecordingFormatException">The header is invalid.</exception>
    public static NpyHeader ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
        using var _ = stream;
        Span<byte> prefix = stackalloc byte[12];
        int n = ReadAtMost(stream, prefix);
        if (n < 10 || !prefix[..6].SequenceEqual(NpyHeader.Magic)) throw new RecordingFormatException(path, "byte 0", "not a .npy file");
        int major = prefix[6];
        int start = major == 1 ? 10 : 12;
        int length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..10]) : (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..12]), NpyHeader.MaxHeaderLength);
        stream.Position = start;
        var bytes = new byte[Math.Min(length, Math.Max(0, stream.Length - start))];
        ReadAtMost(stream, bytes);
        string text = major == 3 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        return NpyHeader.Parse(text, problem => new RecordingFormatException(path, "header", problem));
    }

    private static string DecodeUtf8(byte[] bytes, Func<Exception> fail)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw fail();
        }
    }

    private static Array ReadData(Stream stream, NpyHeader header, bool lengthUnknown, Func<Exception> truncated)
    {
        int count = checked((int)header.ElementCount);
        if (header.ElementType == NpyElementType.Unicode) return ReadText(stream, header, count, truncated);
        Array array;
        if (lengthUnknown)
        {
            // Unknown length: grow block by block so a corrupt shape cannot make us allocate what is not there.
            var bytes = ReadBytesGrowing(stream, (long)count * header.ItemSize, truncated);
            array = Array.CreateInstance(NpyArray.ClrType(header.ElementType), count);
            Buffer.BlockCopy(bytes, 0, array, 0, bytes.Length);
        }
        else
        {
            array = header.ElementType switch
            {
                NpyElementType.Float32 => Fill(stream, GC.AllocateUninitializedArray<float>(count), truncated),
                NpyElementType.Float64 => Fill(stream, GC.AllocateUninitializedArray<double>(count), truncated),
                NpyElementType.Int8 => Fill(stream, GC.AllocateUninitializedArray<sbyte>(count), truncated),
                NpyElementType.Int16 => Fill(stream, GC.AllocateUninitializedArray<short>(count), truncated),
                NpyElementType.Int32 => Fill(stream, GC.AllocateUninitializedArray<int>(count), truncated),
                NpyElementType.Int64 => Fill(stream, GC.AllocateUninitializedArray<long>(count), truncated),
                NpyElementType.UInt8 => Fill(stream, GC.AllocateUninitializedArray<byte>(count), truncated),
                NpyElementType.UInt16 => Fill(stream, GC.AllocateUninitializedArray<ushort>(count), truncated),
                NpyElementType.UInt32 => Fill(stream, GC.AllocateUninitializedArray<uint>(count), truncated),
                NpyElementType.UInt64 => Fill(stream, GC.AllocateUninitializedArray<ulong>(count), truncated),
                NpyElementType.Bool => Fill(stream, new byte[count], truncated),
                _ => throw new InvalidOperationException("unreachable"),
            };
        }
        if (header.ElementType == NpyElementType.Bool)
        {
            var raw = (byte[])array;
            var flags = new bool[count];
            for (int i = 0; i < count; i++) flags[i] = raw[i] != 0; // normalise: any non-zero byte is True
            array = flags;
        }
        if (header.BigEndian != !BitConverter.IsLittleEndian) SwapBytes(array);
        if (header.FortranOrder && header.Shape.Length > 1) array = ArrayOrder.FortranToC(array, header.Shape);
        return array;
    }

    private static T[] Fill<T>(Stream stream, T[] array, Func<Exception> truncated) where T : unmanaged
    {
        int perBlock = Math.Max(1, BlockBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        for (int start = 0; start < array.Length; start += perBlock)
        {
            var bytes = MemoryMarshal.AsBytes(array.AsSpan(start, Math.Min(perBlock, array.Length - start)));
            if (ReadAtMost(stream, bytes) < bytes.Length) throw truncated();
        }
        return array;
    }

    private static byte[] ReadBytesGrowing(Stream stream, long total, Func<Exception> truncated)
    {
        if (total > Array.MaxLength)
            throw new InvalidDataException($"{total} bytes is more than can be read from a stream of unknown length (at most {Array.MaxLength})");
        using var buffer = new MemoryStream();
        var block = new byte[(int)Math.Min(total, 1 << 20)];
        long remaining = total;
        while (remaining > 0)
        {
            int n = stream.Read(block, 0, (int)Math.Min(block.Length, remaining));
            if (n <= 0) throw truncated();
            buffer.Write(block, 0, n);
            remaining -= n;
        }
        return buffer.ToArray();
    }

    private static string[] ReadText(Stream stream, NpyHeader header, int count, Func<Exception> truncated)
    {
        int width = header.UnicodeWidth;
        var bytes = ReadBytesGrowing(stream, (long)count * width * 4, truncated);
        var encoding = new UTF32Encoding(bigEndian: header.BigEndian, byteOrderMark: false, throwOnInvalidCharacters: false);
        var result = new string[count];
        for (int i = 0; i < count; i++) result[i] = encoding.GetString(bytes, i * width * 4, width * 4).TrimEnd('\0');
        if (header.FortranOrder && header.Shape.Length > 1) result = (string[])ArrayOrder.FortranToC(result, header.Shape);
        return result;
    }

    internal static void SwapBytes(Array array)
    {
        switch (array)
        {
            case float[] a: var fi = MemoryMarshal.Cast<float, int>(a.AsSpan()); BinaryPrimitives.ReverseEndianness(fi, fi); break;
            case double[] a: var dl = MemoryMarshal.Cast<double, long>(a.AsSpan()); BinaryPrimitives.ReverseEndianness(dl, dl); break;
            case short[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case int[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case long[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case ushort[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case uint[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
            case ulong[] a: BinaryPrimitives.ReverseEndianness(a, a); break;
        }
    }

    internal static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }
}
