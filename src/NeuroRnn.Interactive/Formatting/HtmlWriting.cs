using System.Globalization;
using System.Net;
using NeuroRnn.Data;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Small HTML building blocks shared by the formatters (encoded text, key–value tables, column tables).</summary>
internal static class HtmlWriting
{
    /// <summary>How many rows of a table are shown inline.</summary>
    public const int MaxRows = 10;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double value, string format = "G4") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A two-column table of named values (already formatted text).</summary>
    public static void KeyValues(TextWriter writer, string cssClass, IEnumerable<(string Key, string Value)> rows)
    {
        writer.Write($"<table class=\"{cssClass}\"><tbody>");
        foreach (var (key, value) in rows) writer.Write($"<tr><th style=\"text-align:left\">{Encode(key)}</th><td style=\"text-align:left\">{Encode(value)}</td></tr>");
        writer.Write("</tbody></table>");
    }

    /// <summary>The first <see cref="MaxRows"/> rows of <paramref name="table"/>, under a collapsible title.</summary>
    public static void Table(TextWriter writer, string title, ColumnTable table)
    {
        int shown = Math.Min(MaxRows, table.RowCount);
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"<details open><summary>{Encode(title)} ({table.RowCount} rows × {table.Columns.Count} columns{(shown < table.RowCount ? $", first {shown} shown" : "")})</summary>"));
        TableBody(writer, table, shown);
        writer.Write("</details>");
    }

    /// <summary>A plain HTML table of the first <paramref name="rows"/> rows.</summary>
    public static void TableBody(TextWriter writer, ColumnTable table, int rows)
    {
        writer.Write("<table class=\"neurornn-table\"><thead><tr><th></th>");
        foreach (var c in table.Columns) writer.Write($"<th>{Encode(c.Name)}</th>");
        writer.Write("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{r}</td>"));
            foreach (var c in table.Columns) writer.Write($"<td>{Encode(c.FormatValue(r))}</td>");
            writer.Write("</tr>");
        }
        writer.Write("</tbody></table>");
    }

    /// <summary>Column names with their kinds, e.g. <c>direction_deg (number), area (text)</c>.</summary>
    public static string DescribeColumns(ColumnTable table) =>
        table.Columns.Count == 0 ? "(no columns)" : string.Join(", ", table.Columns.Select(c => $"{c.Name} ({(c is DoubleColumn ? "number" : "text")})"));
}
