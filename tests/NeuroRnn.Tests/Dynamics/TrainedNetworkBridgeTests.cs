using NeuroRnn.Dynamics;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;
using NeuroRnn.Training;

namespace NeuroRnn.Tests.Dynamics;

/// <summary>Fixed points from a trained network's recorded states, the route a notebook takes.</summary>
public class TrainedNetworkBridgeTests
{
    private static (ContextIntegrationTask Task, TrainedNetwork Network) TinyManteNetwork()
    {
        var task = new ContextIntegrationTask(new DecisionTaskOptions { DtMs = 10, FixationMs = 20, StimulusMs = 100, ResponseMs = 20 });
        var preset = TaskPresets.For(task).Network!;
        var options = new TaskTrainingOptions
        {
            Iterations = 1, TestTrials = 40, Seed = 3,
            Network = new RateRnnOptions { UnitCount = 12, Dt = preset.Dt, Tau = preset.Tau, Gain = 0.9 },
            HessianFree = new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 10, GradientBatchSize = 40, CurvatureBatchSize = 20 },
        };
        return (task, TaskTraining.Train(task, options));
    }

    [Fact]
    public void Recorded_states_of_one_context_give_the_same_fixed_points_as_its_simulated_trajectory()
    {
        var (task, network) = TinyManteNetwork();
        var batch = task.SampleBalanced(2, 5);
        double[] motionContext = [0, 0, 1, 0];
        var options = new FixedPointOptions { StartCount = 40, Seed = 2 };

        var states = network.Record(batch, RecordedSignal.States).SelectTrials("context", 0);
        var fromRecording = FixedPointFinder.Find(network.Model, states, motionContext, options);
        var contextTrials = Enumerable.Range(0, batch.BatchSize).Where(b => batch.Conditions!["context"][b] == 0).ToArray();
        var fromTrajectory = FixedPointFinder.Find(network.Model, network.Model.Run(batch), motionContext, options with { Trials = contextTrials });

        Assert.NotEmpty(fromRecording.FixedPoints);
        Assert.Equal(fromTrajectory.FixedPoints.Count, fromRecording.FixedPoints.Count);
        foreach (var point in fromRecording.FixedPoints)
            Assert.Contains(fromTrajectory.FixedPoints, other => TestNetworks.Distance(point.State, other.State) < 1e-8);
        Assert.Equal(0, fromRecording.OutlierCount);
    }

    [Fact]
    public void A_recording_that_is_not_the_network_s_states_is_rejected()
    {
        var (task, network) = TinyManteNetwork();
        var batch = task.SampleBalanced(1, 5);
        var outputs = network.Record(batch, RecordedSignal.Outputs);
        var e = Assert.Throws<ArgumentException>(() => FixedPointFinder.Find(network.Model, outputs, [0, 0, 1, 0]));
        Assert.Equal("states", e.ParamName);
        Assert.Contains("RecordedSignal.States", e.Message);
    }
}
