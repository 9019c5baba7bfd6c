using System.Globalization;
using Deedle;
using NeuroRnn.Data;

namespace NeuroRnn.Interop.Deedle;

/// <summary>
/// Converts NeuroRnn's <see cref="ColumnTable"/> (the trials and units tables of a recording) to Deedle frames and back.
/// </summary>
/// <remarks>
/// <para>Table → frame: rows are keyed 0, 1, …; a number column becomes a <c>double</c> column, or by its
/// <see cref="DoubleColumn.Kind"/> an <c>int</c> column (<c>long</c> when a value lies beyond <c>int</c>'s range) or a
/// <c>bool</c> column; a text column becomes a <c>string</c> column; NaN and null become Deedle's missing values.</para>
/// <para>Frame → table: <c>double</c>, <c>float</c> and <c>decimal</c> columns become number columns
/// (<see cref="NumberKind.Real"/>), integer columns of any width number columns of kind <see cref="NumberKind.Integer"/>,
/// <c>bool</c> columns of kind <see cref="NumberKind.Boolean"/> (0/1); <c>string</c>, <c>char</c> and enum columns
/// (categories) become text columns; missing values become NaN or null. Rows keep the frame's order. Both round trips
/// keep names, values, missing values and types: table → frame → table gives the same table, and frame → table → frame
/// gives <c>double</c>, <c>int</c>, <c>bool</c> and <c>string</c> columns back as such (<c>long</c> columns come back as
/// <c>int</c> when their values fit, like Deedle's own CSV reader infers them; <c>float</c>/<c>decimal</c> as <c>double</c>;
/// <c>char</c>/enum as <c>string</c>).</para>
/// </remarks>
public static class ColumnTableFrames
{
    /// <summary>The table as a frame keyed by row number 0, 1, … with one column per table column, in order.</summary>
    public static Frame<int, string> ToFrame(ColumnTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keys = Enumerable.Range(0, table.RowCount).ToArray();
        var names = new List<string>(table.Columns.Count);
        var columns = new List<ISeries<int>>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            names.Add(column.Name);
            columns.Add(column switch
            {
                DoubleColumn { Kind: NumberKind.Integer } d => IntegerSeries(keys, d),
                DoubleColumn { Kind: NumberKind.Boolean } d => WithMissing(keys, d, d.Span.ToArray().Select(v => v == 1).ToArray()),
                DoubleColumn d => new Series<int, double>(keys, d.ToArray()),
                StringColumn s => new Series<int, string?>(keys, s.ToArray()),
                _ => throw new ArgumentException($"Column '{column.Name}' is a {column.GetType().Name}, which has no Deedle counterpart yet.", nameof(table)),
            });
        }
        return new Frame<int, string>(names, columns);
    }

    /// <summary>An <c>int</c> series, or <c>long</c> when a present value lies beyond <c>int</c>'s range (missing values stay missing).</summary>
    private static ISeries<int> IntegerSeries(int[] keys, DoubleColumn column)
    {
        var values = column.Span;
        bool fitsInt = true;
        foreach (var v in values) if (!double.IsNaN(v) && (v < int.MinValue || v > int.MaxValue)) { fitsInt = false; break; }
        return fitsInt
            ? WithMissing(keys, column, values.ToArray().Select(v => double.IsNaN(v) ? 0 : (int)v).ToArray())
            : WithMissing(keys, column, values.ToArray().Select(v => double.IsNaN(v) ? 0L : (long)v).ToArray());
    }

    /// <summary>A series of <paramref name="values"/> in which the rows missing in <paramref name="column"/> are Deedle's missing values.</summary>
    private static Series<int, T> WithMissing<T>(int[] keys, DoubleColumn column, T[] values)
    {
        var series = new Series<int, T>(keys, values);
        bool anyMissing = false;
        for (int r = 0; r < column.Length && !anyMissing; r++) anyMissing = column.IsMissing(r);
        return anyMissing ? series.SelectOptional(kv => column.IsMissing(kv.Key) ? OptionalValue<T>.Missing : kv.Value) : series;
    }

    /// <summary>
    /// The frame as a table with one column per frame column (named by the column key) and one row per frame row, in the
    /// frame's order. The row keys are dropped; see <see cref="RecordingFrames.WithTrialsFrame"/> to match them to trials.
    /// </summary>
    /// <exception cref="ArgumentException">A column key is empty or repeated, or a column holds values that are neither
    /// numbers nor text (e.g. dates); the message names the column.</exception>
    public static ColumnTable ToColumnTable<TRowKey, TColumnKey>(Frame<TRowKey, TColumnKey> frame)
       
    {
        ArgumentNullException.ThrowIfNull(frame);
        int rows = frame.RowCount;
        var types = frame.ColumnTypes.ToArray();
        var columns = new List<TableColumn>(frame.ColumnCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var key in frame.ColumnKeys)
        {
            var name = Convert.ToString(key, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"Frame column {index} has an empty name; a table column needs a name.", nameof(frame));
            if (!seen.Add(name))
                throw new ArgumentException($"Frame column '{name}' appears twice (as text); table column names must be unique.", nameof(frame));
            var series = frame.GetColumnAt<object>(index);
            columns.Add(ColumnOf(name, types[index], series, rows));
            index++;
        }
        return new ColumnTable(rows, columns);
    }

    private static TableColumn ColumnOf<TRowKey>(string name, Type declared, Series<TRowKey, object> series, int rows)
    {
        var kind = KindOf(declared);
        if (kind == ValueKind.Other && declared == typeof(object)) kind = KindOfValues(name, series, rows);
        switch (kind)
        {
            case ValueKind.Number or ValueKind.Integer or ValueKind.Boolean:
            {
                var values = new double[rows];
                for (int r = 0; r < rows; r++)
                {
                    var value = series.TryGetAt(r);
                    values[r] = value.HasValue ? ToDouble(name, series.GetKeyAt(r), value.Value) : double.NaN;
                }
                return new DoubleColumn(name, values, kind switch { ValueKind.Integer => NumberKind.Integer, ValueKind.Boolean => NumberKind.Boolean, _ => NumberKind.Real });
            }
            case ValueKind.Text:
            {
                var values = new string?[rows];
                for (int r = 0; r < rows; r++)
                {
                    var value = series.TryGetAt(r);
                    values[r] = value.HasValue ? ToText(value.Value) : null;
                }
                return new StringColumn(name, values);
            }
            default:
                throw new ArgumentException(
                    $"Frame column '{name}' holds {declared.FullName} values; a NeuroRnn table holds numbers (double, int, bool, …) and text (string, char, enum). Convert the column first (e.g. dates to milliseconds or to strings).",
                    "frame");
        }
    }

    private enum ValueKind { Number, Integer, Boolean, Text, Other }

    private static ValueKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum || type == typeof(string) || type == typeof(char)) return ValueKind.Text;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => ValueKind.Number,
            TypeCode.Boolean => ValueKind.Boolean,
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => ValueKind.Integer,
            _ => ValueKind.Other,
        };
    }

    /// <summary>A column of declared type <c>object</c> (mixed input): numbers if every present value is a number (of one
    /// kind, else reals), text if every one is text.</summary>
    private static ValueKind KindOfValues<TRowKey>(string name, Series<TRowKey, object> series, int rows)
    {
        ValueKind? kind = null;
        for (int r = 0; r < rows; r++)
        {
            var value = series.TryGetAt(r);
            if (!value.HasValue || value.Value is null) continue;
            var k = KindOf(value.Value.GetType());
            if (k == ValueKind.Other)
                throw new ArgumentException($"Frame column '{name}' holds a {value.Value.GetType().FullName} in row {series.GetKeyAt(r)}; a NeuroRnn table holds numbers and text only.", "frame");
            if (kind is { } previous && previous != k)
            {
                if (previous == ValueKind.Text || k == ValueKind.Text)
                    throw new ArgumentException($"Frame column '{name}' mixes numbers and text (row {series.GetKeyAt(r)} holds {Describe(value.Value)}); a table column holds one or the other.", "frame");
                k = ValueKind.Number; // whole numbers, booleans and reals together: reals
            }
            kind = k;
        }
        return kind ?? ValueKind.Number; // nothing present: an all-missing column, kept as numbers (NaN)
    }

    private static double ToDouble<TRowKey>(string name, TRowKey key, object value)
    {
        switch (value)
        {
            case double d: return d;
            case bool b: return b ? 1 : 0;
            case long l when (long)(double)l != l:
            case ulong u when (ulong)(double)u != u:
                throw new ArgumentException($"Frame column '{name}' row {key}: {value} cannot be stored as a double without changing it.", "frame");
            default: return Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
    }

    private static string ToText(object value) => value switch
    {
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Describe(object value) => value is string s ? $"\"{s}\"" : $"{value} ({value.GetType().Name})";
}
