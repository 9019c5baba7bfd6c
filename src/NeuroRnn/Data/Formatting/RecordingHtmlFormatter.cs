using System.Globalization;
using System.Net;

namespace NeuroRnn.Data.Formatting;

/// <summary>Formats a <see cref="Recording"/> as HTML: its dimensions, the first rows of the trials table and the units table.</summary>
public sealed class RecordingHtmlFormatter
{
    /// <summary>How many rows of each table are shown.</summary>
    public const int MaxRows = 10;

    /// <summary>The MIME type produced: <c>text/html</c>.</summary>
    public string MimeType => "text/html";

    /// <summary>The formatted type: <see cref="Recording"/>.</summary>
    public Type Type => typeof(Recording);

    /// <summary>Writes the HTML of <paramref name="instance"/>; returns false (letting the host fall through) for anything but a Recording.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Recording recording) return false;
        var ci = CultureInfo.InvariantCulture;
        writer.Write("<div class=\"neurornn-recording\">");
        writer.Write(string.Create(ci, $"<p><b>{Encode(recording.Name)}</b>: {recording.UnitCount} units × {recording.TimeCount} time bins × {recording.TrialCount} trials ({recording.ValueKind})"));
        if (recording.TimeCount > 0)
            writer.Write(string.Create(ci, $"; time {recording.TimeMs[0]:0.###} … {recording.TimeMs[^1]:0.###} ms"));
        writer.Write("</p>");
        WriteTable(writer, "Trials", recording.Trials);
        WriteTable(writer, "Units", recording.Units);
        writer.Write("</div>");
        return true;
    }

    private static void WriteTable(TextWriter writer, string title, ColumnTable table)
    {
        int shown = Math.Min(MaxRows, table.RowCount);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<details open><summary>{title} ({table.RowCount} rows{(shown < table.RowCount ? $", first {shown} shown" : "")})</summary>"));
        writer.Write("<table><thead><tr><th></th>");
        foreach (var c in table.Columns) writer.Write($"<th>{Encode(c.Name)}</th>");
        writer.Write("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{r}</td>"));
            foreach (var c in table.Columns) writer.Write($"<td>{Encode(c.FormatValue(r))}</td>");
            writer.Write("</tr>");
        }
        writer.Write("</tbody></table></details>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
