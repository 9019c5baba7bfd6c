using System.Collections;
using System.Globalization;
using NeuroRnn.Data;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of <see cref="Recording"/> (named by the core's <c>TypeFormatterSource</c> attribute).</summary>
public sealed class RecordingFormatterSource
{
    /// <summary>HTML: the dimensions and the first rows of the trials and units tables.</summary>
    public static TypeFormatter<Recording> Html { get; } = new("text/html", WriteHtml);

    /// <summary>Plain text: <see cref="Recording.Summary"/> (shape, time axis, value range, columns, source).</summary>
    public static TypeFormatter<Recording> PlainText { get; } = new("text/plain", (r, w) => w.Write(r.Summary()));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    private static void WriteHtml(Recording recording, TextWriter writer)
    {
        var ci = CultureInfo.InvariantCulture;
        writer.Write("<div class=\"neurornn-recording\">");
        writer.Write(string.Create(ci, $"<p><b>{HtmlWriting.Encode(recording.Name)}</b>: {recording.UnitCount} units × {recording.TimeCount} time bins × {recording.TrialCount} trials ({recording.ValueKind})"));
        if (recording.TimeCount > 0)
            writer.Write(string.Create(ci, $"; time {recording.TimeMs[0]:0.###} … {recording.TimeMs[^1]:0.###} ms, bin width {recording.BinWidthMs:0.###} ms"));
        writer.Write("</p>");
        if (recording.Provenance is { } p)
        {
            writer.Write($"<p>source: <code>{HtmlWriting.Encode(p.SourcePath)}</code> (read by {HtmlWriting.Encode(p.Reader)})</p>");
            foreach (var warning in p.Warnings) writer.Write($"<p>⚠ {HtmlWriting.Encode(warning)}</p>");
        }
        HtmlWriting.Table(writer, "Trials", recording.Trials);
        HtmlWriting.Table(writer, "Units", recording.Units);
        writer.Write("</div>");
    }
}
