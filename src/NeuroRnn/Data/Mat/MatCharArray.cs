namespace NeuroRnn.Data.Mat;

/// <summary>A MATLAB char array: one string per row (a 1×n char array is one string).</summary>
public sealed class MatCharArray : MatValue
{
    private readonly string[] rows;

    /// <summary>Creates a char array from its rows (all of equal length for a proper r×c array).</summary>
    public MatCharArray(IReadOnlyList<int> dimensions, IReadOnlyList<string> rows) : base(dimensions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        this.rows = rows.ToArray();
    }

    /// <inheritdoc />
    public override MatClass Class => MatClass.Char;

    /// <summary>The rows of the array.</summary>
    public IReadOnlyList<string> Rows => rows;

    /// <summary>The text: the single row, or the rows joined by newlines.</summary>
    public string Text => string.Join("\n", rows);

    /// <inheritdoc />
    public override string Describe() => rows.Length == 1 && rows[0].Length <= 40 ? $"{base.Describe()} '{rows[0]}'" : base.Describe();
}
