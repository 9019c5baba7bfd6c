using System.Globalization;
using System.Text;

namespace NeuroRnn.Experiments;

/// <summary>The result table of <see cref="SparseRecordingExperiment.Run"/>: one row per (optimizer, fraction, seed), summaries, references.</summary>
public sealed class SparseRecordingResult
{
    internal SparseRecordingResult(SparseRecordingOptions options, IReadOnlyList<SparseRecordingRun> runs, double ceiling, double heldOutCeiling,
        double untrained, double heldOutUntrained, double circuitVariance)
    {
        Options = options;
        Runs = runs;
        PopulationCeiling = ceiling;
        HeldOutPopulationCeiling = heldOutCeiling;
        UntrainedSvcca = untrained;
        HeldOutUntrainedSvcca = heldOutUntrained;
        CircuitVarianceExplained = circuitVariance;
        Summaries = runs.GroupBy(r => (r.Optimizer, r.Fraction))
            .Select(g =>
            {
                var rows = g.ToArray();
                return new SparseRecordingSummary(g.Key.Optimizer, g.Key.Fraction, rows[0].SampledUnits, rows.Length,
                    rows.Average(r => r.Svcca), Std(rows.Select(r => r.Svcca)), rows.Average(r => r.HeldOutSvcca), Std(rows.Select(r => r.HeldOutSvcca)),
                    rows.Average(r => r.OutputError), rows.Average(r => r.HeldOutOutputError), Std(rows.Select(r => r.HeldOutOutputError)),
                    rows.Average(r => r.TrainSeconds), rows.Average(r => (double)r.Iterations), rows.Average(r => r.CpuSeconds),
                    Std(rows.Select(r => r.OutputError)));
            })
            .OrderBy(s => s.Optimizer).ThenBy(s => s.Fraction)
            .ToArray();
    }

    /// <summary>The settings.</summary>
    public SparseRecordingOptions Options { get; }

    /// <summary>Every trained embedder, in training order.</summary>
    public IReadOnlyList<SparseRecordingRun> Runs { get; }

    /// <summary>Mean and spread over seeds per (optimizer, fraction), ordered by optimizer then fraction.</summary>
    public IReadOnlyList<SparseRecordingSummary> Summaries { get; }

    /// <summary>
    /// SVCCA between the circuit's units and a second population of the same circuit (another
    /// <see cref="Data.Synthetic.ReachingCircuitOptions.PopulationSeed"/>) on the training conditions: how high SVCCA can
    /// be when the dynamics are identical and only the neurons differ.
    /// </summary>
    public double PopulationCeiling { get; }

    /// <summary>The same on the held-out conditions.</summary>
    public double HeldOutPopulationCeiling { get; }

    /// <summary>Mean SVCCA of the untrained embedders (initial weights of every seed) with the circuit, training conditions: the floor.</summary>
    public double UntrainedSvcca { get; }

    /// <summary>The same on the held-out conditions.</summary>
    public double HeldOutUntrainedSvcca { get; }

    /// <summary>Fraction of the circuit's population variance (training conditions) in the SVD components SVCCA keeps.</summary>
    public double CircuitVarianceExplained { get; }

    /// <summary>
    /// The summaries as a Markdown table: means ± standard error over seeds (s.d./√seeds; no ± for one seed), iterations,
    /// process CPU seconds and wall seconds per training run.
    /// </summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("| optimizer | sampled | units | seeds | SVCCA (train) | SVCCA (held out) | output error (train) | output error (held out) | iterations | CPU s | wall s |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in Summaries)
        {
            string Pm(double mean, double std, string format) => s.Runs > 1
                ? mean.ToString(format, inv) + " ± " + s.StandardError(std).ToString(format, inv) : mean.ToString(format, inv);
            md.AppendLine(string.Create(inv, $"| {s.Optimizer} | {(s.Fraction == 0 ? "outputs only" : (s.Fraction * 100).ToString("G3", inv) + " %")} | {s.SampledUnits} | {s.Runs} | {Pm(s.Svcca, s.SvccaStd, "F3")} | {Pm(s.HeldOutSvcca, s.HeldOutSvccaStd, "F3")} | {Pm(s.OutputError, s.OutputErrorStd, "F4")} | {Pm(s.HeldOutOutputError, s.HeldOutOutputErrorStd, "F3")} | {s.Iterations:F0} | {s.CpuSeconds:F1} | {s.TrainSeconds:F1} |"));
        }
        return md.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sparse-recording experiment: {Runs.Count} embedders; population ceiling {PopulationCeiling:F3}, untrained {UntrainedSvcca:F3}");

    private static double Std(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length < 2) return 0;
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }
}
