using System.Collections;
using System.Globalization;
using NeuroRnn.Dynamics;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of a <see cref="FixedPointResult"/>: the search summary and its points.</summary>
public sealed class FixedPointResultFormatterSource
{
    /// <summary>HTML: the summary and a table of the points (kind, q, speed, iterations), slowest first.</summary>
    public static TypeFormatter<FixedPointResult> Html { get; } = new("text/html", WriteHtml);

    /// <summary>Plain text: the search's one-line summary.</summary>
    public static TypeFormatter<FixedPointResult> PlainText { get; } = new("text/plain", (r, w) => w.Write(r.ToString()));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    private static void WriteHtml(FixedPointResult result, TextWriter writer)
    {
        var ci = CultureInfo.InvariantCulture;
        writer.Write("<div class=\"neurornn-fixed-points\">");
        writer.Write($"<p>{HtmlWriting.Encode(result.ToString())}</p>");
        var points = result.Points.OrderBy(p => p.Q).ToArray();
        int shown = Math.Min(HtmlWriting.MaxRows, points.Length);
        if (shown > 0)
        {
            writer.Write(string.Create(ci, $"<details open><summary>Points ({points.Length}{(shown < points.Length ? $", {shown} slowest shown" : "")})</summary>"));
            writer.Write("<table class=\"neurornn-table\"><thead><tr><th>start</th><th>kind</th><th>q</th><th>speed</th><th>iterations</th></tr></thead><tbody>");
            foreach (var p in points.Take(shown))
                writer.Write(string.Create(ci, $"<tr><td>{p.StartIndex}</td><td>{p.Kind}</td><td>{p.Q:G3}</td><td>{p.Speed:G3}</td><td>{p.Iterations}</td></tr>"));
            writer.Write("</tbody></table></details>");
        }
        writer.Write("</div>");
    }
}
