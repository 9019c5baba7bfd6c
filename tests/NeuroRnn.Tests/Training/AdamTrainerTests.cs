using NeuroRnn.Training;

namespace NeuroRnn.Tests.Training;

public class AdamTrainerTests
{
    [Fact]
    public void ConvergesOnAConvexQuadratic()
    {
        var q = QuadraticObjective.RandomSpd(6, 4, 20);
        var trainer = new AdamTrainer(new AdamOptions { LearningRate = 0.02, GradientClipNorm = double.PositiveInfinity });
        var result = trainer.Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 3000 });
        var expected = q.Minimiser();
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], result.Parameters[i], 3);
        Assert.All(result.Statistics, s => Assert.True(s.Accepted));
    }

    [Fact]
    public void ClipsTheGradientNorm()
    {
        var q = QuadraticObjective.Isotropic(4, 1000);
        q.SetParameters([10, 10, 10, 10]);
        var result = new AdamTrainer(new AdamOptions { GradientClipNorm = 1 }).Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 1 });
        Assert.Contains("clipped", result.Statistics[0].Note);
    }

    [Fact]
    public void ResumeIsBitIdenticalAndNonFiniteGradientsSkipTheStep()
    {
        var task = new RegressionTask();
        var data = TrainingData.Fresh(task, 2, 32, 32);
        var trainer = new AdamTrainer(new AdamOptions { LearningRate = 0.01 });
        var a = new TanhRegressionObjective(2, 5, 1, 3);
        var all = trainer.Train(a, data, new TrainingRun { Iterations = 20 });
        var b = new TanhRegressionObjective(2, 5, 1, 3);
        var half = trainer.Train(b, data, new TrainingRun { Iterations = 10 });
        var rest = trainer.Train(b, data, new TrainingRun { Iterations = 10 }, half.State);
        Assert.Equal(all.Parameters, rest.Parameters);

        var q = QuadraticObjective.Isotropic(3, 1);
        q.SetParameters([double.PositiveInfinity, 0, 0]);
        var skipped = trainer.Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 2 });
        Assert.All(skipped.Statistics, s => Assert.False(s.Accepted));
    }

    [Fact]
    public void InvalidOptionsNameTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new AdamTrainer(new AdamOptions { Beta2 = 1 }));
        Assert.Equal("Beta2", e.ParamName);
    }
}
