using System.Collections;
using System.Globalization;
using NeuroRnn.Charts;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of a <see cref="RecordingFitResult"/>: the scores and the training curve.</summary>
public sealed class RecordingFitResultFormatterSource
{
    /// <summary>HTML: the score table and the training curve.</summary>
    public static TypeFormatter<RecordingFitResult> Html { get; } = new("text/html", (f, w) =>
    {
        w.Write("<div class=\"neurornn-fit\">");
        HtmlWriting.KeyValues(w, "neurornn-fit-summary", Rows(f));
        if (f.Statistics.Count > 0) w.Write(NotebookOutput.Html(TrainingChart.FromStatistics(f.Statistics, "Fit")));
        w.Write("</div>");
    });

    /// <summary>Plain text: the fit's one-line summary.</summary>
    public static TypeFormatter<RecordingFitResult> PlainText { get; } = new("text/plain", (f, w) => w.Write(f.ToString()));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    private static IEnumerable<(string, string)> Rows(RecordingFitResult f)
    {
        var ci = CultureInfo.InvariantCulture;
        yield return ("fitted units / network units", string.Create(ci, $"{f.Dataset.FittedUnitCount} / {f.Model.Options.UnitCount}"));
        yield return ("held-out trial-averaged R²", string.Create(ci, $"{f.TrialAveraged.Overall:F3} (median per unit {f.TrialAveraged.MedianPerUnit:F3})"));
        yield return ("noise ceiling R²", f.NoiseCeiling.Overall.ToString("F3", ci));
        yield return ("normalised R²", f.NormalizedRSquared.ToString("F3", ci));
        yield return ("single-trial R²", f.SingleTrial.Overall.ToString("F3", ci));
        yield return ("training-set trial-averaged R²", f.TrainingTrialAveraged.Overall.ToString("F3", ci));
        yield return ("iterations", string.Create(ci, $"{f.Statistics.Count}{(f.StoppedEarly ? $" (stopped early; best at {f.BestValidationIteration + 1})" : "")}"));
        yield return ("final loss", f.FinalLoss.ToString("G6", ci));
        yield return ("time", string.Create(ci, $"{f.Seconds:0.#} s on {f.Backend}"));
    }
}
