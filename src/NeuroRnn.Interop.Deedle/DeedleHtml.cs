using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Deedle;

namespace NeuroRnn.Interop.Deedle;

/// <summary>
/// HTML tables for Deedle frames and series, as notebooks show them: row keys in the first column, a header with the
/// column keys (their .NET type as a tooltip), missing values marked, long and wide frames truncated with a note of how
/// much was left out, and a caption with the full size.
/// </summary>
public static class DeedleHtml
{
    private const string MissingCell = "<td class=\"missing\" style=\"color:#999\"><i>missing</i></td>";

    /// <summary>The frame as an HTML table.</summary>
    public static string ToHtml<TRowKey, TColumnKey>(Frame<TRowKey, TColumnKey> frame, DeedleTableOptions? options = null)
       
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new DeedleTableOptions();
        options.Validate();
        var (rowHead, rowTail, rowsHidden) = DeedleTableOptions.Split(frame.RowCount, options.MaxRows);
        var (colHead, colTail, colsHidden) = DeedleTableOptions.Split(frame.ColumnCount, options.MaxColumns);
        var columnPositions = Positions(frame.ColumnCount, colHead, colTail);
        var rowPositions = Positions(frame.RowCount, rowHead, rowTail);
        var types = frame.ColumnTypes.ToArray();
        // Each shown column is read in its own type: GetColumnAt<object> would convert (box) the whole column first,
        // which took 17 s for a 1,000,000-row, 20-column frame.
        var columns = columnPositions.ToDictionary(c => c, c => CellReader(frame, c, types[c]));

        var html = new StringBuilder("<table class=\"neurornn-deedle\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption style=\"caption-side:top;text-align:left\">Deedle frame: {frame.RowCount} rows × {frame.ColumnCount} columns");
        if (rowsHidden > 0 || colsHidden > 0) html.Append(" (truncated)");
        html.Append("</caption><thead><tr><th></th>");
        foreach (int c in columnPositions)
        {
            if (c == colHead && colsHidden > 0) html.Append("<th>…</th>");
            html.Append("<th title=\"").Append(Encode(TypeName(types[c]))).Append("\">").Append(Encode(Text(frame.ColumnKeys.ElementAt(c), options))).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (int r in rowPositions)
        {
            if (r == frame.RowCount - rowTail && rowsHidden > 0) HiddenRow(html, rowsHidden, columnPositions.Length + 1 + (colsHidden > 0 ? 1 : 0));
            html.Append("<tr><th>").Append(Encode(Text(frame.GetRowKeyAt(r), options))).Append("</th>");
            foreach (int c in columnPositions)
            {
                if (c == colHead && colsHidden > 0) html.Append("<td>…</td>");
                Cell(html, columns[c](r), options);
            }
            html.Append("</tr>");
        }
        if (colsHidden > 0)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{columnPositions.Length + 2}\"><i>… {colsHidden} more column{(colsHidden == 1 ? "" : "s")}</i></td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The series as an HTML table of keys and values.</summary>
    public static string ToHtml<TKey, TValue>(Series<TKey, TValue> series, DeedleTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new DeedleTableOptions();
        options.Validate();
        var (head, tail, hidden) = DeedleTableOptions.Split(series.KeyCount, options.MaxRows);
        var html = new StringBuilder("<table class=\"neurornn-deedle\">");
        html.Append(CultureInfo.InvariantCulture, $"<caption style=\"caption-side:top;text-align:left\">Deedle series: {series.KeyCount} keys, {series.ValueCount} values{(hidden > 0 ? " (truncated)" : "")}</caption>");
        html.Append("<thead><tr><th>key</th><th title=\"").Append(Encode(TypeName(typeof(TValue)))).Append("\">value</th></tr></thead><tbody>");
        foreach (int i in Positions(series.KeyCount, head, tail))
        {
            if (i == series.KeyCount - tail && hidden > 0) HiddenRow(html, hidden, 2);
            html.Append("<tr><th>").Append(Encode(Text(series.GetKeyAt(i), options))).Append("</th>");
            var value = series.TryGetAt(i);
            Cell(html, value.HasValue ? new OptionalValue<object>(value.Value!) : OptionalValue<object>.Missing, options);
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// The HTML table of any Deedle frame or series (the key and value types found at run time), or null for other
    /// values — what the notebook formatters call.
    /// </summary>
    public static string? TryToHtml(object? value, DeedleTableOptions? options = null)
    {
        switch (value)
        {
            case null: return null;
            case IFrame frame: return frame.Apply(new FrameHtml(options));
        }
        var series = SeriesType(value.GetType());
        if (series is null) return null;
        var method = typeof(DeedleHtml).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == nameof(ToHtml) && m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(Series<,>))
            .MakeGenericMethod(series.GetGenericArguments());
        try
        {
            return (string?)method.Invoke(null, [value, options]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>A reader of column <paramref name="column"/>'s value at a row position, without converting the column.</summary>
    private static Func<int, OptionalValue<object>> CellReader<R, C>(Frame<R, C> frame, int column, Type type)
    {
        var reader = typeof(DeedleHtml).GetMethod(nameof(TypedCellReader), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(R), typeof(C), type);
        try
        {
            return (Func<int, OptionalValue<object>>)reader.Invoke(null, [frame, column])!;
        }
        catch (TargetInvocationException)
        {
            var values = frame.GetColumnAt<object>(column); // a column whose declared type Deedle cannot hand out as is
            return row => values.TryGetAt(row);
        }
    }

    private static Func<int, OptionalValue<object>> TypedCellReader<R, C, T>(Frame<R, C> frame, int column)
    {
        var values = frame.GetColumnAt<T>(column);
        return row =>
        {
            var value = values.TryGetAt(row);
            return value.HasValue && value.Value is { } present ? new OptionalValue<object>(present) : OptionalValue<object>.Missing;
        };
    }

    /// <summary>The <c>Series&lt;K, V&gt;</c> that <paramref name="type"/> is or derives from (e.g. a frame row, an <c>ObjectSeries</c>), or null.</summary>
    internal static Type? SeriesType(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Series<,>)) return current;
        return null;
    }

    private sealed class FrameHtml(DeedleTableOptions? options) : IFrameOperation<string>
    {
        public string Invoke<R, C>(Frame<R, C> frame) => ToHtml(frame!, options);
    }

    private static int[] Positions(int count, int head, int tail) =>
        Enumerable.Range(0, head).Concat(Enumerable.Range(count - tail, tail)).ToArray();

    private static void HiddenRow(StringBuilder html, int hidden, int span) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{span}\"><i>⋮ {hidden} more row{(hidden == 1 ? "" : "s")}</i></td></tr>");

    private static void Cell(StringBuilder html, OptionalValue<object> value, DeedleTableOptions options)
    {
        if (!value.HasValue || value.Value is null) html.Append(MissingCell);
        else html.Append("<td>").Append(Encode(Text(value.Value, options))).Append("</td>");
    }

    internal static string Text(object? value, DeedleTableOptions options) => value switch
    {
        null => "",
        double d => d.ToString("G" + options.Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        float f => f.ToString("G" + Math.Min(options.Digits, 9).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
