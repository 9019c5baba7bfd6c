using NeuroRnn.Data.Synthetic;
using NeuroRnn.Experiments;
using NeuroRnn.Models;

namespace NeuroRnn.Tests.Experiments;

public class ArchitectureRobustnessTests
{
    private static readonly RobustnessOptions Small = new()
    {
        Circuit = new ReachingCircuitOptions { Units = 30, Muscles = 2, DirectionsDeg = [0, 90, 180, 270], PreTargetMs = 50, DelayMs = 200, MovementMs = 300, Seed = 2 },
        Nonlinearities = [Nonlinearity.Tanh, Nonlinearity.Softplus],
        Sizes = [30],
        Optimizers = [EmbedderOptimizer.FullForce, EmbedderOptimizer.Adam],
        Embedder = new EmbedderOptions { FullForcePasses = 20, FullForce = new() { Regularization = 1, TargetGain = 1 }, AdamIterations = 20, Adam = new() { LearningRate = 1e-2 } },
        FixedPoints = new() { StartCount = 4, MaxIterations = 30 },
    };

    [Fact]
    public void Every_combination_is_trained_and_the_similarity_matrix_is_symmetric_with_unit_diagonal()
    {
        var seen = new List<RobustnessNetwork>();
        var result = ArchitectureRobustness.Run(Small, seen.Add);
        Assert.Equal(4, result.Networks.Count);
        Assert.Equal(result.Networks, seen);
        Assert.Equal(["tanh-30-FullForce", "tanh-30-Adam", "softplus-30-FullForce", "softplus-30-Adam"], result.Networks.Select(n => n.Label));
        var s = result.Similarity();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1, s[i, i]);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(s[i, j], s[j, i]);
                Assert.InRange(s[i, j], 0, 1 + 1e-12);
            }
        }
        Assert.All(result.Networks, n =>
        {
            Assert.NotNull(n.FixedPoints);
            Assert.InRange(n.StableFixedPoints!.Value, 0, n.FixedPoints!.Value);
            Assert.InRange(n.SvccaWithCircuit, 0, 1 + 1e-12);
        });
        // full-FORCE fits the muscles well within its passes.
        Assert.All(result.Networks.Where(n => n.Optimizer == EmbedderOptimizer.FullForce), n => Assert.True(n.OutputError < 0.3, n.ToString()));
        var (same, different) = result.MeanSimilarityBy(n => n.Nonlinearity);
        Assert.True(double.IsFinite(same) && double.IsFinite(different));
        Assert.Contains("softplus-30-Adam", result.ToMarkdown());
    }

    [Fact]
    public void Invalid_options_are_refused_by_name()
    {
        Assert.Equal("Sizes", Assert.Throws<ArgumentException>(() => ArchitectureRobustness.Run(Small with { Sizes = [1] })).ParamName);
        Assert.Equal("Optimizers", Assert.Throws<ArgumentException>(() => ArchitectureRobustness.Run(Small with { Optimizers = [] })).ParamName);
        Assert.Equal("Nonlinearities", Assert.Throws<ArgumentException>(() =>
            ArchitectureRobustness.Run(Small with { Nonlinearities = [Nonlinearity.Tanh], Optimizers = [EmbedderOptimizer.Adam] })).ParamName);
    }
}
