using System.Collections;
using System.Globalization;
using NeuroRnn.Data;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of <see cref="ColumnTable"/> (a recording's trials or units table).</summary>
public sealed class ColumnTableFormatterSource
{
    /// <summary>HTML: the first rows as a table.</summary>
    public static TypeFormatter<ColumnTable> Html { get; } = new("text/html", (t, w) => HtmlWriting.Table(w, "Table", t));

    /// <summary>Plain text: the size, the columns with their kinds and the first rows, tab-separated.</summary>
    public static TypeFormatter<ColumnTable> PlainText { get; } = new("text/plain", WritePlainText);

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    private static void WritePlainText(ColumnTable table, TextWriter writer)
    {
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{table.RowCount} rows × {table.Columns.Count} columns: {HtmlWriting.DescribeColumns(table)}"));
        int shown = Math.Min(5, table.RowCount);
        if (shown == 0 || table.Columns.Count == 0) return;
        writer.Write('\n');
        writer.Write(string.Join('\t', table.Columns.Select(c => c.Name)));
        for (int r = 0; r < shown; r++)
        {
            writer.Write('\n');
            writer.Write(string.Join('\t', table.Columns.Select(c => c.FormatValue(r))));
        }
        if (shown < table.RowCount) writer.Write($"\n… {table.RowCount - shown} more rows");
    }
}
