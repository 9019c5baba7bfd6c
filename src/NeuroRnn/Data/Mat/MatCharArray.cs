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

    /// <summary>
    /// The char array of <paramref name="dims"/> from its characters in MATLAB's column-major order: one string per row of
    /// a 2-D array; N-d arrays and text whose length does not match (multi-byte UTF-8) stay one string.
    /// </summary>
    internal static MatCharArray FromColumnMajor(int[] dims, char[] chars)
    {
        long numel = dims.Aggregate(1L, (a, d) => a * d);
        if (dims.Length != 2 || chars.Length != numel || dims[0] == 0) return new MatCharArray(dims, new[] { new string(chars) });
        int rows = dims[0], columns = dims[1];
        var result = new string[rows];
        var row = new char[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++) row[c] = chars[c * rows + r];
            result[r] = new string(row);
        }
        return new MatCharArray(dims, result);
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
