namespace NeuroRnn.Data.Mat;

/// <summary>
/// A value the reader cannot decode (a function handle, an opaque object such as a MATLAB <c>table</c> or
/// <c>string</c>, an unknown class): kept in place so that the rest of its struct or cell array, and the variable
/// itself, are still there; the file's warnings name it. Asking for its contents is an error that says what it is.
/// </summary>
public sealed class MatUnsupportedValue : MatValue
{
    /// <summary>Creates a placeholder.</summary>
    /// <param name="dimensions">The dimensions stored in the file.</param>
    /// <param name="matClass">The class, <see cref="MatClass.Unknown"/> when the code is not a known one.</param>
    /// <param name="what">What the value is, e.g. "function handle" or "MATLAB class code 99".</param>
    public MatUnsupportedValue(IReadOnlyList<int> dimensions, MatClass matClass, string what) : base(dimensions)
    {
        ArgumentNullException.ThrowIfNull(what);
        Class = matClass;
        What = what;
    }

    /// <inheritdoc />
    public override MatClass Class { get; }

    /// <summary>What the value is (for messages).</summary>
    public string What { get; }

    /// <inheritdoc />
    public override string Describe() => $"{string.Join("x", Dimensions)} {What} (not readable)";
}
