using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Fitting;

namespace NeuroRnn.Tests.Fitting;

public class FitMetricsTests
{
    [Fact]
    public void RSquared_of_known_cases()
    {
        Assert.Equal(1.0, FitMetrics.RSquared([1, 2, 3], [1, 2, 3]), 12);
        Assert.Equal(0.0, FitMetrics.RSquared([1, 2, 3], [2, 2, 2]), 12);
        Assert.Equal(0.5, FitMetrics.RSquared([1, 2, 3], [1, 2, 4]), 12); // SSE 1, SST 2
        Assert.Equal(-3.0, FitMetrics.RSquared([1, 2, 3], [3, 2, 1]), 12); // SSE 8, SST 2
        Assert.True(double.IsNaN(FitMetrics.RSquared([2, 2], [1, 3])));
        Assert.Throws<ArgumentException>(() => FitMetrics.RSquared([1, 2], [1]));
    }

    [Fact]
    public void Trial_averaged_score_averages_within_conditions_before_comparing()
    {
        // One unit, two bins, four trials in two conditions. Trial noise cancels in the condition means.
        double[,,] data = { { { 1, 3, 10, 12 }, { 2, 4, 20, 22 } } };
        double[,,] pred = { { { 2, 2, 11, 11 }, { 3, 3, 21, 21 } } };
        var trials = new ColumnTable(4, new TableColumn[] { new DoubleColumn("c", [0, 0, 1, 1]) });
        var d = Recording.Create(data, [0, 10], trials, Recording.DefaultUnits(1), RecordingValueKind.RatesHz);
        var p = Recording.Create(pred, [0, 10], trials, Recording.DefaultUnits(1), RecordingValueKind.RatesHz);
        var averaged = FitMetrics.TrialAveraged(d, p, ["c"]);
        Assert.Equal(1.0, averaged.Overall, 12);
        var single = FitMetrics.SingleTrial(d, p);
        Assert.True(single.Overall < 1);
        // Single-trial: SSE = 8 × 1; SST about the mean 9.25 of the eight values.
        double[] all = [1, 3, 10, 12, 2, 4, 20, 22];
        double sst = all.Sum(v => (v - all.Average()) * (v - all.Average()));
        Assert.Equal(1 - 8 / sst, single.Overall, 12);
        Assert.Equal(single.Overall, single.PerUnit[0], 12);
        // Noise ceiling: SEM² per (condition, bin) is s²/n = 2/2 = 1 → 4 in total; SST of the means (2,3,11,21) about 9.25.
        double[] means = [2, 3, 11, 21];
        double sstMeans = means.Sum(v => (v - means.Average()) * (v - means.Average()));
        Assert.Equal(1 - 4 / sstMeans, FitMetrics.ExplainableVariance(d, ["c"]).Overall, 12);
        Assert.Throws<ArgumentException>(() => FitMetrics.TrialAveraged(d, p, ["nope"]));
    }

    [Fact]
    public void Noise_corrected_R2_estimates_the_R2_against_the_noise_free_truth()
    {
        // The generator's expected-count twin is the true trial-averaged response of the Poisson recording. For an
        // imperfect "model" (the truth distorted), R² on noisy 10-trial averages understates its R² against the truth,
        // and R² / explainable variance recovers it.
        var options = new V1GratingOptions { Units = 40, TrialsPerDirection = 10, Seed = 7 };
        var noisy = V1GratingGenerator.Generate(options);
        var truthCounts = V1GratingGenerator.Generate(options with { ExpectedCounts = true });
        Assert.Equal(noisy.Trials.GetDoubles("direction_deg"), truthCounts.Trials.GetDoubles("direction_deg"));
        Assert.Equal(noisy.Units.GetDoubles("pref_orientation_deg"), truthCounts.Units.GetDoubles("pref_orientation_deg"));
        Assert.Contains(truthCounts.Data.ToArray(), v => v != Math.Floor(v));

        var data = noisy.ToRatesHz().Smooth(20);
        var truth = truthCounts.ToRatesHz().Smooth(20);
        var values = truth.Data.ToArray();
        for (int i = 0; i < values.Length; i++) values[i] = 0.85 * values[i] + 1.5 + 0.5 * Math.Sin(i * 0.37);
        var model = Recording.Create(values, truth.GetTimeMs(), truth.Trials, truth.Units, RecordingValueKind.RatesHz);

        string[] conditions = ["direction_deg"];
        double againstTruth = FitMetrics.TrialAveraged(truth, model, conditions).Overall;
        double raw = FitMetrics.TrialAveraged(data, model, conditions).Overall;
        double ceiling = FitMetrics.ExplainableVariance(data, conditions).Overall;
        Assert.InRange(ceiling, 0.3, 0.95);
        Assert.True(raw < againstTruth - 0.05, $"raw {raw} vs truth {againstTruth}");
        Assert.InRange(raw / ceiling, againstTruth - 0.03, againstTruth + 0.03);
    }
}
