using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Tests.Networks;

/// <summary>The trained-network-to-Recording bridge keeps the batch's conditions, the time axis and the values.</summary>
public class NetworkRecordingTests
{
    private static readonly ContextIntegrationTask Mante = new(new DecisionTaskOptions { DtMs = 10, FixationMs = 30, StimulusMs = 100, ResponseMs = 20 });

    private static TrainedNetwork Untrained(ITask task) => TaskTraining.Train(task, TaskTrainingTests.Small(task) with { Iterations = 0 });

    [Fact]
    public void Rates_keep_every_condition_the_time_axis_in_ms_and_the_values_of_the_simulation()
    {
        var network = Untrained(Mante);
        var batch = Mante.SampleBalanced(2, seed: 4);
        var recording = network.Record(batch);
        Assert.Equal(16, recording.UnitCount);
        Assert.Equal(batch.Steps, recording.TimeCount);
        Assert.Equal(batch.BatchSize, recording.TrialCount);
        // State after step t at (t + 1)·dt, zero at stimulus onset (3 fixation steps of 10 ms).
        Assert.Equal(Enumerable.Range(0, batch.Steps).Select(t => (t + 1) * 10.0 - 30), recording.GetTimeMs());
        foreach (var (name, values) in batch.Conditions!)
            Assert.Equal(values, recording.Trials.GetDoubles(name));
        Assert.Equal(Enumerable.Range(0, batch.BatchSize).Select(b => (double)b), recording.Trials.GetDoubles("trial"));
        var outputs = network.Predict(batch);
        Assert.Equal(TaskScoring.Choices(batch, outputs), recording.Trials.GetDoubles("choice"));
        var trajectory = network.Model.Run(batch);
        for (int t = 0; t < batch.Steps; t += 3)
            for (int b = 0; b < batch.BatchSize; b += 7)
                for (int u = 0; u < 16; u += 5)
                    Assert.Equal(trajectory.Rate(t + 1, b, u), recording[u, t, b]);
        Assert.Equal("u000", recording.Units.GetStrings("unit")[0]);
        Assert.Equal(RecordingValueKind.Other, recording.ValueKind);
    }

    [Fact]
    public void Outputs_and_states_are_recorded_too_and_recording_analyses_run_on_them()
    {
        var network = Untrained(Mante);
        var batch = Mante.Sample(12, seed: 9);
        var outputs = network.Record(batch, RecordedSignal.Outputs);
        Assert.Equal(1, outputs.UnitCount);
        Assert.Equal("output0", outputs.Units.GetStrings("unit")[0]);
        var predicted = network.Predict(batch);
        Assert.Equal(predicted[batch.OutputIndex(5, 3, 0)], outputs[0, 5, 3]);
        var states = network.Record(batch, RecordedSignal.States);
        Assert.Equal(network.Model.Run(batch).State(6, 2, 4), states[4, 5, 2]);
        // A recording analysis runs on model activity unchanged: grouping by condition and PCA.
        var averages = network.Record(batch).GroupTrials(["context"]).Mean;
        Assert.Equal(2, averages.TrialCount);
        var (basis, trajectories) = Pca.OfTrajectories(averages, 2);
        Assert.Equal(2, trajectories.Length);
        Assert.True(basis.ExplainedVarianceRatio[0] > 0);
    }

    [Fact]
    public void Steps_after_a_shorter_trial_are_missing_and_Dale_networks_label_their_units()
    {
        var task = new AdditionTask(20);
        var options = TaskTrainingTests.Small(task) with { Iterations = 0, Network = TaskTrainingTests.Small(task).Network! with { DalesLaw = true, Initialization = WeightInitialization.Gaussian, SpectralRadius = null } };
        var network = TaskTraining.Train(task, options);
        var batch = task.Sample(10, 2);
        var recording = network.Record(batch);
        for (int b = 0; b < batch.BatchSize; b++)
        {
            int length = batch.Lengths![b];
            Assert.True(double.IsFinite(recording[0, length - 1, b]));
            if (length < batch.Steps) Assert.True(double.IsNaN(recording[0, length, b]));
        }
        // Time in steps of the network's Dt (1) from the start of the trial for an untimed task.
        Assert.Equal(1.0, recording.GetTimeMs()[0]);
        var types = recording.Units.GetStrings("type");
        Assert.Equal(Enumerable.Range(0, 16).Select(u => network.Model.IsExcitatory(u) ? "E" : "I"), types);
        Assert.Contains("I", types);
        Assert.False(recording.Trials.Contains("choice"));
    }

    [Fact]
    public void Psychometric_needs_a_decision_task_and_a_batch_of_the_task()
    {
        var network = Untrained(Mante);
        var points = network.Psychometric(Mante.SampleBalanced(1, 1));
        Assert.Equal(2 * 2 * 6, points.Count);
        Assert.Throws<InvalidOperationException>(() => Untrained(new AdditionTask(20)).Psychometric(new AdditionTask(20).Sample(4, 1)));
        var e = Assert.Throws<ArgumentException>(() => network.Record(new PerceptualDecisionTask().Sample(3, 1)));
        Assert.Equal("batch", e.ParamName);
    }
}
