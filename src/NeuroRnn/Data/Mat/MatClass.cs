namespace NeuroRnn.Data.Mat;

/// <summary>The MATLAB array classes (mxCLASS values of the MAT v5 array-flags subelement).</summary>
public enum MatClass
{
    /// <summary>A class this reader cannot decode (kept as a <see cref="MatUnsupportedValue"/>).</summary>
    Unknown = 0,
    /// <summary>Cell array.</summary>
    Cell = 1,
    /// <summary>Structure (array).</summary>
    Struct = 2,
    /// <summary>Object (read as a struct).</summary>
    Object = 3,
    /// <summary>Character array.</summary>
    Char = 4,
    /// <summary>Sparse matrix (read as dense).</summary>
    Sparse = 5,
    /// <summary>double.</summary>
    Double = 6,
    /// <summary>single.</summary>
    Single = 7,
    /// <summary>int8.</summary>
    Int8 = 8,
    /// <summary>uint8.</summary>
    UInt8 = 9,
    /// <summary>int16.</summary>
    Int16 = 10,
    /// <summary>uint16.</summary>
    UInt16 = 11,
    /// <summary>int32.</summary>
    Int32 = 12,
    /// <summary>uint32.</summary>
    UInt32 = 13,
    /// <summary>int64.</summary>
    Int64 = 14,
    /// <summary>uint64.</summary>
    UInt64 = 15,
    /// <summary>Function handle (not readable; kept as a <see cref="MatUnsupportedValue"/>).</summary>
    Function = 16,
    /// <summary>Opaque MATLAB object such as a table, string or containers.Map (not readable; kept as a <see cref="MatUnsupportedValue"/>).</summary>
    Opaque = 17,
}
