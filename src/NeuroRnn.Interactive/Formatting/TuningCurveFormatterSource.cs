using System.Collections;
using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;

namespace NeuroRnn.Interactive.Formatting;

/// <summary>Notebook formatters of <see cref="TuningCurve"/>: the curve as a figure (HTML and plotly JSON) and a one-line summary.</summary>
public sealed class TuningCurveFormatterSource
{
    /// <summary>HTML: the curve drawn with ± SEM (plotly.js, offline).</summary>
    public static TypeFormatter<TuningCurve> Html { get; } = new("text/html", (c, w) => w.Write(NotebookOutput.Html(Figure(c))));

    /// <summary>The figure as <c>application/vnd.plotly.v1+json</c>.</summary>
    public static TypeFormatter<TuningCurve> PlotlyJson { get; } = new(NotebookOutput.PlotlyMimeType, (c, w) => w.Write(Figure(c).ToJson()));

    /// <summary>Plain text: the unit, its peak and trough and how many angles and trials.</summary>
    public static TypeFormatter<TuningCurve> PlainText { get; } = new("text/plain", (c, w) => w.Write(Summary(c)));

    /// <summary>The formatters: HTML, plotly JSON and plain text.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { Html, PlotlyJson, PlainText };

    /// <summary>The figure shown for one curve.</summary>
    public static Figure Figure(TuningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return TuningChart.FromCurves([curve], title: $"Tuning curve of unit {curve.UnitId}");
    }

    /// <summary>One line: unit, peak (angle), trough, angles and trials.</summary>
    public static string Summary(TuningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var ci = CultureInfo.InvariantCulture;
        if (curve.Mean.Length == 0) return $"tuning curve of unit {curve.UnitId}: no angles";
        int peak = 0, trough = 0;
        for (int i = 1; i < curve.Mean.Length; i++)
        {
            if (curve.Mean[i] > curve.Mean[peak]) peak = i;
            if (curve.Mean[i] < curve.Mean[trough]) trough = i;
        }
        return string.Create(ci,
            $"tuning curve of unit {curve.UnitId}: peak {curve.Mean[peak]:G4} {curve.ResponseUnit} at {curve.AnglesDeg[peak]:0.#}°, trough {curve.Mean[trough]:G4} at {curve.AnglesDeg[trough]:0.#}°; {curve.AnglesDeg.Length} angles, {curve.TrialCounts.Sum()} trials");
    }
}
