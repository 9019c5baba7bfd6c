using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

/// <summary>
/// With the identity unit readout (every unit read out, in order) the engine forms the loss-Hessian product H_L·R{z}
/// step by step inside the R-forward loop; any other unit readout forms it in one pass after the loop. Both are the same
/// column-local arithmetic, so the same network read out through the reversed unit order (targets reversed to match)
/// must give the same Gauss-Newton products and gradients bit for bit — whether the batch is split into parts or not.
/// </summary>
[Collection(BatchPartsCollection.Name)]
public sealed class IdentityReadoutTests
{
    private const int Units = 9;

    [Theory]
    [InlineData(OutputKind.LinearSquaredError, 1)]
    [InlineData(OutputKind.LinearSquaredError, 3)]
    [InlineData(OutputKind.PoissonLogRate, 1)]
    [InlineData(OutputKind.PoissonLogRate, 2)]
    public void The_identity_readouts_fused_loss_Hessian_equals_the_general_readouts_bit_for_bit(OutputKind kind, int parts)
    {
        var identity = new RateRnnOptions
        {
            UnitCount = Units, InputCount = 2, OutputCount = Units, ReadoutUnits = Enumerable.Range(0, Units).ToArray(), OutputKind = kind,
            Dt = 1, Tau = 4, Gain = 1.2, Seed = 6, LearnInitialState = true,
        };
        var reversed = identity with { ReadoutUnits = Enumerable.Range(0, Units).Reverse().ToArray() };
        var batch = RnnTestData.RandomBatch(30, 12, 2, Units, kind, 4, partialMask: true);
        var reversedBatch = batch with { Targets = ReverseOutputs(batch.Targets), Mask = ReverseOutputs(batch.Mask) };
        var theta = new RateRnn(identity).GetParameters();
        var direction = RnnTestData.RandomVector(theta.Length, 8);
        var loss = new RnnLossOptions { ActivityL2 = 0.01 };

        var (gradient, product) = Evaluate(identity, theta, loss, batch, direction, parts);
        var (reversedGradient, reversedProduct) = Evaluate(reversed, theta, loss, reversedBatch, direction, parts);
        Assert.Equal(reversedProduct, product);
        Assert.Equal(reversedGradient, gradient);
        Assert.Contains(product, value => value != 0); // the comparison is not between two empty products
    }

    /// <summary>Each column's outputs in reverse order: output o of the reversed readout is unit N−1−o.</summary>
    private static double[] ReverseOutputs(double[] values)
    {
        var result = new double[values.Length];
        for (int column = 0; column < values.Length / Units; column++)
            for (int o = 0; o < Units; o++) result[column * Units + o] = values[column * Units + Units - 1 - o];
        return result;
    }

    private static (double[] Gradient, double[] Product) Evaluate(RateRnnOptions options, double[] theta, RnnLossOptions loss,
        TrialBatch batch, double[] direction, int parts)
    {
        BatchParts.ForcedParts = parts;
        try
        {
            var objective = new RnnObjective(new RateRnn(options, theta), loss, NumericsBackend.Current);
            var gradient = new double[theta.Length];
            objective.LossAndGradient(batch, gradient);
            objective.PrepareCurvature(batch);
            var product = new double[theta.Length];
            objective.GaussNewtonProduct(direction, 0.1, product);
            return (gradient, product);
        }
        finally
        {
            BatchParts.ForcedParts = 0;
        }
    }
}
