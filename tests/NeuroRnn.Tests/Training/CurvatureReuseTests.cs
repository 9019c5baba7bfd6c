using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Tests.Models;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Training;

/// <summary>
/// RnnObjective.PrepareCurvature reuses forward passes it already has (the gradient's, when the curvature batch is
/// the gradient batch; its own, when Hessian-free prepares at θ₀ again for ρ): the products are those of a fresh
/// objective, bit for bit, and a changed point, batch or noise stream is never mistaken for a cached one.
/// </summary>
public sealed class CurvatureReuseTests
{
    private static readonly RateRnnOptions Options = new()
    {
        UnitCount = 16, InputCount = 2, OutputCount = 3, Dt = 1, Tau = 4, Gain = 1.2, Seed = 8, RecurrentNoiseStd = 0.1,
    };

    private static double[] FreshProduct(double[] theta, TrialBatch batch, double[] v, long noise)
    {
        var objective = new RnnObjective(new RateRnn(Options, theta), null, NumericsBackend.Current) { NoiseIndex = noise };
        objective.PrepareCurvature(batch);
        var product = new double[v.Length];
        objective.GaussNewtonProduct(v, 0.05, product);
        return product;
    }

    [Fact]
    public void Products_after_reuse_equal_those_of_a_fresh_objective()
    {
        var batch = RnnTestData.RandomBatch(9, 6, 2, 3, OutputKind.LinearSquaredError, 1);
        var other = RnnTestData.RandomBatch(9, 6, 2, 3, OutputKind.LinearSquaredError, 2);
        var objective = new RnnObjective(new RateRnn(Options), null, NumericsBackend.Current);
        var theta0 = objective.Model.GetParameters();
        var theta1 = theta0.Select((x, k) => x + 0.01 * Math.Sin(k)).ToArray();
        var v = RnnTestData.RandomVector(theta0.Length, 4);
        var gradient = new double[v.Length];
        var product = new double[v.Length];

        // The gradient's forward pass becomes the curvature engine's.
        objective.LossAndGradient(batch, gradient);
        objective.PrepareCurvature(batch);
        objective.GaussNewtonProduct(v, 0.05, product);
        Assert.Equal(FreshProduct(theta0, batch, v, 0), product);

        // Losses elsewhere, then back at θ₀: the kept linearisation.
        objective.SetParameters(theta1);
        objective.Loss(batch);
        objective.Loss(other);
        objective.SetParameters(theta0);
        objective.PrepareCurvature(batch);
        objective.GaussNewtonProduct(v, 0.05, product);
        Assert.Equal(FreshProduct(theta0, batch, v, 0), product);

        // A new point, another batch, another noise stream: each recomputed.
        objective.SetParameters(theta1);
        objective.PrepareCurvature(batch);
        objective.GaussNewtonProduct(v, 0.05, product);
        Assert.Equal(FreshProduct(theta1, batch, v, 0), product);
        objective.PrepareCurvature(other);
        objective.GaussNewtonProduct(v, 0.05, product);
        Assert.Equal(FreshProduct(theta1, other, v, 0), product);
        objective.NoiseIndex = 3;
        objective.PrepareCurvature(other);
        objective.GaussNewtonProduct(v, 0.05, product);
        Assert.Equal(FreshProduct(theta1, other, v, 3), product);
        Assert.NotEqual(FreshProduct(theta1, other, v, 0), product);

        // Gradients after the engines swapped roles are still right.
        objective.NoiseIndex = 0;
        objective.SetParameters(theta0);
        objective.LossAndGradient(batch, gradient);
        var expected = new double[v.Length];
        new RnnObjective(new RateRnn(Options, theta0), null, NumericsBackend.Current).LossAndGradient(batch, expected);
        Assert.Equal(expected, gradient);
    }
}
