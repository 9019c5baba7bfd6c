namespace NeuroRnn.Data.Mat;

/// <summary>A MATLAB cell array; elements in column-major order.</summary>
public sealed class MatCellArray : MatValue
{
    private readonly MatValue[] elements;

    /// <summary>Creates a cell array (elements column-major; count = numel).</summary>
    public MatCellArray(IReadOnlyList<int> dimensions, IReadOnlyList<MatValue> elements) : base(dimensions)
    {
        ArgumentNullException.ThrowIfNull(elements);
        this.elements = elements.ToArray();
        if (this.elements.LongLength != ElementCount) throw new ArgumentException($"{this.elements.Length} elements for dimensions {string.Join("x", dimensions)}.", nameof(elements));
    }

    /// <inheritdoc />
    public override MatClass Class => MatClass.Cell;

    /// <summary>The elements, column-major (MATLAB's <c>c(:)</c>).</summary>
    public IReadOnlyList<MatValue> Elements => elements;

    /// <summary>Element <paramref name="index"/> (zero-based linear index).</summary>
    public MatValue this[int index] => elements[index];
}
