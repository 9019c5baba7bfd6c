using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

/// <summary>A tiny network configuration with the batch it is checked on.</summary>
public sealed record RnnTestCase(string Name, RateRnnOptions Options, RnnLossOptions Loss, bool PartialMask = false, bool VariableLengths = false)
{
    public override string ToString() => Name;

    public TrialBatch Batch(int steps = 6, int batchSize = 3, int seed = 11) =>
        RnnTestData.RandomBatch(steps, batchSize, Options.InputCount, Options.OutputCount, Options.OutputKind, seed, PartialMask, VariableLengths);
}

/// <summary>The configurations every derivative test runs on: each feature of the model at least once.</summary>
public static class RnnTestCases
{
    private static readonly RateRnnOptions Tiny = new()
    {
        UnitCount = 5, InputCount = 2, OutputCount = 3, Dt = 1, Tau = 4, Gain = 1.3, Seed = 3,
        InputWeightStd = 1.0, OutputWeightStd = 0.8,
    };

    private static readonly RnnLossOptions DefaultLoss = new();

    public static readonly IReadOnlyList<RnnTestCase> All =
    [
        new("tanh-squared-error", Tiny, DefaultLoss),
        new("relu", Tiny with { Nonlinearity = Nonlinearity.Relu, Seed = 5 }, DefaultLoss),
        new("softplus", Tiny with { Nonlinearity = Nonlinearity.Softplus }, DefaultLoss),
        new("rectified-tanh", Tiny with { Nonlinearity = Nonlinearity.RectifiedTanh, Seed = 7 }, DefaultLoss),
        new("sigmoid", Tiny with { Nonlinearity = Nonlinearity.Sigmoid }, DefaultLoss),
        // Gain 3 drives some states well past the ceiling's knee, so the tanh part of the derivative is exercised.
        new("saturating-softplus", Tiny with { Nonlinearity = Nonlinearity.SaturatingSoftplus, Gain = 3, InputWeightStd = 4, Seed = 6 }, DefaultLoss),
        new("logistic-output", Tiny with { OutputKind = OutputKind.LogisticCrossEntropy }, DefaultLoss, PartialMask: true),
        new("softmax-output", Tiny with { OutputKind = OutputKind.SoftmaxCrossEntropy, OutputCount = 4 }, DefaultLoss, PartialMask: true),
        new("dale", Tiny with { DalesLaw = true, ExcitatoryFraction = 0.6, ReadoutFromExcitatoryOnly = true }, DefaultLoss),
        new("masks-frozen", Tiny with
        {
            AllowAutapses = false,
            RecurrentMask = RnnTestData.RandomMask(5, 5, 0.7, 1),
            InputMask = RnnTestData.RandomMask(5, 2, 0.7, 2),
            FrozenParameters = RnnTestData.RandomFlags(RateRnnParameterLayout.For(Tiny).Count, 0.2, 3),
        }, DefaultLoss),
        new("multi-area", Tiny with
        {
            UnitCount = 6, DalesLaw = true, ExcitatoryFraction = 0.67,
            Areas = [new NetworkArea("A", 3), new NetworkArea("B", 3)],
            AreaConnections = new bool[,] { { true, false }, { true, true } },
            InterAreaExcitatoryOnly = true,
        }, DefaultLoss),
        new("learned-initial-state", Tiny with { LearnInitialState = true }, DefaultLoss),
        new("weight-decay-activity-l2", Tiny with { LearnInitialState = true }, new RnnLossOptions { WeightDecay = 0.03, ActivityL2 = 0.2 }),
        new("masked-variable-lengths", Tiny, new RnnLossOptions { Normalization = LossNormalization.TrialCount, SquaredErrorScale = 0.5 },
            PartialMask: true, VariableLengths: true),
        new("unit-readout-all", Tiny with { OutputCount = 5, ReadoutUnits = [0, 1, 2, 3, 4] }, DefaultLoss),
        new("unit-readout-subset", Tiny with { OutputCount = 2, ReadoutUnits = [3, 1] }, new RnnLossOptions { Normalization = LossNormalization.None }),
        new("noise", Tiny with { InputNoiseStd = 0.3, RecurrentNoiseStd = 0.2, NoiseSeed = 9 }, DefaultLoss),
        new("alpha-one-sparse-init", Tiny with { Dt = 1, Tau = 1, Initialization = WeightInitialization.Sparse, SparseConnectionCount = 3, SpectralRadius = 1.1 }, DefaultLoss),
        new("poisson-log-rate", Tiny with { OutputKind = OutputKind.PoissonLogRate, OutputWeightStd = 0.3 }, DefaultLoss, PartialMask: true),
        new("poisson-softplus-rate", Tiny with { OutputKind = OutputKind.PoissonSoftplusRate, Seed = 4 }, new RnnLossOptions { WeightDecay = 0.01, ActivityL2 = 0.1 }),
        new("poisson-unit-readout", Tiny with { OutputKind = OutputKind.PoissonLogRate, OutputCount = 2, ReadoutUnits = [4, 0], LearnInitialState = true }, new RnnLossOptions { ActivityL2 = 0.05 }),
        new("orthogonal-logistic-dale", Tiny with { Initialization = WeightInitialization.Orthogonal, DalesLaw = true, OutputKind = OutputKind.LogisticCrossEntropy }, new RnnLossOptions { ActivityL2 = 0.1 }),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }

    public static RnnTestCase Get(string name) => All.Single(c => c.Name == name);
}
