using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Training;

namespace NeuroRnn.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neurornn-ckpt-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RateRnnOptions SmallModel() => new()
    {
        UnitCount = 6, InputCount = 2, OutputCount = 1, Dt = 1, Tau = 2, Seed = 3,
        Initialization = WeightInitialization.Sparse, SparseConnectionCount = 3, SpectralRadius = 1.1,
        RecurrentMask = new bool[6, 6] { { true, false, true, true, true, true }, { true, true, true, true, true, true }, { true, true, true, true, true, true },
                                         { true, true, true, true, true, true }, { true, true, true, true, false, true }, { true, true, true, true, true, true } },
        Areas = [new NetworkArea("a", 2), new NetworkArea("b", 4)],
        ReadoutUnits = null, Precision = RnnPrecision.Float64,
    };

    private Checkpoint Sample(out HessianFreeState state)
    {
        var p = new[] { 1.0, -2.5, double.Epsilon, 1e300, -0.0 };
        state = new HessianFreeState(7, 0.0123, [0.1, 0.2, 0.3, 0.4, 0.5]);
        return new Checkpoint
        {
            ModelType = "RateRnn",
            ModelOptionsJson = CheckpointJson.Serialize(SmallModel()),
            LossOptionsJson = CheckpointJson.Serialize(new RnnLossOptions { WeightDecay = 1e-4 }),
            Parameters = p,
            Optimizer = state,
            OptimizerOptionsJson = CheckpointJson.Serialize(new HessianFreeOptions { InitialLambda = 0.5 }),
            Seed = 42,
            TaskName = "addition",
            TaskLength = 30,
            Statistics =
            [
                new IterationStatistics(0, 1.5, 1.2, 0.5, 0.3, true, 1.0, 1.1, "note", new HessianFreeStepDetails(double.NegativeInfinity, 0.1, 12, 9, 0.8)),
                new IterationStatistics(1, 1.2, double.NaN, null, 0.1, true, 0.5, 1.7, null, new AdamStepDetails(3.5, true)),
                new IterationStatistics(2, 1.1, 1.1, null, 0, false, 0.5, 2.2),
            ],
            Metadata = new Dictionary<string, string> { ["gradientBatch"] = "1000" },
        };
    }

    [Fact]
    public void RoundTripsEveryField()
    {
        var original = Sample(out _);
        string path = Path.Combine(_folder, "a.nrckpt");
        CheckpointFile.Save(path, original);
        var loaded = CheckpointFile.Load(path);
        Assert.Equal(original.Parameters, loaded.Parameters);
        var state = Assert.IsType<HessianFreeState>(loaded.Optimizer);
        Assert.Equal(((HessianFreeState)original.Optimizer).PreviousSolution, state.PreviousSolution);
        Assert.Equal(0.0123, state.Lambda);
        Assert.Equal(7, state.Iteration);
        Assert.Equal("hf", state.Optimizer);
        Assert.Equal(42, loaded.Seed);
        Assert.Equal("addition", loaded.TaskName);
        Assert.Equal(30, loaded.TaskLength);
        Assert.Equal(original.Statistics, loaded.Statistics);
        Assert.Equal("1000", loaded.Metadata["gradientBatch"]);
        Assert.Equal(original.ModelOptionsJson, loaded.ModelOptionsJson);
        Assert.Equal(0.5, CheckpointJson.Deserialize<HessianFreeOptions>(loaded.OptimizerOptionsJson!).InitialLambda);
        Assert.Equal(1e-4, CheckpointJson.Deserialize<RnnLossOptions>(loaded.LossOptionsJson!).WeightDecay);

        var options = loaded.RateRnnOptions();
        var expected = SmallModel();
        Assert.Equal(expected.Tau, options.Tau);
        Assert.Equal(expected.Initialization, options.Initialization);
        Assert.Equal(expected.SpectralRadius, options.SpectralRadius);
        Assert.Equal(expected.RecurrentMask, options.RecurrentMask);
        Assert.Equal(expected.Areas, options.Areas);
        Assert.Equal(CheckpointJson.Serialize(expected), CheckpointJson.Serialize(options));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void TruncatedCorruptAndForeignFilesFailWithTheFileNamed()
    {
        string path = Path.Combine(_folder, "b.nrckpt");
        CheckpointFile.Save(path, Sample(out _));
        byte[] good = File.ReadAllBytes(path);

        File.WriteAllBytes(path, good[..(good.Length - 20)]);
        var e1 = Assert.Throws<CheckpointException>(() => CheckpointFile.Load(path));
        Assert.Contains("truncated", e1.Message);
        Assert.Contains(path, e1.Message);

        var flipped = (byte[])good.Clone();
        flipped[^30] ^= 0x40;
        File.WriteAllBytes(path, flipped);
        Assert.Contains("checksum", Assert.Throws<CheckpointException>(() => CheckpointFile.Load(path)).Message);

        var badHeader = (byte[])good.Clone();
        badHeader[17] = (byte)'#';
        File.WriteAllBytes(path, badHeader);
        Assert.Contains("JSON", Assert.Throws<CheckpointException>(() => CheckpointFile.Load(path)).Message);

        File.WriteAllText(path, "hello, this is not a checkpoint at all");
        Assert.Contains("not a NeuroRnn checkpoint", Assert.Throws<CheckpointException>(() => CheckpointFile.Load(path)).Message);

        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => CheckpointFile.Load(path)).Message);

        var missing = Assert.Throws<CheckpointException>(() => CheckpointFile.Load(Path.Combine(_folder, "none.nrckpt")));
        Assert.Contains("none.nrckpt", missing.Message);
    }

    [Fact]
    public void ResumingFromACheckpointIsBitIdentical()
    {
        var task = new AdditionTask(12);
        var modelOptions = new RateRnnOptions { UnitCount = 8, InputCount = 2, OutputCount = 1, Dt = 1, Tau = 1, Seed = 5, SpectralRadius = 1.1 };
        var data = TrainingData.Fresh(task, 11, 40, 20);
        var hf = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 15 });
        const int k = 3, m = 3;

        var straight = new RnnObjective(new RateRnn(modelOptions), null, NeuroRnn.Numerics.NumericsBackend.Managed);
        var all = hf.Train(straight, data, new TrainingRun { Iterations = k + m });

        var first = new RnnObjective(new RateRnn(modelOptions), null, NeuroRnn.Numerics.NumericsBackend.Managed);
        var part = hf.Train(first, data, new TrainingRun { Iterations = k });
        string path = Path.Combine(_folder, "resume.nrckpt");
        CheckpointFile.Save(path, new Checkpoint
        {
            ModelType = nameof(RateRnn), ModelOptionsJson = CheckpointJson.Serialize(modelOptions),
            Parameters = part.Parameters, Optimizer = part.State, Seed = 11, Statistics = part.Statistics,
        });

        var loaded = CheckpointFile.Load(path);
        var resumed = new RnnObjective(loaded.RateRnn(), null, NeuroRnn.Numerics.NumericsBackend.Managed);
        var rest = hf.Train(resumed, data, new TrainingRun { Iterations = m }, loaded.Optimizer);

        Assert.Equal(all.Parameters, rest.Parameters);
        Assert.Equal(HessianFreeTrainerTests.Lambda(all), HessianFreeTrainerTests.Lambda(rest));
        Assert.Equal(all.Statistics.Skip(k).Select(s => s.Loss), rest.Statistics.Select(s => s.Loss));
        Assert.Equal(k + m, rest.State.Iteration);
    }

    [Fact]
    public void AdamStateRoundTrips()
    {
        var q = QuadraticObjective.Isotropic(4, 1);
        var result = new AdamTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 5 });
        string path = Path.Combine(_folder, "adam.nrckpt");
        CheckpointFile.Save(path, new Checkpoint
        {
            ModelType = "Quadratic", ModelOptionsJson = "{}", Parameters = result.Parameters, Optimizer = result.State, Statistics = result.Statistics,
        });
        var loaded = CheckpointFile.Load(path);
        var adam = Assert.IsType<AdamState>(loaded.Optimizer);
        Assert.Equal(((AdamState)result.State).SecondMoment, adam.SecondMoment);
        Assert.Equal(((AdamState)result.State).FirstMoment, adam.FirstMoment);
        Assert.Equal(5, adam.Steps);
        Assert.Equal(5, adam.Iteration);
        Assert.Equal(result.Statistics, loaded.Statistics);
        Assert.All(loaded.Statistics, st => Assert.IsType<AdamStepDetails>(st.Details));
        Assert.Throws<ArgumentException>(() => loaded.RateRnnOptions());
    }

    [Fact]
    public void StatesThatDoNotFitTheParametersOrAreUnknownAreRejected()
    {
        var sample = Sample(out var state);
        string path = Path.Combine(_folder, "bad.nrckpt");
        var e1 = Assert.Throws<ArgumentException>(() => CheckpointFile.Save(path, sample with { Optimizer = state with { PreviousSolution = [1.0] } }));
        Assert.Contains("previousSolution", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => CheckpointFile.Save(path, sample with { Optimizer = new ForeignState(3) }));
        Assert.Contains("foreign", e2.Message);
        Assert.False(File.Exists(path));
    }

    private sealed record ForeignState(int Iteration) : OptimizerState(Iteration)
    {
        public override string Optimizer => "foreign";
    }
}
