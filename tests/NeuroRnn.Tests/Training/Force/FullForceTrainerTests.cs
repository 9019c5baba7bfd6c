using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;
using NeuroRnn.Trials;
using Xunit.Abstractions;

namespace NeuroRnn.Tests.Training.Force;

public sealed class FullForceTrainerTests(ITestOutputHelper output)
{
    private static RateRnnOptions Network(int units, int inputs = 1, int outputs = 1, int seed = 1) => new()
    {
        UnitCount = units, InputCount = inputs, OutputCount = outputs, Dt = 1, Tau = 10, Gain = 1.5, Seed = seed, InputWeightStd = 1,
    };

    [Fact]
    public void WithAHintLearnsIntervalReproductionWhereFORCEWithTheSameBudgetFails()
    {
        // DePasquale et al. (2018): FORCE's fed-back output is silent during the delay, so nothing tells the network the
        // elapsed time; full-FORCE with a ramp hint builds that timing variable into the dynamics.
        const int units = 100, passes = 30;
        var withHint = ForceTasks.IntervalReproduction(withHint: true);
        var trials = withHint.Trials;
        int[] go = ForceTasks.Delays.Select(IntervalReproduction.GoStep).ToArray();

        var forceModel = new RateRnn(Network(units));
        new ForceTrainer().Train(new RnnObjective(forceModel), TrainingData.Fixed(trials, trials.BatchSize), new TrainingRun { Iterations = passes });
        var fullModel = new RateRnn(Network(units));
        var result = new FullForceTrainer().Train(new RnnObjective(fullModel), withHint, new TrainingRun { Iterations = passes });

        double force = ForceTasks.NormalisedError(forceModel, trials), full = ForceTasks.NormalisedError(fullModel, trials);
        var peaks = ForceTasks.PeakSteps(fullModel, trials);
        output.WriteLine($"normalised test error: FORCE {force:G3}, full-FORCE with hint {full:G3}; full-FORCE peaks {string.Join(", ", peaks)} " +
                         $"(go at {string.Join(", ", go)}); FORCE peaks {string.Join(", ", ForceTasks.PeakSteps(forceModel, trials))}");
        Assert.True(full < 0.02, $"full-FORCE normalised error {full:G3}");
        Assert.True(full < force / 3, $"full-FORCE {full:G3} vs FORCE {force:G3}");
        for (int c = 0; c < go.Length; c++) Assert.InRange(peaks[c], go[c] - 3, go[c] + 3);

        var details = (ForceStepDetails)result.Statistics[^1].Details!;
        Assert.True(details.HintError < 0.01 * ((ForceStepDetails)result.Statistics[0].Details!).HintError + 1e-4,
            $"hint read-out error {((ForceStepDetails)result.Statistics[0].Details!).HintError:G3} → {details.HintError:G3}");
        Assert.True(details.RecurrentInputError < ((ForceStepDetails)result.Statistics[0].Details!).RecurrentInputError);
        Assert.Equal(4, details.Trials);
        Assert.Equal(units, ((FullForceState)result.State).HintReadout.Length);
    }

