using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

/// <summary>
/// Directional checks on a network large enough that every vectorised and chunked loop runs its main path
/// (N·B = 640 elements per step, more than one 512-element chunk) — the tiny networks of the exhaustive tests do not.
/// </summary>
public sealed class MediumSizeDerivativeTests
{
    private static readonly RateRnnOptions Medium = new()
    {
        UnitCount = 40, InputCount = 3, OutputCount = 40, ReadoutUnits = Enumerable.Range(0, 40).ToArray(),
        Dt = 1, Tau = 10, Gain = 1.2, Seed = 2, LearnInitialState = true,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GradientAndGaussNewtonMatchDirectionalFiniteDifferences(bool linearReadout)
    {
        var options = linearReadout ? Medium with { ReadoutUnits = null, OutputCount = 7 } : Medium;
        var model = new RateRnn(options);
        var loss = new RnnLossOptions { ActivityL2 = 0.05 };
        var objective = new RnnObjective(model, loss, NumericsBackend.Current);
        var batch = RnnTestData.RandomBatch(30, 16, 3, options.OutputCount, OutputKind.LinearSquaredError, 5, partialMask: true);
        var theta = model.GetParameters();
        var direction = RnnTestData.RandomVector(theta.Length, 8);
        var gradient = new double[theta.Length];
        objective.LossAndGradient(batch, gradient);

        const double h = 1e-5;
        double Loss(double step)
        {
            objective.SetParameters(theta.Select((x, k) => x + step * direction[k]).ToArray());
            return objective.Loss(batch);
        }
        double numeric = (Loss(h) - Loss(-h)) / (2 * h);
        double analytic = RnnTestData.Dot(gradient, direction);
        Assert.True(Math.Abs(numeric - analytic) < 1e-7 * Math.Abs(analytic), $"gᵀd = {analytic}, finite difference {numeric}");

        // vᵀGv without activity term = (2c/D) Σ mask·(J_z v)², with J_z v from central differences of the outputs.
        objective.SetParameters(theta);
        var plain = new RnnObjective(model, new RnnLossOptions(), NumericsBackend.Current);
        plain.PrepareCurvature(batch);
        var product = new double[theta.Length];
        plain.GaussNewtonProduct(direction, 0, product);
        double vGv = RnnTestData.Dot(direction, product);
        double[] Outputs(double step) => new RateRnn(options, theta.Select((x, k) => x + step * direction[k]).ToArray()).Run(batch).Outputs;
        var plus = Outputs(h); var minus = Outputs(-h);
        double sum = 0, maskSum = batch.Mask.Sum();
        for (int k = 0; k < plus.Length; k++)
        {
            double jv = (plus[k] - minus[k]) / (2 * h);
            sum += batch.Mask[k] * jv * jv;
        }
        double expected = 2 * sum / maskSum;
        Assert.True(Math.Abs(vGv - expected) < 1e-7 * expected, $"vᵀGv = {vGv}, from finite differences {expected}");
    }

    [Fact]
    public void MklAndManagedBackEndsAgreeAtMediumSize()
    {
        var model = new RateRnn(Medium with { RecurrentNoiseStd = 0.1, DalesLaw = true });
        var batch = RnnTestData.RandomBatch(30, 16, 3, 40, OutputKind.LinearSquaredError, 6);
        var a = new double[model.ParameterCount];
        var b = new double[model.ParameterCount];
        new RnnObjective(model, null, NumericsBackend.Current).LossAndGradient(batch, a);
        new RnnObjective(model, null, NumericsBackend.Managed).LossAndGradient(batch, b);
        Assert.True(RnnTestData.RelativeError(a, b) < 1e-11);
    }
}
