namespace NeuroRnn.Data.Io;

/// <summary>The NumPy element types NeuroRnn reads and writes (the <c>descr</c> kind and size, without byte order).</summary>
public enum NpyElementType
{
    /// <summary><c>f4</c>, stored in a <c>float[]</c>.</summary>
    Float32,
    /// <summary><c>f8</c>, stored in a <c>double[]</c>.</summary>
    Float64,
    /// <summary><c>i1</c>, stored in an <c>sbyte[]</c>.</summary>
    Int8,
    /// <summary><c>i2</c>, stored in a <c>short[]</c>.</summary>
    Int16,
    /// <summary><c>i4</c>, stored in an <c>int[]</c>.</summary>
    Int32,
    /// <summary><c>i8</c>, stored in a <c>long[]</c>.</summary>
    Int64,
    /// <summary><c>u1</c>, stored in a <c>byte[]</c>.</summary>
    UInt8,
    /// <summary><c>u2</c>, stored in a <c>ushort[]</c>.</summary>
    UInt16,
    /// <summary><c>u4</c>, stored in a <c>uint[]</c>.</summary>
    UInt32,
    /// <summary><c>u8</c>, stored in a <c>ulong[]</c>.</summary>
    UInt64,
    /// <summary><c>b1</c>, stored in a <c>bool[]</c>.</summary>
    Bool,
    /// <summary><c>U<i>n</i></c> (fixed-width UTF-32 text), stored in a <c>string[]</c> (trailing NULs removed).</summary>
    Unicode,
}
