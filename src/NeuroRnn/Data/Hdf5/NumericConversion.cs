using PureHDF;

namespace NeuroRnn.Data.Hdf5;

/// <summary>Reads HDF5 integer, float, boolean-enum and bit-field data as doubles (exact for every stored value up to 2⁵³).</summary>
internal static class NumericConversion
{
    /// <summary>The numeric kind of a type: (size, signed, float), or null when it is not a number.</summary>
    public static (int Size, bool Signed, bool Float)? Kind(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FloatingPoint when type.Size is 4 or 8 => (type.Size, true, true),
        H5DataTypeClass.FixedPoint when type.Size is 1 or 2 or 4 or 8 => (type.Size, type.FixedPoint.IsSigned, false),
        H5DataTypeClass.BitField when type.Size is 1 or 2 or 4 or 8 => (type.Size, false, false),
        // h5py stores numpy bool as an enum over int8 (FALSE = 0, TRUE = 1).
        H5DataTypeClass.Enumerated when type.Size == 1 => (1, true, false),
        _ => null,
    };

    /// <summary>The dataset's values as doubles, or null when the type is not numeric.</summary>
    public static double[]? Read(IH5Dataset dataset)
    {
        var kind = Kind(dataset.Type);
        if (kind is null) return null;
        return kind.Value switch
        {
            (8, _, true) => dataset.Read<double[]>(),
            (4, _, true) => Widen(dataset.Read<float[]>()),
            (1, true, false) => Widen(dataset.Read<sbyte[]>()),
            (1, false, false) => Widen(dataset.Read<byte[]>()),
            (2, true, false) => Widen(dataset.Read<short[]>()),
            (2, false, false) => Widen(dataset.Read<ushort[]>()),
            (4, true, false) => Widen(dataset.Read<int[]>()),
            (4, false, false) => Widen(dataset.Read<uint[]>()),
            (8, true, false) => Widen(dataset.Read<long[]>()),
            _ => Widen(dataset.Read<ulong[]>()),
        };
    }

    /// <summary>A scalar numeric attribute as a one-element array, or null when not numeric.</summary>
    public static double[]? ScalarAttribute(IH5Attribute attribute)
    {
        var kind = Kind(attribute.Type);
        if (kind is null) return null;
        return kind.Value switch
        {
            (8, _, true) => [attribute.Read<double>()],
            (4, _, true) => [attribute.Read<float>()],
            (1, true, false) => [attribute.Read<sbyte>()],
            (1, false, false) => [attribute.Read<byte>()],
            (2, true, false) => [attribute.Read<short>()],
            (2, false, false) => [attribute.Read<ushort>()],
            (4, true, false) => [attribute.Read<int>()],
            (4, false, false) => [attribute.Read<uint>()],
            (8, true, false) => [attribute.Read<long>()],
            _ => [attribute.Read<ulong>()],
        };
    }

    /// <summary>An array attribute as doubles, or null when not numeric.</summary>
    public static double[]? ArrayAttribute(IH5Attribute attribute)
    {
        var kind = Kind(attribute.Type);
        if (kind is null) return null;
        return kind.Value switch
        {
            (8, _, true) => attribute.Read<double[]>(),
            (4, _, true) => Widen(attribute.Read<float[]>()),
            (1, true, false) => Widen(attribute.Read<sbyte[]>()),
            (1, false, false) => Widen(attribute.Read<byte[]>()),
            (2, true, false) => Widen(attribute.Read<short[]>()),
            (2, false, false) => Widen(attribute.Read<ushort[]>()),
            (4, true, false) => Widen(attribute.Read<int[]>()),
            (4, false, false) => Widen(attribute.Read<uint[]>()),
            (8, true, false) => Widen(attribute.Read<long[]>()),
            _ => Widen(attribute.Read<ulong[]>()),
        };
    }

    private static double[] Widen<T>(T[] values) where T : System.Numerics.INumberBase<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = double.CreateTruncating(values[i]);
        return result;
    }
}