    [Fact]
    public void ResumingFromACheckpointIsBitIdentical()
    {
        // Hints, a sparse mask (one P per unit), shuffled trials and initial-state noise: everything the state must carry.
        var targets = ForceTasks.IntervalReproduction(withHint: true, [20, 30, 40]);
        var options = Network(24) with { RecurrentMask = RandomMask(24, 0.5, 7), LearnInitialState = true };
        var trainer = new FullForceTrainer(new FullForceOptions { InitialStateStd = 0.3, UpdateInterval = 3, Seed = 5 });

        var straightModel = new RateRnn(options);
        var straight = trainer.Train(new RnnObjective(straightModel), targets, new TrainingRun { Iterations = 5 });

        var firstModel = new RateRnn(options);
        var first = trainer.Train(new RnnObjective(firstModel), targets, new TrainingRun { Iterations = 2 });
        string path = Path.Combine(Path.GetTempPath(), $"neurornn-ff-{Guid.NewGuid():N}.nrckpt");
        try
        {
            CheckpointFile.Save(path, new Checkpoint
            {
                ModelType = nameof(RateRnn), ModelOptionsJson = CheckpointJson.Serialize(options), Parameters = first.Parameters,
                Optimizer = first.State, OptimizerOptionsJson = CheckpointJson.Serialize(trainer.Options), Statistics = first.Statistics,
            });
            var loaded = CheckpointFile.Load(path);
            Assert.Equal(first.Statistics, loaded.Statistics);
            var resumedTrainer = new FullForceTrainer(CheckpointJson.Deserialize<FullForceOptions>(loaded.OptimizerOptionsJson!));
            var rest = resumedTrainer.Train(new RnnObjective(loaded.RateRnn()), targets, new TrainingRun { Iterations = 3 }, loaded.Optimizer);

            Assert.Equal(straight.Parameters, rest.Parameters);
            var (a, b) = ((FullForceState)straight.State, (FullForceState)rest.State);
            Assert.Equal(a.InverseCorrelations, b.InverseCorrelations);
            Assert.Equal(a.HintReadout, b.HintReadout);
            Assert.Equal(5, b.Iteration);
            Assert.Equal(straight.Statistics.Skip(2).Select(s => (s.Loss, s.LossAfter, s.Details)), rest.Statistics.Select(s => (s.Loss, s.LossAfter, s.Details)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MasksAreRespectedWithOneInverseCorrelationPerPresynapticSet()
    {
        const int n = 30;
        var mask = RandomMask(n, 0.3, 3);
        var options = Network(n) with { RecurrentMask = mask, AllowAutapses = false };
        var model = new RateRnn(options);
        var before = model.GetParameters();
        var targets = ForceTasks.IntervalReproduction(withHint: false, [20, 30]);
        var result = new FullForceTrainer().Train(new RnnObjective(model), targets, new TrainingRun { Iterations = 3 });

        var w0 = model.Layout.Slice((ReadOnlySpan<double>)before, ParameterBlock.RecurrentWeights).ToArray();
        var w = model.Layout.Slice((ReadOnlySpan<double>)result.Parameters, ParameterBlock.RecurrentWeights).ToArray();
        long expectedP = n * (long)n; // the read-out sees every unit: its own N×N P
        int changed = 0;
        for (int i = 0; i < n; i++)
        {
            int k = 0;
            for (int j = 0; j < n; j++)
            {
                bool connected = mask[i, j] && i != j;
                if (!connected) Assert.Equal(w0[j * n + i], w[j * n + i]);
                else { k++; if (w[j * n + i] != w0[j * n + i]) changed++; }
            }
            expectedP += (long)k * k;
        }
        Assert.True(changed > 0.9 * Enumerable.Range(0, n * n).Count(x => mask[x % n, x / n] && x % n != x / n));
        Assert.Equal(expectedP, ((FullForceState)result.State).InverseCorrelations.Length);
        Assert.True(result.Statistics[^1].LossAfter < result.Statistics[0].Loss);

        // Areas: units of an area share their presynaptic set, so there is one P per area (plus the read-out's).
        var areas = Network(n) with { Areas = [new NetworkArea("a", 10), new NetworkArea("b", 20)], AreaConnections = new bool[,] { { true, false }, { true, true } } };
        var byArea = new FullForceTrainer().Train(new RnnObjective(new RateRnn(areas)), targets, new TrainingRun { Iterations = 1 });
        Assert.Equal(10 * 10 + 30 * 30, ((FullForceState)byArea.State).InverseCorrelations.Length); // area b sees all 30: it carries the read-out
    }

    [Fact]
    public void CancellingMidPassKeepsTheLastCompletedPass()
    {
        var targets = ForceTasks.IntervalReproduction(withHint: true, [20, 30, 40]);
        var trainer = new FullForceTrainer();
        var reference = new RateRnn(Network(20));
        var one = trainer.Train(new RnnObjective(reference), targets, new TrainingRun { Iterations = 1 });

        var model = new RateRnn(Network(20));
        var objective = new RnnObjective(model);
        var step = new RlsNetworkStep(objective, RlsRule.FullForce, RlsSettings.Of(trainer.Options), 1, null, null);
        using var cts = new CancellationTokenSource();
        bool secondPass = false;
        step.AfterTrial = _ => { if (secondPass) cts.Cancel(); }; // after the first trial of the second pass
        var result = TrainingLoop.Run(step, objective, _ => targets, new TrainingRun { Iterations = 3 }, 0, _ => secondPass = true, cts.Token);
        Assert.True(result.Cancelled);
        Assert.Single(result.Statistics);
        Assert.Equal(one.Parameters, result.Parameters);
        Assert.Equal(one.Parameters, model.GetParameters());
        var (a, b) = ((FullForceState)one.State, (FullForceState)result.State);
        Assert.Equal(a.InverseCorrelations, b.InverseCorrelations);
        Assert.Equal(a.HintReadout, b.HintReadout);
    }

    [Fact]
    public void TrainsFromATasksBatchesThroughTheTrainerInterface()
    {
        var task = new PerceptualDecisionTask();
        var model = new RateRnn(new RateRnnOptions { UnitCount = 40, InputCount = task.InputCount, OutputCount = task.OutputCount, Seed = 2 });
        ITrainer trainer = new FullForceTrainer();
        var seen = new List<IterationStatistics>();
        var result = trainer.Train(new RnnObjective(model), TrainingData.Fresh(task, 3, 16, 16), new TrainingRun { Iterations = 3 }, onIteration: seen.Add);
        Assert.Equal("full-force", trainer.Name);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal(16, ((ForceStepDetails)s.Details!).Trials));
        Assert.Equal(0, ((FullForceState)result.State).HintCount);
        Assert.True(seen[^1].LossAfter < seen[0].Loss, $"loss {seen[0].Loss:G3} → {seen[^1].LossAfter:G3}");
    }

    [Fact]
    public void AFreshRunCanStartFromZeroWeightsSoAlphaPenalisesJItself()
    {
        // With α = 1e12, P = I/α is ≈ 0 and the updates vanish: what is left is the starting point.
        var targets = ForceTasks.IntervalReproduction(withHint: false, [20]);
        var options = new FullForceOptions { Regularization = 1e12 };
        var kept = new RateRnn(Network(15));
        var before = kept.Layout.Slice((ReadOnlySpan<double>)kept.GetParameters(), ParameterBlock.RecurrentWeights).ToArray();
        new FullForceTrainer(options).Train(new RnnObjective(kept), targets, new TrainingRun { Iterations = 1 });
        var after = kept.Layout.Slice((ReadOnlySpan<double>)kept.GetParameters(), ParameterBlock.RecurrentWeights).ToArray();
        NeuroRnn.Tests.Numerics.Assertions.Close(before, after, 1e-8, "recurrent weights kept");

        var zeroed = new RateRnn(Network(15));
        new FullForceTrainer(options with { ZeroRecurrentWeightsAtStart = true }).Train(new RnnObjective(zeroed), targets, new TrainingRun { Iterations = 1 });
        Assert.All(zeroed.Layout.Slice((ReadOnlySpan<double>)zeroed.GetParameters(), ParameterBlock.RecurrentWeights).ToArray(), w => Assert.True(Math.Abs(w) < 1e-8));
        Assert.All(zeroed.Layout.Slice((ReadOnlySpan<double>)zeroed.GetParameters(), ParameterBlock.OutputWeights).ToArray(), w => Assert.True(Math.Abs(w) < 1e-8));
    }

    [Fact]
    public void ManagedAndMklBackEndsAgree()
    {
        var targets = ForceTasks.IntervalReproduction(withHint: true, [20, 30]);
        double[] Train(INumericsBackend backend)
        {
            var model = new RateRnn(Network(25) with { RecurrentMask = RandomMask(25, 0.6, 2) });
            return new FullForceTrainer().Train(new RnnObjective(model, null, backend), targets, new TrainingRun { Iterations = 2 }).Parameters;
        }
        NeuroRnn.Tests.Numerics.Assertions.Close(Train(NumericsBackend.Managed), Train(NumericsBackend.Mkl), 1e-9, "parameters");
    }

    [Fact]
    public void HintsThatDoNotMatchTheTaskAreRejectedNamingTheArgument()
    {
        var trials = ForceTasks.IntervalReproduction(withHint: false, [20, 30]).Trials; // 2 conditions × 130 steps
        var e1 = Assert.Throws<ArgumentException>(() => FullForceTargets.FromTrials(trials, new double[3, trials.Steps, 2]));
        Assert.Equal("hints", e1.ParamName);
        Assert.Contains("3 conditions", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => FullForceTargets.FromTrials(trials, new double[2, trials.Steps - 1, 2]));
        Assert.Equal("hints", e2.ParamName);
        Assert.Contains("time steps", e2.Message);
        var nan = new double[2, trials.Steps, 1];
        nan[1, 7, 0] = double.NaN;
        Assert.Contains("[1, 7, 0]", Assert.Throws<ArgumentException>(() => FullForceTargets.FromTrials(trials, nan)).Message);
        Assert.Equal("hintScale", Assert.Throws<ArgumentException>(() => FullForceTargets.FromTrials(trials, null, 0)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => FullForceTargets.FromArrays(new double[2, 5, 1], new double[3, 5, 1])).ParamName);

        var targets = FullForceTargets.FromTrials(trials, new double[2, trials.Steps, 2]);
        var trainer = new FullForceTrainer();
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() =>
            trainer.Train(new RnnObjective(new RateRnn(Network(10, inputs: 2))), targets, new TrainingRun())).ParamName);
        var state = trainer.Train(new RnnObjective(new RateRnn(Network(10))), targets, new TrainingRun { Iterations = 1 }).State;
        var noHints = FullForceTargets.FromTrials(trials);
        Assert.Equal("resumeFrom", Assert.Throws<ArgumentException>(() =>
            trainer.Train(new RnnObjective(new RateRnn(Network(10))), noHints, new TrainingRun(), state)).ParamName);
        Assert.Equal("resumeFrom", Assert.Throws<ArgumentException>(() =>
            trainer.Train(new RnnObjective(new RateRnn(Network(12))), targets, new TrainingRun(), state)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() =>
            trainer.Train(new RnnObjective(new RateRnn(Network(10) with { DalesLaw = true })), targets, new TrainingRun())).ParamName);
        var float32 = Assert.Throws<ArgumentException>(() =>
            trainer.Train(new RnnObjective(new RateRnn(Network(10) with { Precision = RnnPrecision.Float32 })), targets, new TrainingRun()));
        Assert.Equal("objective", float32.ParamName);
        Assert.Contains("full-FORCE simulates and updates in float64 only", float32.Message);
    }

    private static bool[,] RandomMask(int n, double density, int seed)
    {
        var random = new SeededRandom(seed);
        var mask = new bool[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) mask[i, j] = random.NextDouble() < density;
        return mask;
    }
}
