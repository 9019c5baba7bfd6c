namespace NeuroRnn.Charts;

/// <summary>
/// A rectangular matrix of numbers (heat-map <c>z</c>), stored row-major and copied on construction.
/// Row i is drawn at y[i], column j at x[j]. Non-finite values are written as JSON <c>null</c> (a gap).
/// </summary>
public sealed class DataMatrix
{
    private readonly double[] values;

    private DataMatrix(double[] values, int rows, int columns)
    {
        this.values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of rows (drawn along y).</summary>
    public int Rows { get; }

    /// <summary>The number of columns (drawn along x).</summary>
    public int Columns { get; }

    /// <summary>All values, row by row.</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>One row.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return values.AsSpan(row * Columns, Columns);
    }

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column] => Row(row)[column];

    /// <summary>A matrix from a two-dimensional array (rows × columns).</summary>
    public static DataMatrix From(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        var copy = new double[rows * columns];
        if (copy.Length > 0)
            System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref matrix[0, 0], copy.Length).CopyTo(copy);
        return new DataMatrix(copy, rows, columns);
    }

    /// <summary>A matrix from rows of equal length.</summary>
    /// <exception cref="ArgumentException">The rows differ in length (the message names the first offending row).</exception>
    public static DataMatrix From(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : (rows[0] ?? throw new ArgumentException("row 0 is null", nameof(rows))).Count;
        var copy = new double[rows.Count * columns];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"row {i} is null", nameof(rows));
            if (row.Count != columns)
                throw new ArgumentException($"matrix rows must have equal length: row 0 has {columns} values but row {i} has {row.Count}", nameof(rows));
            for (int j = 0; j < columns; j++) copy[i * columns + j] = row[j];
        }
        return new DataMatrix(copy, rows.Count, columns);
    }

    /// <summary>A matrix from a row-major buffer.</summary>
    /// <exception cref="ArgumentException">The buffer length is not <paramref name="rows"/> × <paramref name="columns"/>.</exception>
    public static DataMatrix FromRowMajor(ReadOnlySpan<double> values, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != values.Length)
            throw new ArgumentException($"a {rows}×{columns} matrix needs {(long)rows * columns} values but {values.Length} were given", nameof(values));
        return new DataMatrix(values.ToArray(), rows, columns);
    }

    /// <summary>Converts a two-dimensional array.</summary>
    public static implicit operator DataMatrix(double[,] matrix) => From(matrix);

    /// <summary>Converts a jagged array whose rows have equal length.</summary>
    public static implicit operator DataMatrix(double[][] rows) => From(rows);

    /// <summary>A short description, never the values themselves.</summary>
    public override string ToString() => $"DataMatrix({Rows}×{Columns})";
}
