using System.Globalization;

namespace NeuroRnn.Data.Io;

/// <summary>
/// An n-dimensional NumPy array in memory: a shape, an element type and a typed .NET array (<c>float[]</c>,
/// <c>double[]</c>, <c>int[]</c>, <c>string[]</c>… see <see cref="NpyElementType"/>) always in C (row-major) order —
/// Fortran-order files are transposed on reading. Arrays are treated as immutable: constructors copy nothing, so do not
/// modify the array you pass in or get back from <see cref="Data"/>.
/// </summary>
public sealed class NpyArray
{
    /// <summary>Creates an array; <paramref name="data"/> must match <paramref name="elementType"/> and the shape's element count.</summary>
    /// <param name="elementType">The element type.</param>
    /// <param name="shape">The dimensions (empty for a scalar).</param>
    /// <param name="data">The values in C order.</param>
    /// <param name="unicodeWidth">For <see cref="NpyElementType.Unicode"/>: the character width <c>n</c> of <c>U<i>n</i></c> (0 = longest string, at least 1).</param>
    /// <exception cref="ArgumentException">The .NET array type or length does not match.</exception>
    public NpyArray(NpyElementType elementType, IReadOnlyList<int> shape, Array data, int unicodeWidth = 0)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Negative dimension {d} in shape ({string.Join(", ", shape)}).", nameof(shape));
            count *= d;
        }
        var expected = ClrType(elementType);
        if (data.GetType().GetElementType() != expected || data.Rank != 1)
            throw new ArgumentException($"{elementType} arrays need a {expected.Name}[] but got {data.GetType().Name}.", nameof(data));
        if (data.LongLength != count)
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) has {count} elements but the data has {data.LongLength}.", nameof(data));
        ElementType = elementType;
        Shape = shape.ToArray();
        Data = data;
        if (elementType == NpyElementType.Unicode)
        {
            int longest = 1;
            foreach (string? s in (string?[])data) longest = Math.Max(longest, s?.Length ?? 0);
            UnicodeWidth = Math.Max(unicodeWidth, longest);
        }
    }

    /// <summary>A float64 array.</summary>
    public static NpyArray FromDoubles(double[] data, params int[] shape) => new(NpyElementType.Float64, shape.Length == 0 ? new[] { data.Length } : shape, data);

    /// <summary>A float32 array.</summary>
    public static NpyArray FromSingles(float[] data, params int[] shape) => new(NpyElementType.Float32, shape.Length == 0 ? new[] { data.Length } : shape, data);

    /// <summary>A one-dimensional text array (<c>U<i>n</i></c>); null is written as the empty string.</summary>
    public static NpyArray FromStrings(string?[] data) => new(NpyElementType.Unicode, new[] { data.Length }, data);

    /// <summary>The element type.</summary>
    public NpyElementType ElementType { get; }

    /// <summary>The dimensions in C order (empty for a scalar).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The values in C order, as the typed .NET array named in <see cref="NpyElementType"/>.</summary>
    public Array Data { get; }

    /// <summary>For text arrays, the width <c>n</c> of <c>U<i>n</i></c>; otherwise 0.</summary>
    public int UnicodeWidth { get; }

    /// <summary>The number of elements.</summary>
    public long Length => Data.LongLength;

    /// <summary>The bytes per element in a file.</summary>
    public int ItemSize => ElementType == NpyElementType.Unicode ? 4 * UnicodeWidth : ItemSizeOf(ElementType);

    /// <summary>The values converted to double (booleans as 0/1; 64-bit integers above 2^53 lose precision).</summary>
    /// <exception cref="InvalidOperationException">The array holds text.</exception>
    public double[] ToDoubleArray()
    {
        var result = new double[Data.LongLength];
        // Switch on the declared element type, not on the array's runtime type: the CLR lets a byte[] pass as an sbyte[]
        // (and int[] as uint[] …), so type patterns would silently reinterpret unsigned data as signed.
        switch (ElementType)
        {
            case NpyElementType.Float64: Array.Copy((double[])Data, result, Data.LongLength); break;
            case NpyElementType.Float32: Widen<float>((float[])Data, result); break;
            case NpyElementType.Int8: Widen<sbyte>((sbyte[])Data, result); break;
            case NpyElementType.Int16: Widen<short>((short[])Data, result); break;
            case NpyElementType.Int32: Widen<int>((int[])Data, result); break;
            case NpyElementType.Int64: Widen<long>((long[])Data, result); break;
            case NpyElementType.UInt8: Widen<byte>((byte[])Data, result); break;
            case NpyElementType.UInt16: Widen<ushort>((ushort[])Data, result); break;
            case NpyElementType.UInt32: Widen<uint>((uint[])Data, result); break;
            case NpyElementType.UInt64: Widen<ulong>((ulong[])Data, result); break;
            case NpyElementType.Bool: { var a = (bool[])Data; for (int i = 0; i < a.Length; i++) result[i] = a[i] ? 1 : 0; break; }
            default: throw new InvalidOperationException("This array holds text; use ToStringArray().");
        }
        return result;
    }

    // Vectorised where the hardware allows (System.Numerics.Tensors); every source type converts to double exactly or
    // by rounding (64-bit integers), never with overflow.
    private static void Widen<T>(T[] source, double[] destination) where T : unmanaged, System.Numerics.INumberBase<T> =>
        System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<T, double>(source, destination);

    /// <summary>The values as strings: text as is (empty strings become null), numbers formatted invariantly.</summary>
    public string?[] ToStringArray()
    {
        if (Data is string?[] s) return s.Select(v => string.IsNullOrEmpty(v) ? null : v).ToArray();
        return ToDoubleArray().Select(v => double.IsNaN(v) ? null : (string?)v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The CLR element type used for <paramref name="type"/>.</summary>
    public static Type ClrType(NpyElementType type) => type switch
    {
        NpyElementType.Float32 => typeof(float),
        NpyElementType.Float64 => typeof(double),
        NpyElementType.Int8 => typeof(sbyte),
        NpyElementType.Int16 => typeof(short),
        NpyElementType.Int32 => typeof(int),
        NpyElementType.Int64 => typeof(long),
        NpyElementType.UInt8 => typeof(byte),
        NpyElementType.UInt16 => typeof(ushort),
        NpyElementType.UInt32 => typeof(uint),
        NpyElementType.UInt64 => typeof(ulong),
        NpyElementType.Bool => typeof(bool),
        NpyElementType.Unicode => typeof(string),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    internal static int ItemSizeOf(NpyElementType type) => type switch
    {
        NpyElementType.Float64 or NpyElementType.Int64 or NpyElementType.UInt64 => 8,
        NpyElementType.Float32 or NpyElementType.Int32 or NpyElementType.UInt32 => 4,
        NpyElementType.Int16 or NpyElementType.UInt16 => 2,
        NpyElementType.Unicode => 4,
        _ => 1,
    };

    /// <inheritdoc />
    public override string ToString() => $"{ElementType} array of shape ({string.Join(", ", Shape)})";
}
