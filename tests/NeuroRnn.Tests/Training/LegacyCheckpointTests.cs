using System.Text.Json.Nodes;
using NeuroRnn.Checkpoints;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Tests.Data;
using NeuroRnn.Training;

namespace NeuroRnn.Tests.Training;

/// <summary>Checkpoints written by the version-1 writer (tests/fixtures/checkpoints, see its README) still load and resume.</summary>
public sealed class LegacyCheckpointTests
{
    private static string Fixture(string name) => Path.Combine(TestData.RepoRoot, "tests", "fixtures", "checkpoints", name);

    private static JsonObject Expected(string optimizer) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Fixture("v1-expected.json")))![optimizer]!;

    [Fact]
    public void HessianFreeCheckpointLoadsTypedAndResumesAsTheOldCodeDid()
    {
        var checkpoint = CheckpointFile.Load(Fixture("v1-hf.nrckpt"));
        var state = Assert.IsType<HessianFreeState>(checkpoint.Optimizer);
        Assert.Equal(3, state.Iteration);
        Assert.True(state.Lambda > 0);
        Assert.Equal(checkpoint.Parameters.Length, state.PreviousSolution.Length);
        Assert.Contains(state.PreviousSolution, v => v != 0);
        Assert.Equal([0, 1, 2], checkpoint.Statistics.Select(s => s.Iteration));
        Assert.All(checkpoint.Statistics, s =>
        {
            var hf = Assert.IsType<HessianFreeStepDetails>(s.Details);
            Assert.True(hf.CgIterations > 0 && hf.Lambda > 0, $"λ {hf.Lambda}, CG {hf.CgIterations}");
        });

        var trainer = new HessianFreeTrainer(CheckpointJson.Deserialize<HessianFreeOptions>(checkpoint.OptimizerOptionsJson!));
        var rest = Resume(checkpoint, trainer);
        AssertMatchesOldCode(Expected("hf"), rest);
    }

    [Fact]
    public void AdamCheckpointLoadsTypedAndResumesAsTheOldCodeDid()
    {
        var checkpoint = CheckpointFile.Load(Fixture("v1-adam.nrckpt"));
        var state = Assert.IsType<AdamState>(checkpoint.Optimizer);
        Assert.Equal(3, state.Iteration);
        Assert.Equal(3, state.Steps);
        Assert.All(checkpoint.Statistics, s => Assert.IsType<AdamStepDetails>(s.Details));

        var trainer = new AdamTrainer(CheckpointJson.Deserialize<AdamOptions>(checkpoint.OptimizerOptionsJson!));
        AssertMatchesOldCode(Expected("adam"), Resume(checkpoint, trainer));
    }

    [Fact]
    public void AVersionOneCheckpointRewrittenIsVersionTwoWithTheSameContent()
    {
        var old = CheckpointFile.Load(Fixture("v1-hf.nrckpt"));
        string path = TestData.TempFile(".nrckpt");
        try
        {
            CheckpointFile.Save(path, old);
            Assert.Equal(2, BitConverter.ToInt32(File.ReadAllBytes(path), 8));
            var again = CheckpointFile.Load(path);
            Assert.Equal(old.Statistics, again.Statistics);
            var (a, b) = ((HessianFreeState)old.Optimizer, (HessianFreeState)again.Optimizer);
            Assert.Equal((a.Iteration, a.Lambda), (b.Iteration, b.Lambda));
            Assert.Equal(a.PreviousSolution, b.PreviousSolution);
            Assert.Equal(old.Parameters, again.Parameters);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TrainingResult Resume(Checkpoint checkpoint, ITrainer trainer)
    {
        var task = TaskRegistry.Create(checkpoint.TaskName!, checkpoint.TaskLength);
        var objective = new RnnObjective(checkpoint.RateRnn(), null, NumericsBackend.Managed);
        return trainer.Train(objective, TrainingData.Fresh(task, checkpoint.Seed, 30, 10), new TrainingRun { Iterations = 3 }, checkpoint.Optimizer);
    }

    /// <summary>
    /// Same arithmetic as the old code: on the machine that wrote the fixture the match is exact; elsewhere the managed
    /// kernels' SIMD width may change rounding, so allow a few ulps' worth of drift over 3 iterations.
    /// </summary>
    private static void AssertMatchesOldCode(JsonObject expected, TrainingResult rest)
    {
        var parameters = expected["parametersAfter6"]!.AsArray().Select(v => (double)v!).ToArray();
        var losses = expected["lossesOfIterations3to5"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(6, rest.State.Iteration);
        Assert.Equal(parameters.Length, rest.Parameters.Length);
        for (int k = 0; k < parameters.Length; k++)
            Assert.True(Math.Abs(parameters[k] - rest.Parameters[k]) <= 1e-9 * (1 + Math.Abs(parameters[k])),
                $"parameter {k}: old code {parameters[k]:R}, now {rest.Parameters[k]:R}");
        Assert.Equal(losses.Length, rest.Statistics.Count);
        for (int k = 0; k < losses.Length; k++) Assert.Equal(losses[k], rest.Statistics[k].Loss, 1e-9);
    }
}
