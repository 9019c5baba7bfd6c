using System.Globalization;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive;

/// <summary>The figures of a recording fit, as a list or as one self-contained HTML page (plotly embedded, opens offline).</summary>
public static class FitReport
{
    /// <summary>
    /// Example units for the tuning grid: the most reliable units (highest held-out noise ceiling), up to
    /// <paramref name="count"/>, in unit order.
    /// </summary>
    public static int[] ExampleUnits(RecordingFitResult fit, int count = 12)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var ev = fit.NoiseCeiling.PerUnit;
        return Enumerable.Range(0, ev.Length).Where(u => double.IsFinite(ev[u])).OrderByDescending(u => ev[u]).Take(count).Order().ToArray();
    }

    /// <summary>Tuning grid, orientation recovery (when the recording has ground truth), PCA trajectories and the training curve.</summary>
    public static IReadOnlyList<(string Heading, Figure Figure)> Figures(RecordingFitResult fit, Recording recording, PreferredOrientationRecovery? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(recording);
        recovery ??= PreferredOrientationRecovery.Compute(fit, recording);
        var list = new List<(string, Figure)>
        {
            ("Tuning curves of example units: recorded (mean ± SEM over all trials) and model", TuningChart.FromFit(fit, ExampleUnits(fit), 4)),
        };
        if (recovery is not null)
            list.Add(("Preferred orientation of every fitted unit: model vs the generator's ground truth", OrientationRecoveryChart.FromRecovery(recovery)));
        list.Add(("Model population trajectories, one per stimulus condition, in the first three principal components", TrajectoryChart.FromFit(fit)));
        list.Add(("Hessian-free training", TrainingChart.FromStatistics(fit.Statistics)));
        return list;
    }

    /// <summary>Writes the report page to <paramref name="path"/>.</summary>
    public static void Save(RecordingFitResult fit, Recording recording, string path, PreferredOrientationRecovery? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var figures = Figures(fit, recording, recovery);
        var page = new HtmlPage
        {
            Title = string.Create(CultureInfo.InvariantCulture,
                $"RNN fit to {recording.Name}: held-out trial-averaged R² {fit.TrialAveraged.Overall:0.000} (noise ceiling {fit.NoiseCeiling.Overall:0.000}; noise-corrected {fit.NormalizedRSquared:0.000})"),
            Figures = figures.Select(f => f.Figure).ToArray(),
            Headings = figures.Select(f => f.Heading).ToArray(),
        };
        page.Save(path);
    }
}
