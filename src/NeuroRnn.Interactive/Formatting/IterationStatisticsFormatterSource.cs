using System.Collections;
using System.Globalization;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of one training iteration's <see cref="IterationStatistics"/>.</summary>
public sealed class IterationStatisticsFormatterSource
{
    /// <summary>HTML: the statistics as a small table.</summary>
    public static TypeFormatter<IterationStatistics> Html { get; } = new("text/html", (s, w) =>
        HtmlWriting.KeyValues(w, "neurornn-iteration", Rows(s)));

    /// <summary>Plain text: one line.</summary>
    public static TypeFormatter<IterationStatistics> PlainText { get; } = new("text/plain", (s, w) => w.Write(Summary(s)));

    /// <summary>The formatters: HTML and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlainText };

    /// <summary>One line: iteration (1-based), loss before → after, accepted, λ for Hessian-free, time.</summary>
    public static string Summary(IterationStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture,
            $"iteration {s.Iteration + 1}: loss {s.Loss:G4} → {s.LossAfter:G4}{(s.Accepted ? "" : " (rejected)")}{(s.Validation is { } v ? $", validation {v:G4}" : "")}{(s.Details is HessianFreeStepDetails hf ? $", λ {hf.Lambda:G3}" : "")}, {s.Seconds:0.###} s");
    }

    private static IEnumerable<(string, string)> Rows(IterationStatistics s)
    {
        var ci = CultureInfo.InvariantCulture;
        yield return ("iteration", (s.Iteration + 1).ToString(ci));
        yield return ("loss before → after", string.Create(ci, $"{s.Loss:G6} → {s.LossAfter:G6}"));
        yield return ("accepted", s.Accepted ? "yes" : "no");
        if (s.Validation is { } v) yield return ("validation", v.ToString("G6", ci));
        yield return ("step norm", s.StepNorm.ToString("G4", ci));
        if (s.Details is HessianFreeStepDetails hf) yield return ("λ (damping)", hf.Lambda.ToString("G4", ci));
        yield return ("time", string.Create(ci, $"{s.Seconds:0.###} s (elapsed {s.ElapsedSeconds:0.##} s)"));
        if (s.Note is { Length: > 0 } note) yield return ("note", note);
    }
}
