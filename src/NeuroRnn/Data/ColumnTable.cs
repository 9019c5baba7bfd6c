namespace NeuroRnn.Data;

/// <summary>
/// An immutable table of equally long, uniquely named, typed columns (the trials table and the units table of a
/// <see cref="Recording"/>). Every operation returns a new table.
/// </summary>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.ColumnTableFormatterSource")]
public sealed class ColumnTable
{
    private readonly TableColumn[] columns;
    private readonly Dictionary<string, int> indexByName;

    /// <summary>Creates a table with <paramref name="rowCount"/> rows from the given columns.</summary>
    /// <exception cref="ArgumentException">A column has another length than <paramref name="rowCount"/>, or two columns share a name.</exception>
    public ColumnTable(int rowCount, IEnumerable<TableColumn> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(columns);
        this.columns = columns.ToArray();
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.columns.Length; i++)
        {
            var column = this.columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (column.Length != rowCount)
                throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows but the table has {rowCount}.", nameof(columns));
            if (!indexByName.TryAdd(column.Name, i))
                throw new ArgumentException($"Two columns are named '{column.Name}'.", nameof(columns));
        }
        RowCount = rowCount;
    }

    /// <summary>An empty table with <paramref name="rowCount"/> rows and no columns.</summary>
    public static ColumnTable Empty(int rowCount) => new(rowCount, Array.Empty<TableColumn>());

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<TableColumn> Columns => columns;

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => columns.Select(c => c.Name).ToArray();

    /// <summary>True when a column named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => indexByName.ContainsKey(name);

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such column.</exception>
    public TableColumn this[string name] =>
        indexByName.TryGetValue(name, out int i)
            ? columns[i]
            : throw new ArgumentException($"No column named '{name}'. Columns: {string.Join(", ", columns.Select(c => c.Name))}.", nameof(name));

    /// <summary>A copy of the double column <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">There is no such column or it holds strings.</exception>
    public double[] GetDoubles(string name) => this[name] switch
    {
        DoubleColumn d => d.ToArray(),
        _ => throw new ArgumentException($"Column '{name}' holds strings, not numbers.", nameof(name)),
    };

    /// <summary>A copy of the column <paramref name="name"/> as strings (numbers are formatted; missing values are null).</summary>
    public string?[] GetStrings(string name)
    {
        var column = this[name];
        if (column is StringColumn s) return s.ToArray();
        var result = new string?[RowCount];
        for (int i = 0; i < result.Length; i++) result[i] = column.IsMissing(i) ? null : column.FormatValue(i);
        return result;
    }

    /// <summary>A view of row <paramref name="row"/>.</summary>
    public TableRow Row(int row)
    {
        if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row), $"Row {row} is outside 0..{RowCount - 1}.");
        return new TableRow(this, row);
    }

    /// <summary>A new table with the given rows, in the given order.</summary>
    public ColumnTable Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (int r in rows)
            if ((uint)r >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside 0..{RowCount - 1}.");
        return new ColumnTable(rows.Count, columns.Select(c => c.Take(rows)));
    }

    /// <summary>The indices of the rows for which <paramref name="predicate"/> is true.</summary>
    public int[] RowsWhere(Func<TableRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>();
        for (int i = 0; i < RowCount; i++) if (predicate(new TableRow(this, i))) rows.Add(i);
        return rows.ToArray();
    }

    /// <summary>A new table with <paramref name="column"/> added, or replacing the column of the same name.</summary>
    public ColumnTable With(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var list = columns.ToList();
        if (indexByName.TryGetValue(column.Name, out int i)) list[i] = column; else list.Add(column);
        return new ColumnTable(RowCount, list);
    }

    /// <summary>A new table with a double column added or replaced.</summary>
    public ColumnTable With(string name, IEnumerable<double> values) => With(new DoubleColumn(name, values));

    /// <summary>A new table with a string column added or replaced.</summary>
    public ColumnTable With(string name, IEnumerable<string?> values) => With(new StringColumn(name, values));

    /// <summary>A new table without the column <paramref name="name"/> (unchanged if absent).</summary>
    public ColumnTable Without(string name) => new(RowCount, columns.Where(c => c.Name != name));

    /// <summary>Two tables are equal when they have the same columns (names, types and number kinds, order) and values (NaN equals NaN).</summary>
    public bool ContentEquals(ColumnTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RowCount != RowCount || other.columns.Length != columns.Length) return false;
        for (int c = 0; c < columns.Length; c++)
        {
            var a = columns[c];
            var b = other.columns[c];
            if (a.Name != b.Name || a.GetType() != b.GetType()) return false;
            if (a is DoubleColumn numbers && numbers.Kind != ((DoubleColumn)b).Kind) return false;
            for (int r = 0; r < RowCount; r++)
            {
                bool equal = a switch
                {
                    DoubleColumn da => da[r].Equals(((DoubleColumn)b)[r]),
                    StringColumn sa => sa[r] == ((StringColumn)b)[r],
                    _ => a.FormatValue(r) == b.FormatValue(r),
                };
                if (!equal) return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{RowCount} rows × {columns.Length} columns ({string.Join(", ", columns.Select(c => c.Name))})";
}

/// <summary>A view of one row of a <see cref="ColumnTable"/>, passed to selection predicates.</summary>
public readonly struct TableRow
{
    private readonly ColumnTable table;

    internal TableRow(ColumnTable table, int index)
    {
        this.table = table;
        Index = index;
    }

    /// <summary>The row index within its table.</summary>
    public int Index { get; }

    /// <summary>The number in column <paramref name="column"/> (NaN when missing).</summary>
    /// <exception cref="ArgumentException">No such column, or it holds strings.</exception>
    public double GetDouble(string column) => table[column] switch
    {
        DoubleColumn d => d[Index],
        _ => throw new ArgumentException($"Column '{column}' holds strings, not numbers.", nameof(column)),
    };

    /// <summary>The value of column <paramref name="column"/> as a string (numbers formatted; null when missing).</summary>
    public string? GetString(string column)
    {
        var c = table[column];
        return c is StringColumn s ? s[Index] : c.IsMissing(Index) ? null : c.FormatValue(Index);
    }
}
