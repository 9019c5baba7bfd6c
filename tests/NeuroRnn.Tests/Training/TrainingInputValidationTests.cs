using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Training;

/// <summary>Bad inputs with the real RNN objective fail before the first step, naming what is wrong.</summary>
public class TrainingInputValidationTests
{
    private static RnnObjective Model(int inputs) =>
        new(new RateRnn(new RateRnnOptions { UnitCount = 5, InputCount = inputs, OutputCount = 1, Dt = 1, Tau = 1, Seed = 1 }), null, NumericsBackend.Managed);

    [Fact]
    public void TaskModelShapeMismatchNamesTheData()
    {
        var objective = Model(inputs: 3);
        var before = new double[objective.ParameterCount];
        objective.GetParameters(before);
        var data = TrainingData.Fresh(new AdditionTask(20), 1, 10, 5);
        foreach (ITrainer trainer in new ITrainer[] { new HessianFreeTrainer(), new AdamTrainer() })
        {
            var e = Assert.Throws<ArgumentException>(() => trainer.Train(objective, data, new TrainingRun { Iterations = 2 }));
            Assert.Equal("data", e.ParamName);
            Assert.Contains("does not fit the model", e.Message);
        }
        var after = new double[objective.ParameterCount];
        objective.GetParameters(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void ObjectivesWithoutParametersAreRejectedByBothTrainers()
    {
        var empty = new QuadraticObjective(new double[0, 0], []);
        var data = TrainingData.Fresh(new AdditionTask(20), 1, 10, 5);
        foreach (ITrainer trainer in new ITrainer[] { new HessianFreeTrainer(), new AdamTrainer() })
        {
            var e = Assert.Throws<ArgumentException>(() => trainer.Train(empty, data, new TrainingRun { Iterations = 1 }));
            Assert.Equal("objective", e.ParamName);
            Assert.Contains("0 parameters", e.Message);
        }
    }

    [Fact]
    public void NegativeTimeConstantsAreRejectedByTheModelOptions()
    {
        var tau = Assert.Throws<ArgumentException>(() => new RateRnn(new RateRnnOptions { Tau = -1 }));
        Assert.Equal("Tau", tau.ParamName);
        var dt = Assert.Throws<ArgumentException>(() => new RateRnn(new RateRnnOptions { Dt = -0.5 }));
        Assert.Equal("Dt", dt.ParamName);
    }

    [Fact]
    public void FixedDataCyclesCurvatureBlocksAndFreshDataDependsOnlyOnSeedAndIteration()
    {
        var set = new AdditionTask(20).Sample(12, 3);
        var fixedData = TrainingData.Fixed(set, 4);
        Assert.Same(set, fixedData(0).GradientBatch);
        Assert.Equal(set.Slice(4, 4).Inputs, fixedData(1).CurvatureBatch.Inputs);
        Assert.Equal(fixedData(0).CurvatureBatch.Inputs, fixedData(3).CurvatureBatch.Inputs);
        var fresh = TrainingData.Fresh(new AdditionTask(20), 9, 8, 4);
        Assert.Equal(fresh(5).GradientBatch.Inputs, fresh(5).GradientBatch.Inputs);
        Assert.NotEqual(fresh(5).GradientBatch.Inputs, fresh(6).GradientBatch.Inputs);
        Assert.Equal(fresh(5).GradientBatch.Slice(0, 4).Inputs, fresh(5).CurvatureBatch.Inputs);
        Assert.Throws<ArgumentException>(() => TrainingData.Fresh(new AdditionTask(20), 9, 8, 9));
    }
}
