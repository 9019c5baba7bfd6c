using NeuroRnn.Charts;
using NeuroRnn.Experiments;

namespace NeuroRnn.Interactive;

/// <summary>Charts of the sparse-recording experiment (<see cref="SparseRecordingExperiment"/>) and of the robustness comparison.</summary>
public static class SparseRecordingChart
{
    /// <summary>
    /// SVCCA of each optimizer's embedders with all circuit units against the sampled fraction (mean ± s.d. over seeds),
    /// the output-only embedders as dashed lines, and the population ceiling and untrained floor as references.
    /// </summary>
    /// <param name="result">The experiment's result.</param>
    /// <param name="heldOut">Score on the held-out reach conditions instead of the training ones.</param>
    /// <exception cref="ArgumentException">The result has no hinted (fraction &gt; 0) embedders.</exception>
    public static Figure Svcca(SparseRecordingResult result, bool heldOut = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (fractions, optimizers) = Grid(result);
        var cells = Cells(result, fractions, optimizers);
        return NeuroCharts.FractionCurves(fractions.Select(f => 100 * f).ToArray(),
            cells.Select(row => (IReadOnlyList<double>)row.Select(s => s is null ? double.NaN : heldOut ? s.HeldOutSvcca : s.Svcca).ToArray()).ToArray(),
            new FractionCurveOptions
            {
                Title = heldOut ? "Dynamics on held-out reaches: SVCCA with all circuit units" : "Dynamics on trained reaches: SVCCA with all circuit units",
                SeriesNames = optimizers.Select(o => $"{o} with hints").ToArray(),
                Spread = cells.Select(row => (IReadOnlyList<double>)row.Select(s => s is null ? double.NaN : heldOut ? s.HeldOutSvccaStd : s.SvccaStd).ToArray()).ToArray(),
                Baselines = optimizers.Select(o => OutputOnly(result, o) is { } s ? (heldOut ? s.HeldOutSvcca : s.Svcca) : double.NaN).ToArray(),
                References =
                [
                    ("another population of the circuit", heldOut ? result.HeldOutPopulationCeiling : result.PopulationCeiling),
                    ("untrained network", heldOut ? result.HeldOutUntrainedSvcca : result.UntrainedSvcca),
                ],
                ValueTitle = $"SVCCA ({result.Options.SvccaComponents} components)",
            });
    }

    /// <summary>
    /// Normalised output error on the held-out reach conditions against the sampled fraction (mean ± s.d. over seeds),
    /// output-only embedders dashed: does embedding sampled units improve generalisation?
    /// </summary>
    /// <exception cref="ArgumentException">The result has no hinted (fraction &gt; 0) embedders.</exception>
    public static Figure Generalization(SparseRecordingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (fractions, optimizers) = Grid(result);
        var cells = Cells(result, fractions, optimizers);
        return NeuroCharts.FractionCurves(fractions.Select(f => 100 * f).ToArray(),
            cells.Select(row => (IReadOnlyList<double>)row.Select(s => s?.HeldOutOutputError ?? double.NaN).ToArray()).ToArray(),
            new FractionCurveOptions
            {
                Title = "Generalisation: muscle error on held-out reaches",
                SeriesNames = optimizers.Select(o => $"{o} with hints").ToArray(),
                Spread = cells.Select(row => (IReadOnlyList<double>)row.Select(s => s?.HeldOutOutputErrorStd ?? double.NaN).ToArray()).ToArray(),
                Baselines = optimizers.Select(o => OutputOnly(result, o)?.HeldOutOutputError ?? double.NaN).ToArray(),
                ValueTitle = "Σ(y − f)² / Σ(f − f̄)², held-out reaches",
            });
    }

    /// <summary>The pairwise SVCCA matrix of a robustness comparison, labelled by network.</summary>
    public static Figure Robustness(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return NeuroCharts.SimilarityMatrix(result.Similarity(), result.Networks.Select(n => n.Label).ToArray(),
            "Do different architectures learn the same dynamics? Pairwise SVCCA");
    }

    private static (double[] Fractions, EmbedderOptimizer[] Optimizers) Grid(SparseRecordingResult result)
    {
        var fractions = result.Summaries.Where(s => s.Fraction > 0).Select(s => s.Fraction).Distinct().Order().ToArray();
        if (fractions.Length == 0)
            throw new ArgumentException("The result has only output-only embedders; there is no curve against the sampled fraction.", nameof(result));
        return (fractions, result.Summaries.Select(s => s.Optimizer).Distinct().ToArray());
    }

    private static SparseRecordingSummary?[][] Cells(SparseRecordingResult result, double[] fractions, EmbedderOptimizer[] optimizers) =>
        optimizers.Select(o => fractions.Select(f => result.Summaries.FirstOrDefault(s => s.Optimizer == o && s.Fraction == f)).ToArray()).ToArray();

    private static SparseRecordingSummary? OutputOnly(SparseRecordingResult result, EmbedderOptimizer optimizer) =>
        result.Summaries.FirstOrDefault(s => s.Optimizer == optimizer && s.Fraction == 0);
}
