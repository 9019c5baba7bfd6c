namespace NeuroRnn.Data;

/// <summary>
/// What the numbers of a <see cref="DoubleColumn"/> stand for. Every number is stored as a double (NaN = missing); the
/// kind remembers that a column came in as whole numbers or as true/false, so that conversions to typed tables
/// (Deedle frames) give back <c>int</c>/<c>long</c> and <c>bool</c> columns instead of <c>double</c> ones.
/// </summary>
public enum NumberKind
{
    /// <summary>Any real number (the default).</summary>
    Real,

    /// <summary>Whole numbers (every present value is an integer of magnitude ≤ 2^53, exact in a double).</summary>
    Integer,

    /// <summary>True/false stored as 1/0.</summary>
    Boolean,
}
