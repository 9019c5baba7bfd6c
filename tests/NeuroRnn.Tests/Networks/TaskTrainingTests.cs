using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;

namespace NeuroRnn.Tests.Networks;

public class TaskTrainingTests
{
    /// <summary>A short perceptual decision (10 ms steps: 2 fixation, 10 stimulus, 2 response) and a small network and batch.</summary>
    internal static readonly PerceptualDecisionTask SmallDecision = new(new DecisionTaskOptions { DtMs = 10, FixationMs = 20, StimulusMs = 100, ResponseMs = 20 });

    internal static TaskTrainingOptions Small(ITask task) => TaskPresets.For(task) with
    {
        Network = TaskPresets.For(task).Network! with { UnitCount = 16 },
        HessianFree = TaskPresets.For(task).HessianFree! with { GradientBatchSize = 80, CurvatureBatchSize = 20, MaxCgIterations = 15 },
        Adam = TaskPresets.For(task).Adam! with { BatchSize = 16 },
        Iterations = 4,
        TestTrials = 60,
        Seed = 3,
    };

    [Fact]
    public void Training_returns_the_model_at_its_best_test_error_with_statistics_and_a_stop_reason()
    {
        var network = TaskTraining.Train(SmallDecision, Small(SmallDecision));
        Assert.Equal(4, network.Statistics.Count);
        Assert.Equal(StopKind.IterationsCompleted, network.StopReason.Kind);
        Assert.All(network.Statistics, s => Assert.NotNull(s.Validation));
        double best = network.Statistics.Min(s => s.Validation!.Value);
        Assert.Equal(best, network.BestTestErrorRate);
        // The model holds the best parameters: its test error is the best one seen.
        Assert.Equal(best, network.TestScore.ErrorRate, 12);
        Assert.Equal(network.TestScore.ErrorRate, network.Score(network.TestBatch).ErrorRate);
        Assert.Equal(16, network.Model.Options.UnitCount);
        Assert.Equal(SmallDecision.DtMs, network.Model.Options.Dt);
        Assert.Equal(3, network.Model.Options.Seed);
        Assert.Contains("perceptual-decision", network.ToString());
    }

    [Fact]
    public void A_resumed_run_continues_bit_identically()
    {
        var options = Small(SmallDecision);
        var whole = TaskTraining.Train(SmallDecision, options);
        var first = TaskTraining.Train(SmallDecision, options with { Iterations = 2 });
        var checkpoint = first.ToCheckpoint();
        var resumedOptions = TaskTraining.OptionsFrom(checkpoint, SmallDecision) with { Iterations = 2 };
        var second = TaskTraining.Train(SmallDecision, resumedOptions, resumeFrom: checkpoint);
        Assert.Equal(whole.Training.Parameters, second.Training.Parameters);
        Assert.Equal(4, second.Statistics.Count);
        Assert.Equal(whole.Statistics.Select(s => s.Loss), second.Statistics.Select(s => s.Loss));
        Assert.Equal(4, second.Training.State.Iteration);
    }

