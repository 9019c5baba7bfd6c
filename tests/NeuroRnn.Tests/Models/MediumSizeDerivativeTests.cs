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

        RnnTestData.AssertGradientAlong(objective, theta, direction, batch, gradient);
        // vᵀGv without activity term against the output Jacobian's finite differences.
        RnnTestData.AssertGaussNewtonAlong(options, theta, direction, batch);
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
