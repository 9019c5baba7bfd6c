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

/// <summary>
/// A column of doubles; <see cref="double.NaN"/> marks a missing value. Integers and booleans (0/1) are stored here too;
/// <see cref="Kind"/> says which.
/// </summary>
public sealed class DoubleColumn : TableColumn
{
    private const double LargestExactInteger = 9007199254740992; // 2^53
    private readonly double[] values;

    /// <summary>Creates a column of real numbers from a copy of <paramref name="values"/>.</summary>
    public DoubleColumn(string name, IEnumerable<double> values) : this(name, values, NumberKind.Real)
    {
    }

    /// <summary>Creates a column from a copy of <paramref name="values"/>, holding numbers of kind <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">A present value does not fit <paramref name="kind"/> (a fraction or a number
    /// beyond ±2^53 in an integer column, anything but 0 or 1 in a boolean column); the message names the column and row.</exception>
    public DoubleColumn(string name, IEnumerable<double> values, NumberKind kind) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values.ToArray();
        Kind = kind;
        Validate(name, this.values, kind);
    }

    private DoubleColumn(string name, double[] owned, NumberKind kind, bool _) : base(name)
    {
        values = owned;
        Kind = kind;
    }

    internal static DoubleColumn Own(string name, double[] owned) => new(name, owned, NumberKind.Real, true);

    /// <summary>What the numbers stand for: reals (default), whole numbers or booleans (0/1).</summary>
    public NumberKind Kind { get; }

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
        return new DoubleColumn(Name, result, Kind, true);
    }

    /// <inheritdoc />
    public override TableColumn Rename(string newName) => new DoubleColumn(newName, values, Kind, true);

    private static void Validate(string name, double[] values, NumberKind kind)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), $"Column '{name}': {kind} is not a NumberKind.");
        if (kind == NumberKind.Real) return;
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (double.IsNaN(v)) continue;
            bool fits = kind == NumberKind.Integer ? Math.Abs(v) <= LargestExactInteger && Math.Floor(v) == v : v is 0 or 1;
            if (!fits)
                throw new ArgumentException(kind == NumberKind.Integer
                    ? $"Column '{name}' row {r}: {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is not a whole number within ±2^53; an integer column holds only those (or NaN for missing)."
                    : $"Column '{name}' row {r}: {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is not 0 or 1; a boolean column holds 1 (true), 0 (false) or NaN (missing).", nameof(values));
        }
    }
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
