namespace NeuroRnn.Data.Mat;

/// <summary>
/// One MATLAB value from a MAT file: a numeric/logical array (<see cref="MatNumericArray"/>), text
/// (<see cref="MatCharArray"/>), a cell array (<see cref="MatCellArray"/>) or a struct array (<see cref="MatStructArray"/>).
/// Dimensions are MATLAB's (column-major, at least two).
/// </summary>
public abstract class MatValue
{
    /// <summary>Creates a value with the given dimensions.</summary>
    protected MatValue(IReadOnlyList<int> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions.ToArray();
        long n = 1;
        foreach (int d in Dimensions) n *= d;
        ElementCount = n;
    }

    /// <summary>MATLAB's size(), e.g. [3, 4].</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>numel(): the product of the dimensions.</summary>
    public long ElementCount { get; }

    /// <summary>The MATLAB class.</summary>
    public abstract MatClass Class { get; }

    /// <summary>A short description such as <c>3x4 double</c>.</summary>
    public virtual string Describe() => $"{string.Join("x", Dimensions)} {Class.ToString().ToLowerInvariant()}";

    /// <inheritdoc />
    public override string ToString() => Describe();
}