    [Fact]
    public void Adam_is_chosen_by_the_options_and_a_checkpoint_of_the_other_optimizer_is_rejected()
    {
        var adam = TaskTraining.Train(SmallDecision, Small(SmallDecision) with { Optimizer = TaskOptimizer.Adam, Iterations = 3, ValidateEvery = 1 });
        Assert.Equal("adam", adam.Training.State.Optimizer);
        Assert.All(adam.Statistics, s => Assert.IsType<AdamStepDetails>(s.Details));
        var e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, Small(SmallDecision), resumeFrom: adam.ToCheckpoint()));
        Assert.Equal("resumeFrom", e.ParamName);
        Assert.Contains("adam", e.Message);
    }

    [Fact]
    public void A_target_error_stops_training_and_cancellation_stops_it_before_the_first_iteration()
    {
        var stopped = TaskTraining.Train(SmallDecision, Small(SmallDecision) with { TargetErrorRate = 1.0, Iterations = 10 });
        Assert.Equal(StopKind.TargetReached, stopped.StopReason.Kind);
        Assert.StartsWith("solved: test error", stopped.StopReason.Description);
        Assert.DoesNotContain("success criterion", stopped.StopReason.Description);
        Assert.Single(stopped.Statistics);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var none = TaskTraining.Train(SmallDecision, Small(SmallDecision), cancellationToken: cancelled.Token);
        Assert.Equal(StopKind.Cancelled, none.StopReason.Kind);
        Assert.Empty(none.Statistics);
    }

    [Fact]
    public void A_pathological_problem_stops_once_its_success_criterion_holds_on_the_test_trials_unless_iterations_are_fixed()
    {
        // Addition at T = 10 with a small network: solved (< 1 % of the test sequences wrong) long before 100 iterations.
        var task = new AdditionTask(10);
        Assert.Equal(0.01, TaskPresets.SuccessErrorRate(task));
        Assert.Null(TaskPresets.SuccessErrorRate(SmallDecision));
        var options = TaskPresets.For(task) with
        {
            Network = TaskPresets.For(task).Network! with { UnitCount = 24 },
            HessianFree = TaskPresets.For(task).HessianFree! with { GradientBatchSize = 400, CurvatureBatchSize = 100, MaxCgIterations = 40 },
            Iterations = 100,
            TestTrials = 300,
        };
        var solved = TaskTraining.Train(task, options);
        Assert.Equal(StopKind.TargetReached, solved.StopReason.Kind);
        Assert.Contains("(the task's success criterion)", solved.StopReason.Description);
        Assert.InRange(solved.Statistics.Count, 1, 60);
        Assert.True(solved.TestScore.ErrorRate < 0.01, $"test error {solved.TestScore.ErrorRate}");
        Assert.True(solved.Statistics.Take(solved.Statistics.Count - 1).All(s => s.Validation >= 0.01));

        // A fixed number of iterations runs them all, even past the point where the task is solved.
        int fixedCount = solved.Statistics.Count + 2;
        var all = TaskTraining.Train(task, options with { Iterations = fixedCount, FixedIterations = true });
        Assert.Equal((StopKind.IterationsCompleted, fixedCount), (all.StopReason.Kind, all.Statistics.Count));
        var e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(task, options with { FixedIterations = true, TargetErrorRate = 0.05 }));
        Assert.Equal("TargetErrorRate", e.ParamName);
        Assert.Contains("FixedIterations", e.Message);
    }

    [Fact]
    public void The_progress_callback_sees_every_iteration()
    {
        var seen = new List<int>();
        TaskTraining.Train(SmallDecision, Small(SmallDecision) with { Iterations = 3 }, s => seen.Add(s.Iteration));
        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public void Settings_that_do_not_fit_the_task_are_rejected_naming_them()
    {
        var wrongStep = Small(SmallDecision) with { Network = Small(SmallDecision).Network! with { Dt = 1 } };
        var e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, wrongStep));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("Network.Dt", e.Message);

        var curriculum = Small(SmallDecision) with { Curriculum = new LengthCurriculumOptions() };
        e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, curriculum));
        Assert.Contains("Curriculum", e.Message);

        e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, Small(SmallDecision) with { TestTrials = 0 }));
        Assert.Equal("TestTrials", e.ParamName);

        var noUnits = Small(SmallDecision) with { Network = Small(SmallDecision).Network! with { UnitCount = 0 } };
        e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, noUnits));
        Assert.Contains("UnitCount", e.Message);

        var addition = new AdditionTask(20);
        var other = TaskTraining.Train(addition, Small(addition) with { Iterations = 0 });
        e = Assert.Throws<ArgumentException>(() => TaskTraining.Train(SmallDecision, Small(SmallDecision), resumeFrom: other.ToCheckpoint()));
        Assert.Equal("resumeFrom", e.ParamName);
        Assert.Contains("addition", e.Message);
    }

    [Fact]
    public void Presets_are_one_per_task_family()
    {
        var pathological = TaskPresets.For(new XorTask(50));
        Assert.Equal(1, pathological.Network!.Alpha);
        Assert.Equal(WeightInitialization.Sparse, pathological.Network!.Initialization);
        Assert.Equal(1.2, pathological.Network!.SpectralRadius);
        Assert.Equal(pathological, TaskPresets.For(new AdditionTask(100)));

        var mante = new ContextIntegrationTask();
        var neuroscience = TaskPresets.For(mante);
        Assert.Equal(mante.DtMs, neuroscience.Network!.Dt);
        Assert.Equal(TaskPresets.NeuroscienceTauMs, neuroscience.Network!.Tau);
        Assert.InRange(neuroscience.Network!.Alpha, 0.1, 0.5);
        Assert.Equal(neuroscience, TaskPresets.For(new PerceptualDecisionTask()));
        Assert.Equal(1, TaskPresets.For(new DelayedResponseTask()).Network!.Dt);
        Assert.Throws<ArgumentException>(() => TaskPresets.Neuroscience(20));
    }

    [Fact]
    public void Null_settings_mean_the_preset_of_the_task_family()
    {
        var plain = TaskTraining.Train(SmallDecision, new TaskTrainingOptions { Iterations = 0, TestTrials = 10 });
        var preset = TaskPresets.For(SmallDecision);
        Assert.Equal(preset.HessianFree, plain.Options.HessianFree);
        Assert.Equal(preset.Adam, plain.Options.Adam);
        Assert.Equal(preset.Network! with { InputCount = 1, OutputCount = 1, Seed = 1 }, plain.Options.Network);
        Assert.Equal(preset, new TaskTrainingOptions().ResolvedFor(SmallDecision));
    }

    [Fact]
    public void Options_round_trip_through_a_checkpoint_file()
    {
        var options = Small(SmallDecision) with { TimeLimit = TimeSpan.FromMinutes(2), TargetErrorRate = 0.25, Iterations = 1 };
        var network = TaskTraining.Train(SmallDecision, options);
        string path = Path.Combine(Path.GetTempPath(), $"front-door-{Guid.NewGuid():N}.nrckpt");
        try
        {
            CheckpointFile.Save(path, network.ToCheckpoint());
            var loaded = CheckpointFile.Load(path);
            var restored = TaskTraining.OptionsFrom(loaded, SmallDecision);
            Assert.Equal(CheckpointJson.Serialize(network.Options), CheckpointJson.Serialize(restored));
            Assert.Equal(network.Training.Parameters, loaded.Parameters);
            Assert.Equal("perceptual-decision", loaded.TaskName);
            Assert.Equal(100, loaded.TaskLength);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
