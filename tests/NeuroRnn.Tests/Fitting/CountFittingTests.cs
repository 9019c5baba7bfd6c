using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Fitting;
using NeuroRnn.Tests.Data;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Fitting;

/// <summary>Poisson fits of spike counts, the validation split and early stopping.</summary>
public class CountFittingTests
{
    private static Recording Counts() => V1GratingGenerator.Generate(new V1GratingOptions { Units = 6, Directions = 4, TrialsPerDirection = 10, Seed = 5 });

    private static RecordingFitOptions Small => new() { UnitCount = 10, Iterations = 4, Readout = FitReadout.Linear, Objective = FitObjective.Poisson };

    [Fact]
    public void Poisson_targets_are_expected_counts_per_fit_bin_and_the_network_reads_out_log_rates()
    {
        var recording = Counts();
        var dataset = RecordingFitter.Prepare(recording, Small);
        Assert.All(dataset.Scales, s => Assert.Equal(1000.0 / Small.BinMs, s)); // Hz → counts per 20 ms bin
        Assert.Equal(OutputKind.PoissonLogRate, RecordingFitter.NetworkOptions(dataset, Small).OutputKind);
        // A condition average of counts over trials, in counts per fit bin: non-negative, and the mean matches the data's.
        Assert.All(dataset.TrainBatch.Targets, t => Assert.True(t >= 0));
        var fit = RecordingFitter.Fit(dataset, Small);
        Assert.True(fit.Training.Statistics[^1].LossAfter < fit.Training.Statistics[0].Loss);
        Assert.All(fit.HeldOutPrediction.Data.ToArray(), v => Assert.True(v > 0)); // exp read-out: rates are positive
    }

    [Fact]
    public void A_poisson_fit_with_the_unit_readout_is_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => (Small with { Readout = FitReadout.Units }).Validate());
        Assert.Contains("Readout = Linear", e.Message);
    }

    [Fact]
    public void The_validation_split_comes_from_training_trials_and_early_stopping_keeps_the_best_network()
    {
        var recording = Counts();
        var options = Small with { ValidationFraction = 0.25, EarlyStoppingPatience = 2, Iterations = 12 };
        var dataset = RecordingFitter.Prepare(recording, options);
        Assert.NotEmpty(dataset.ValidationTrials);
        Assert.Empty(dataset.ValidationTrials.Intersect(dataset.TestTrials));
        Assert.Empty(dataset.ValidationTrials.Intersect(dataset.TrainTrials));
        Assert.Equal(recording.TrialCount, dataset.ValidationTrials.Length + dataset.TestTrials.Length + dataset.TrainTrials.Length);
        var fit = RecordingFitter.Fit(dataset, options);
        var validation = fit.Training.Statistics.Select(s => s.Validation!.Value).ToArray();
        Assert.NotNull(fit.BestValidationIteration);
        int best = fit.BestValidationIteration!.Value;
        Assert.Equal(validation.Min(), validation[best]);
        // The kept network is the best one: its validation deviance equals the best value seen.
        var objective = new NeuroRnn.Training.RnnObjective(fit.Model, options.Loss);
        double kept = RecordingFitter.ValidationLoss(options.Objective, dataset.ValidationBatch!, objective.Predict(dataset.ValidationBatch!));
        Assert.Equal(validation[best], kept, 9);
        if (fit.StoppedEarly) Assert.Equal(best + options.EarlyStoppingPatience + 1, fit.Training.Statistics.Count);
    }

    [Fact]
    public void A_spike_table_written_from_counts_reads_back_to_the_same_counts()
    {
        var counts = V1GratingGenerator.Generate(new V1GratingOptions { Units = 5, Directions = 4, TrialsPerDirection = 3, Seed = 9 });
        string spikes = TestData.TempFile("-spikes.csv"), trials = TestData.TempFile("-trials.csv");
        SpikeTableWriter.Write(counts, spikes, trials, trialPeriodMs: 3000, seed: 4);
        var read = Recording.Read(spikes, new RecordingReadOptions
        {
            TrialsPath = trials,
            Binning = new SpikeBinningOptions { WindowStartMs = counts.TimeMs[0] - 5, WindowEndMs = counts.TimeMs[^1] + 5, BinMs = 10 },
        });
        Assert.Equal("csv", read.Provenance!.Reader); // the auto CSV format, told a spike table by its header
        Assert.Equal(counts.Data.ToArray(), read.Data.ToArray());
        Assert.Equal(counts.Trials.GetDoubles("direction_deg"), read.Trials.GetDoubles("direction_deg"));
    }
}
