using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Tests.Fitting;

public class RecordingFitterTests
{
    private static readonly RecordingFitOptions Options = new()
    {
        UnitCount = 12, BinMs = 20, SmoothingMs = 0, TauMs = 40, Iterations = 25, Seed = 3,
        Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = TinyRecording.StimulusOffsetMs },
        Optimizer = new() { MaxCgIterations = 60, InitialLambda = 0.01 },
    };

    [Fact]
    public void A_small_fit_reduces_the_loss_and_predicts_held_out_trials()
    {
        var rec = TinyRecording.Create();
        var seen = new List<double>();
        var fit = RecordingFitter.Fit(rec, Options, s => seen.Add(s.LossAfter));
        Assert.Equal(fit.Statistics.Count, seen.Count);
        Assert.True(fit.Statistics.Count >= 5, fit.Training.StopReason.Description);
        double first = fit.Statistics[0].Loss, last = fit.FinalLoss;
        Assert.True(last < 0.05 * first, $"loss {first} → {last}");
        Assert.True(fit.TrialAveraged.Overall > 0.9, fit.ToString());
        Assert.Equal(fit.HeldOutData.UnitCount, fit.HeldOutPrediction.UnitCount);
        Assert.Equal(fit.HeldOutData.TimeCount, fit.HeldOutPrediction.TimeCount);
        Assert.Equal(fit.HeldOutData.TrialCount, fit.HeldOutPrediction.TrialCount);
        Assert.Equal(RecordingValueKind.RatesHz, fit.HeldOutPrediction.ValueKind);
        // Noise-free data: the ceiling is 1 and the tuning code runs on model output unchanged.
        Assert.Equal(1.0, fit.NoiseCeiling.Overall, 9);
        // Scored against itself as the noise-free truth, the held-out score is the plain trial-averaged R².
        Assert.Equal(fit.TrialAveraged.Overall, fit.ScoreAgainstTruth(rec).Overall, 12);
        var wrongShape = Assert.Throws<ArgumentException>(() => fit.ScoreAgainstTruth(rec.SelectTrials([0, 1])));
        Assert.Contains("trials", wrongShape.Message);
        var curves = TuningCurves.Compute(fit.HeldOutPrediction, new TuningCurveOptions { WindowEndMs = 200 });
        Assert.Equal(4, curves.Length);
        var rates = fit.NetworkRates(fit.HeldOutData.Trials);
        Assert.Equal(12, rates.UnitCount);
        Assert.Equal("u2", rates.Units.GetStrings("recorded")[2]);
        var recovery = PreferredOrientationRecovery.Compute(fit, rec);
        Assert.NotNull(recovery);
        Assert.Equal(4, recovery!.TrueDeg.Length);
    }

    [Fact]
    public void A_cancelled_fit_returns_without_iterations()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var fit = RecordingFitter.Fit(TinyRecording.Create(), Options, cancellationToken: cts.Token);
        Assert.True(fit.Training.Cancelled);
        Assert.Empty(fit.Statistics);
    }

    [Fact]
    public void Saved_networks_load_with_the_same_parameters_and_scales()
    {
        var fit = RecordingFitter.Fit(TinyRecording.Create(), Options with { Iterations = 2 });
        var dir = Path.Combine(Path.GetTempPath(), "neurornn-fit-" + Guid.NewGuid().ToString("N"));
        try
        {
            FittedNetworkFile.Save(fit, dir);
            var (model, scales) = FittedNetworkFile.Load(dir);
            Assert.Equal(fit.Model.GetParameters(), model.GetParameters());
            Assert.Equal(fit.Dataset.Scales, scales);
            Assert.Equal(fit.Model.Options.ReadoutUnits, model.Options.ReadoutUnits);
            Assert.Throws<FileNotFoundException>(() => FittedNetworkFile.Load(Path.Combine(dir, "missing")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Pca_finds_the_direction_of_largest_variance()
    {
        var samples = new double[50, 3];
        for (int i = 0; i < 50; i++)
        {
            double s = i - 24.5;
            samples[i, 0] = 2 * s + 1;
            samples[i, 1] = -s;
            samples[i, 2] = 0.01 * Math.Sin(i);
        }
        var basis = Pca.Fit(samples, 2);
        Assert.True(basis.ExplainedVarianceRatio[0] > 0.9999);
        Assert.Equal(2 / Math.Sqrt(5), basis.Components[0][0], 6);
        Assert.Equal(-1 / Math.Sqrt(5), basis.Components[0][1], 6);
        Assert.Throws<ArgumentException>(() => Pca.Fit(samples, 4));
    }
}
