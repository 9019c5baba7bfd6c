using System.Collections;
using System.Globalization;
using NeuroRnn.Charts;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of a <see cref="TrainingResult"/>: a summary and its training curve.</summary>
public sealed class TrainingResultFormatterSource
{
    /// <summary>HTML: the summary table and the training curve.</summary>
    public static TypeFormatter<TrainingResult> Html { get; } = new("text/html", (r, w) =>
    {
        w.Write("<div class=\"neurornn-training\">");
        HtmlWriting.KeyValues(w, "neurornn-training-summary", Rows(r));
        if (r.Statistics.Count > 0) w.Write(NotebookOutput.Html(TrainingChart.FromStatistics(r.Statistics)));
        w.Write("</div>");
    });

    /// <summary>Plain text: one line.</summary>
    public static TypeFormatter<TrainingResult> PlainText { get; } = new("text/plain", (r, w) => w.Write(Summary(r)));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    /// <summary>One line: iterations, first and final loss, why it stopped, best validation.</summary>
    public static string Summary(TrainingResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var ci = CultureInfo.InvariantCulture;
        if (r.Statistics.Count == 0) return $"training: no iterations ({r.StopReason})";
        var first = r.Statistics[0];
        var last = r.Statistics[^1];
        return string.Create(ci,
            $"training: {r.Statistics.Count} iterations, loss {first.Loss:G4} → {last.LossAfter:G4}, stopped: {r.StopReason}{(r.BestValidation is { } v ? $", best validation {v:G4}" : "")}, {last.ElapsedSeconds:0.#} s");
    }

    internal static IEnumerable<(string, string)> Rows(TrainingResult r)
    {
        var ci = CultureInfo.InvariantCulture;
        yield return ("iterations", r.Statistics.Count.ToString(ci));
        if (r.Statistics.Count > 0)
        {
            yield return ("loss first → final", string.Create(ci, $"{r.Statistics[0].Loss:G6} → {r.Statistics[^1].LossAfter:G6}"));
            yield return ("accepted steps", r.Statistics.Count(s => s.Accepted).ToString(ci));
            yield return ("time", string.Create(ci, $"{r.Statistics[^1].ElapsedSeconds:0.##} s"));
        }
        yield return ("stopped", r.StopReason.ToString());
        if (r.BestValidation is { } v) yield return ("best validation", v.ToString("G6", ci));
        yield return ("parameters", r.Parameters.Length.ToString(ci));
    }
}
