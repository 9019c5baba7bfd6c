using System.Collections;
using System.Globalization;
using NeuroRnn.Charts;
using NeuroRnn.Networks;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of a <see cref="TrainedNetwork"/>: task, size, optimizer, test score and the training curve.</summary>
public sealed class TrainedNetworkFormatterSource
{
    /// <summary>HTML: the summary table and the training curve.</summary>
    public static TypeFormatter<TrainedNetwork> Html { get; } = new("text/html", (n, w) =>
    {
        w.Write("<div class=\"neurornn-trained-network\">");
        HtmlWriting.KeyValues(w, "neurornn-network-summary", Rows(n));
        if (n.Statistics.Count > 0) w.Write(NotebookOutput.Html(TrainingChart.FromStatistics(n.Statistics, $"Training on {n.Task.Name}")));
        w.Write("</div>");
    });

    /// <summary>Plain text: the network's one-line summary.</summary>
    public static TypeFormatter<TrainedNetwork> PlainText { get; } = new("text/plain", (n, w) => w.Write(n.ToString()));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    private static IEnumerable<(string, string)> Rows(TrainedNetwork n)
    {
        var ci = CultureInfo.InvariantCulture;
        yield return ("task", n.Task.Name);
        yield return ("units", n.Model.Options.UnitCount.ToString(ci));
        yield return ("optimizer", n.Options.Optimizer.ToString());
        yield return ("iterations", string.Create(ci, $"{n.Statistics.Count} ({n.StopReason})"));
        if (n.Statistics.Count > 0) yield return ("final loss", n.Statistics[^1].LossAfter.ToString("G6", ci));
        yield return ("test accuracy", string.Create(ci, $"{n.TestScore.Accuracy:P1} on {n.TestBatch.BatchSize} trials ({n.TestScore.Criterion})"));
        if (n.CurriculumFinalLength is { } length) yield return ("curriculum final length", length.ToString(ci));
        yield return ("time", string.Create(ci, $"{n.Seconds:0.#} s on {n.Backend}"));
    }
}
