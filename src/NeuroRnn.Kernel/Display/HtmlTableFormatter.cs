using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// HTML tables for sequences: one row per item (the first <c>maxRows</c>, then a "… more" row), one column per
/// public property of objects/records, key/value columns for dictionaries and an index/value table for scalars.
/// </summary>
internal static class HtmlTableFormatter
{
    public static string ToHtml(IEnumerable sequence, int maxRows)
    {
        var rows = new List<object?>();
        var more = false;
        foreach (var item in sequence)
        {
            if (rows.Count == maxRows) { more = true; break; }
            rows.Add(item);
        }

        var columns = ColumnsFor(rows);
        var html = new StringBuilder("<table class=\"neurornn-table\"><thead><tr><th><i>index</i></th>");
        foreach (var column in columns) html.Append("<th>").Append(Encode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < rows.Count; i++)
        {
            html.Append("<tr><td>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var column in columns) html.Append("<td>").Append(Encode(Cell(column.Read(rows[i])))).Append("</td>");
            html.Append("</tr>");
        }
        if (more)
        {
            var total = sequence is ICollection collection ? $" ({collection.Count - maxRows} more)" : "";
            html.Append("<tr><td colspan=\"").Append(columns.Count + 1).Append("\"><i>… more").Append(total).Append("</i></td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private sealed record Column(string Name, Func<object?, object?> Read);

    private static List<Column> ColumnsFor(List<object?> rows)
    {
        var first = rows.FirstOrDefault(r => r is not null);
        if (first is null || IsScalar(first.GetType())) return [new Column("value", row => row)];
        if (first is DictionaryEntry) return [new Column("key", r => ((DictionaryEntry)r!).Key), new Column("value", r => ((DictionaryEntry)r!).Value)];

        var type = first.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            var key = type.GetProperty("Key")!;
            var value = type.GetProperty("Value")!;
            return [new Column("key", r => r is null ? null : key.GetValue(r)), new Column("value", r => r is null ? null : value.GetValue(r))];
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
        if (properties.Length == 0) return [new Column("value", row => row)];
        return properties.Select(p => new Column(p.Name, row => ReadProperty(p, row))).ToList();
    }

    private static object? ReadProperty(PropertyInfo property, object? row)
    {
        if (row is null || !property.DeclaringType!.IsInstanceOfType(row)) return null;
        try { return property.GetValue(row); }
        catch (TargetInvocationException e) { return $"<{e.InnerException?.GetType().Name ?? "error"}>"; }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static string Cell(object? value)
    {
        var text = value is null ? "" : PlainTextFormatter.Format(value);
        // Keep tables readable when a cell holds a big value.
        return text.Length > 200 ? text[..199] + "…" : text;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
