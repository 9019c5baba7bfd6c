namespace NeuroRnn.Data;

/// <summary>
/// One named, typed column of a <see cref="ColumnTable"/>. Columns are immutable: the values are copied in and every
/// accessor returns a copy, so a column can be shared freely between frames.
/// </summary>
public abstract class TableColumn
{
    /// <summary>Creates a column with the given name.</summary>
    /// <exception cref="ArgumentException">The name is empty or whitespace.</exception>
    protected TableColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A column name must not be empty.", nameof(name));
        Name = name;
    }

    /// <summary>The column name (unique within its table).</summary>
    public string Name { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>True when the value in <paramref name="row"/> is missing (NaN or null).</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value in <paramref name="row"/> formatted for display and grouping; missing values give <c>""</c>.</summary>
    public abstract string FormatValue(int row);

    /// <summary>A new column holding the given rows, in the given order.</summary>
    public abstract TableColumn Take(IReadOnlyList<int> rows);

    /// <summary>A copy of this column under another name.</summary>
    public abstract TableColumn Rename(string newName);
}

/// <summary>A column of doubles; <see cref="double.NaN"/> marks a missing value. Integers and booleans (0/1) are stored here too.</summary>
public sealed class DoubleColumn : TableColumn
{
    private readonly double[] values;

    /// <summary>Creates a column from a copy of <paramref name="values"/>.</summary>
    public DoubleColumn(string name, IEnumerable<double> values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values.ToArray();
    }

    private DoubleColumn(string name, double[] owned, bool _) : base(name) => values = owned;

    internal static DoubleColumn Own(string name, double[] owned) => new(name, owned, true);

    /// <inheritdoc />
    public override int Length => values.Length;

    /// <summary>The value in <paramref name="row"/>.</summary>
    public double this[int row] => values[row];

    /// <summary>The values as a read-only span (no copy).</summary>
    public ReadOnlySpan<double> Span => values;

    /// <summary>A copy of the values.</summary>
    public double[] ToArray() => (double[])values.Clone();

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(values[row]);

    /// <inheritdoc />
    public override string FormatValue(int row) =>
        double.IsNaN(values[row]) ? "" : values[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        var result = new double[rows.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[rows[i]];
        return new DoubleColumn(Name, result, true);
    }

    /// <inheritdoc />
    public override TableColumn Rename(string newName) => new DoubleColumn(newName, values, true);
}

/// <summary>A column of strings; <c>null</c> marks a missing value.</summary>
public sealed class StringColumn : TableColumn
{
    private readonly string?[] values;

    /// <summary>Creates a column from a copy of <paramref name="values"/>.</summary>
    public StringColumn(string name, IEnumerable<string?> values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values.ToArray();
    }

    private StringColumn(string name, string?[] owned, bool _) : base(name) => values = owned;

    internal static StringColumn Own(string name, string?[] owned) => new(name, owned, true);

    /// <inheritdoc />
    public override int Length => values.Length;

    /// <summary>The value in <paramref name="row"/> (null when missing).</summary>
    public string? this[int row] => values[row];

    /// <summary>A copy of the values.</summary>
    public string?[] ToArray() => (string?[])values.Clone();

    /// <inheritdoc />
    public override bool IsMissing(int row) => values[row] is null;

    /// <inheritdoc />
    public override string FormatValue(int row) => values[row] ?? "";

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        var result = new string?[rows.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[rows[i]];
        return new StringColumn(Name, result, true);
    }

    /// <inheritdoc />
    public override TableColumn Rename(string newName) => new StringColumn(newName, values, true);
}
