using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;
using Xunit.Abstractions;

namespace NeuroRnn.Tests.Training.Force;

public sealed class ForceTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void LearnsASumOfSinesInAChaoticNetworkWithinTenPasses()
    {
        // g = 1.5: the untrained network is chaotic (Sompolinsky et al. 1988); the spectral radius of W is ≈ g.
        var model = new RateRnn(new RateRnnOptions { UnitCount = 150, InputCount = 1, OutputCount = 1, Dt = 1, Tau = 10, Gain = 1.5, Seed = 3 });
        Assert.True(model.SpectralRadius() > 1.3, $"spectral radius {model.SpectralRadius():F2}");
        var trials = ForceTasks.SumOfSines();
        double before = ForceTasks.NormalisedError(model, trials);
        var result = new ForceTrainer().Train(new RnnObjective(model), TrainingData.Fixed(trials, 1), new TrainingRun { Iterations = 10 });
        double after = ForceTasks.NormalisedError(model, trials);
        output.WriteLine($"test error (normalised, simulated by the engine) {before:G3} → {after:G3}; " +
                         string.Join(", ", result.Statistics.Select(s => $"{s.LossAfter:G3}")));
        // 600 steps hold 10 cycles of the fastest and 4 of the slowest component: 40–100 cycles of training.
        Assert.True(after < 0.01, $"normalised test error {after:G3} after 10 passes");
        Assert.All(result.Statistics, s => Assert.IsType<ForceStepDetails>(s.Details));
        var last = (ForceStepDetails)result.Statistics[^1].Details!;
        Assert.True(double.IsNaN(last.RecurrentInputError) && double.IsNaN(last.HintError));
        Assert.True(last.RecurrentChangeNorm > 0 && last.ReadoutChangeNorm > 0);
        Assert.Equal(300, last.Updates); // steps 2, 4, …, 600 of the one trial (step 0 has no output yet)
    }

    [Fact]
    public void RecurrentChangesAreTheFedBackReadoutChanges()
    {
        // Internal FORCE: every update changes W by u_f ΔW_outᵀ, so ΔW has rank one per output.
        var model = new RateRnn(new RateRnnOptions { UnitCount = 30, InputCount = 1, OutputCount = 1, Dt = 1, Tau = 10, Gain = 1.5, Seed = 2 });
        var before = model.GetParameters();
        new ForceTrainer().Train(new RnnObjective(model), TrainingData.Fixed(ForceTasks.SumOfSines(120), 1), new TrainingRun { Iterations = 2 });
        var layout = model.Layout;
        var change = model.GetParameters().Zip(before, (a, b) => a - b).ToArray();
        var dw = layout.Slice((ReadOnlySpan<double>)change, ParameterBlock.RecurrentWeights).ToArray();
        var singular = new double[30];
        NumericsBackend.Managed.Svd(30, 30, dw, singular, new double[900], new double[900]);
        Assert.True(singular[0] > 0.1);
        Assert.True(singular[1] < 1e-10 * singular[0], $"second singular value {singular[1]:E2} of ΔW (first {singular[0]:E2})");
    }

    [Fact]
    public void ResumingFromACheckpointIsBitIdentical()
    {
        var options = new RateRnnOptions { UnitCount = 40, InputCount = 1, OutputCount = 1, Dt = 1, Tau = 10, Gain = 1.5, Seed = 4 };
        var data = TrainingData.Fixed(ForceTasks.SumOfSines(150), 1);
        var trainer = new ForceTrainer(new ForceOptions { InitialStateStd = 0.1, Regularization = 2 });
        var straight = trainer.Train(new RnnObjective(new RateRnn(options)), data, new TrainingRun { Iterations = 4 });
        var first = trainer.Train(new RnnObjective(new RateRnn(options)), data, new TrainingRun { Iterations = 2 });
        string path = Path.Combine(Path.GetTempPath(), $"neurornn-force-{Guid.NewGuid():N}.nrckpt");
        try
        {
            NeuroRnn.Checkpoints.CheckpointFile.Save(path, new NeuroRnn.Checkpoints.Checkpoint
            {
                ModelType = nameof(RateRnn), ModelOptionsJson = NeuroRnn.Checkpoints.CheckpointJson.Serialize(options),
                Parameters = first.Parameters, Optimizer = first.State, Statistics = first.Statistics,
            });
            var loaded = NeuroRnn.Checkpoints.CheckpointFile.Load(path);
            Assert.Equal(first.Statistics, loaded.Statistics);
            var rest = trainer.Train(new RnnObjective(new RateRnn(options, loaded.Parameters)), data, new TrainingRun { Iterations = 2 }, loaded.Optimizer);
            Assert.Equal(straight.Parameters, rest.Parameters);
            Assert.Equal(((ForceState)straight.State).InverseCorrelation, ((ForceState)rest.State).InverseCorrelation);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ModelsFORCECannotTrainAreRejectedNamingTheOption()
    {
        var trials = ForceTasks.SumOfSines(50);
        var data = TrainingData.Fixed(trials, 1);
        RateRnnOptions Options() => new() { UnitCount = 10, InputCount = 1, OutputCount = 1 };
        var masked = new RnnObjective(new RateRnn(Options() with { AllowAutapses = false }));
        Assert.Contains("full-FORCE", Assert.Throws<ArgumentException>(() => new ForceTrainer().Train(masked, data, new TrainingRun())).Message);
        var dale = new RnnObjective(new RateRnn(Options() with { DalesLaw = true }));
        Assert.Contains("Dale", Assert.Throws<ArgumentException>(() => new ForceTrainer().Train(dale, data, new TrainingRun())).Message);
        var float32 = new RnnObjective(new RateRnn(Options() with { Precision = RnnPrecision.Float32 }));
        var e = Assert.Throws<ArgumentException>(() => new ForceTrainer().Train(float32, data, new TrainingRun()));
        Assert.Equal("objective", e.ParamName);
        Assert.Contains("RateRnnOptions.Precision = Float32", e.Message);
        var sigmoid = new RnnObjective(new RateRnn(Options() with { OutputKind = Trials.OutputKind.LogisticCrossEntropy }));
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => new ForceTrainer().Train(sigmoid, data, new TrainingRun())).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() =>
            new ForceTrainer().Train(QuadraticObjective.Isotropic(3, 1), HessianFreeTrainerTests.DummyData, new TrainingRun())).ParamName);
        Assert.Equal("FeedbackScale", Assert.Throws<ArgumentException>(() => new ForceTrainer(new ForceOptions { FeedbackScale = 0 })).ParamName);
        Assert.Equal("UpdateInterval", Assert.Throws<ArgumentException>(() => new ForceTrainer(new ForceOptions { UpdateInterval = 0 })).ParamName);
    }
}
