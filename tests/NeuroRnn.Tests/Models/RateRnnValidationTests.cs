using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

public sealed class RateRnnValidationTests
{
    private static readonly RateRnnOptions Small = new() { UnitCount = 4, InputCount = 2, OutputCount = 1 };

    [Theory]
    [InlineData("Tau")]
    [InlineData("Dt")]
    [InlineData("DtAboveTau")]
    [InlineData("UnitCount")]
    [InlineData("ExcitatoryFraction")]
    [InlineData("RecurrentMask")]
    [InlineData("InputMask")]
    [InlineData("Areas")]
    [InlineData("ReadoutUnits")]
    [InlineData("FrozenParameters")]
    public void InvalidOptionsAreRejectedNamingTheOption(string problem)
    {
        var options = problem switch
        {
            "Tau" => Small with { Tau = -1 },
            "Dt" => Small with { Dt = 0 },
            "DtAboveTau" => Small with { Dt = 2, Tau = 1 },
            "UnitCount" => Small with { UnitCount = 0 },
            "ExcitatoryFraction" => Small with { DalesLaw = true, ExcitatoryFraction = 1.5 },
            "RecurrentMask" => Small with { RecurrentMask = new bool[3, 4] },
            "InputMask" => Small with { InputMask = new bool[4, 3] },
            "Areas" => Small with { Areas = [new NetworkArea("a", 3)] },
            "ReadoutUnits" => Small with { OutputCount = 2, ReadoutUnits = [0, 7] },
            "FrozenParameters" => Small with { FrozenParameters = new bool[3] },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var error = Assert.Throws<ArgumentException>(() => new RateRnn(options));
        string expected = problem == "DtAboveTau" ? "Dt" : problem;
        Assert.Equal(expected, error.ParamName);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void InputCountMismatchNamesBothNumbers()
    {
        var objective = new RnnObjective(new RateRnn(Small));
        var batch = RnnTestData.RandomBatch(5, 2, 3, 1, OutputKind.LinearSquaredError, 1);
        var error = Assert.Throws<ArgumentException>(() => objective.Loss(batch));
        Assert.Contains("3", error.Message);
        Assert.Contains("2", error.Message);
        Assert.Equal("batch", error.ParamName);
    }

    [Fact]
    public void OutputCountMismatchNamesBothNumbers()
    {
        var objective = new RnnObjective(new RateRnn(Small));
        var batch = RnnTestData.RandomBatch(5, 2, 2, 4, OutputKind.LinearSquaredError, 1);
        var error = Assert.Throws<ArgumentException>(() => objective.LossAndGradient(batch, new double[objective.ParameterCount]));
        Assert.Contains("OutputCount = 4", error.Message);
        Assert.Contains("1 outputs", error.Message);
    }

    [Fact]
    public void NaNTargetWhereTheMaskCountsIsRejected()
    {
        var objective = new RnnObjective(new RateRnn(Small));
        var batch = RnnTestData.RandomBatch(5, 2, 2, 1, OutputKind.LinearSquaredError, 1);
        batch.Targets[3] = double.NaN;
        batch.Mask[3] = 1;
        var error = Assert.Throws<ArgumentException>(() => objective.PrepareCurvature(batch));
        Assert.Equal("Targets", error.ParamName);
    }

    [Fact]
    public void EmptyBatchIsRejected()
    {
        var objective = new RnnObjective(new RateRnn(Small));
        var batch = new TrialBatch(5, 0, 2, 1, [], [], []);
        var error = Assert.Throws<ArgumentException>(() => objective.Predict(batch));
        Assert.Equal("BatchSize", error.ParamName);
    }

    [Fact]
    public void AllZeroMaskIsRejectedForTheLossButNotForSimulation()
    {
        var model = new RateRnn(Small);
        var batch = RnnTestData.RandomBatch(5, 2, 2, 1, OutputKind.LinearSquaredError, 1);
        Array.Clear(batch.Mask);
        Assert.Equal(5 * 2, model.Run(batch).Outputs.Length);
        var error = Assert.Throws<ArgumentException>(() => new RnnObjective(model).Loss(batch));
        Assert.Equal("batch", error.ParamName);
    }

    [Fact]
    public void WrongVectorLengthsAreRejected()
    {
        var objective = new RnnObjective(new RateRnn(Small));
        var batch = RnnTestData.RandomBatch(5, 2, 2, 1, OutputKind.LinearSquaredError, 1);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => objective.LossAndGradient(batch, new double[3])).ParamName);
        objective.PrepareCurvature(batch);
        var ok = new double[objective.ParameterCount];
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => objective.GaussNewtonProduct(new double[1], 0, ok)).ParamName);
        Assert.Equal("structuralDamping", Assert.Throws<ArgumentException>(() => objective.GaussNewtonProduct(ok, -1, ok)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => objective.SetParameters(new double[2])).ParamName);
        var nonFinite = new double[objective.ParameterCount];
        nonFinite[0] = double.PositiveInfinity;
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => objective.SetParameters(nonFinite)).ParamName);
    }

    [Fact]
    public void InvalidLossOptionsAreRejected()
    {
        var model = new RateRnn(Small);
        Assert.Equal("WeightDecay", Assert.Throws<ArgumentException>(() => new RnnObjective(model, new RnnLossOptions { WeightDecay = -1 })).ParamName);
        Assert.Equal("ActivityL2", Assert.Throws<ArgumentException>(() => new RnnObjective(model, new RnnLossOptions { ActivityL2 = double.NaN })).ParamName);
    }
}
