using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Training;

public class HessianFreeTrainerTests
{
    internal static readonly TrialBatch Dummy = new(1, 1, 1, 1, [0.0], [0.0], [1.0]);
    internal static TrainingData DummyData(int iteration) => new(Dummy, Dummy);

    internal static HessianFreeStepDetails Hf(IterationStatistics s) => Assert.IsType<HessianFreeStepDetails>(s.Details);

    internal static double Lambda(TrainingResult result) => Assert.IsType<HessianFreeState>(result.State).Lambda;

    private static HessianFreeOptions Tiny => new() { InitialLambda = 1e-9, MinimumLambda = 1e-12, MaxCgIterations = 20 };

    [Theory]
    // ρ = 2 − 1/s when the model reports s·A as its curvature (isotropic A, exact CG step).
    [InlineData(1.0, 1.0, 2.0 / 3.0)]
    [InlineData(2.0, 1.5, 2.0 / 3.0)]
    [InlineData(0.7, 2 - 1 / 0.7, 1.0)]
    [InlineData(0.5, 0.0, 1.5)]
    public void ReductionRatioDrivesTheLevenbergMarquardtRule(double curvatureScale, double expectedRho, double lambdaFactor)
    {
        var q = QuadraticObjective.Isotropic(5, 2.0, curvatureScale);
        var trainer = new HessianFreeTrainer(Tiny with { InitialLambda = 1e-7 });
        var result = trainer.Train(q, DummyData, new TrainingRun { Iterations = 1 });
        var s = Assert.Single(result.Statistics);
        Assert.Equal(expectedRho, Hf(s).Rho, 5);
        Assert.Equal(1e-7 * lambdaFactor, Lambda(result), 15);
        Assert.True(s.Accepted);
    }

    [Theory]
    // The curvature minibatch reports loss changes scaled by 0.5, the gradient batch exact ones (exact model, so ρ = 1 there).
    [InlineData(false, 0.5)]
    [InlineData(true, 1.0)]
    public void ReductionRatioIsMeasuredOnTheChosenBatch(bool onGradientBatch, double expectedRho)
    {
        var curvature = new TrialBatch(1, 1, 1, 1, [0.0], [0.0], [1.0]);
        var objective = new CurvatureBatchScaled(QuadraticObjective.Isotropic(5, 2.0), curvature, 0.5);
        var trainer = new HessianFreeTrainer(Tiny with { InitialLambda = 1e-7, ReductionRatioOnGradientBatch = onGradientBatch });
        var result = trainer.Train(objective, _ => new TrainingData(Dummy, curvature), new TrainingRun { Iterations = 1 });
        var s = Assert.Single(result.Statistics);
        Assert.Equal(expectedRho, Hf(s).Rho, 5);
        Assert.True(s.Accepted);
    }

    [Fact]
    public void ExactModelReachesTheMinimumOfAQuadratic()
    {
        var q = QuadraticObjective.RandomSpd(8, 2, 30);
        var trainer = new HessianFreeTrainer(Tiny with { MaxCgIterations = 50 });
        trainer.Train(q, DummyData, new TrainingRun { Iterations = 2 });
        var theta = new double[8];
        q.GetParameters(theta);
        var expected = q.Minimiser();
        for (int i = 0; i < 8; i++) Assert.Equal(expected[i], theta[i], 6);
    }

    [Fact]
    public void LineSearchCutsTheStepUntilArmijoHolds()
    {
        // s = 0.5: the full step p = −2g/a leaves f unchanged; Armijo first holds at α = 0.8.
        var q = QuadraticObjective.Isotropic(5, 2.0, 0.5);
        var g = new double[5];
        q.LossAndGradient(Dummy, g);
        double gNorm = Math.Sqrt(g.Sum(v => v * v));
        var result = new HessianFreeTrainer(Tiny).Train(q, DummyData, new TrainingRun { Iterations = 1 });
        var s = Assert.Single(result.Statistics);
        Assert.Equal(0.8, Hf(s).LineSearchStep, 9);
        Assert.Equal(0.8 * 2 * gNorm / 2.0, s.StepNorm, 6);
        Assert.True(s.LossAfter < s.Loss);
    }

    [Fact]
    public void BacktrackingChoosesAnEarlierIterateWhenLaterOnesAreWorse()
    {
        // A quartic term the Gauss-Newton model does not see punishes long steps; CG iterates grow in norm,
        // so the best kept iterate is an early one, and it must beat the last and the next kept one.
        var q = QuadraticObjective.RandomSpd(40, 11, 1e4);
        q.Quartic = 50;
        var trainer = new HessianFreeTrainer(Tiny with { MaxCgIterations = 40, MinCgIterations = 40 });
        var result = trainer.Train(q, DummyData, new TrainingRun { Iterations = 1 });
        var s = Assert.Single(result.Statistics);
        Assert.Equal(40, Hf(s).CgIterations);
        Assert.True(Hf(s).ChosenCgIterate is > 0 and < 40, $"chose iterate {Hf(s).ChosenCgIterate}");

        // Recompute the kept iterates independently and check the choice is the first local minimum from the end.
        var cg = new ConjugateGradient(40, 40, 1.3);
        var g = new double[40];
        q.SetParameters(new double[40]);
        q.LossAndGradient(Dummy, g);
        var x = new double[40];
        cg.Solve((v, r) => { q.GaussNewtonProduct(v, 0, r); for (int i = 0; i < 40; i++) r[i] += 1e-9 * v[i]; }, g, x, [], 40, 40, 5e-4, CancellationToken.None);
        var losses = new List<double>();
        for (int k = 0; k < cg.KeptCount; k++) { q.SetParameters(cg.Kept(k)); losses.Add(q.Loss(Dummy)); }
        int expected = cg.KeptCount - 1;
        while (expected > 0 && losses[expected - 1] < losses[expected]) expected--;
        Assert.Equal(cg.KeptIteration(expected), Hf(s).ChosenCgIterate);
    }

    [Fact]
    public void NonFiniteLossRejectsTheStepRaisesLambdaAndContinues()
    {
        var q = QuadraticObjective.Isotropic(5, 2.0);
        q.NaNWhen = theta => theta.Any(v => v != 0);
        var trainer = new HessianFreeTrainer(Tiny with { InitialLambda = 1, MinimumLambda = 1e-3 });
        var result = trainer.Train(q, DummyData, new TrainingRun { Iterations = 3 });
        Assert.Equal(3, result.Statistics.Count);
        Assert.All(result.Statistics, s => Assert.False(s.Accepted));
        Assert.Equal(1.5 * 1.5 * 1.5, Lambda(result), 9);
        Assert.All(result.Parameters, v => Assert.Equal(0, v));
        Assert.Equal(3, result.State.Iteration);
    }

    [Fact]
    public void NonFiniteGradientAtTheStartIsRejectedToo()
    {
        var q = QuadraticObjective.Isotropic(3, 1.0);
        q.SetParameters([double.NaN, 0, 0]);
        var result = new HessianFreeTrainer().Train(q, DummyData, new TrainingRun { Iterations = 1 });
        var s = Assert.Single(result.Statistics);
        Assert.False(s.Accepted);
        Assert.Contains("non-finite", s.Note);
    }

    [Fact]
    public void LambdaIsClampedToItsMinimum()
    {
        // Three CG steps on a 20-dimensional problem never reach the minimum, so every step is trusted (ρ ≈ 1).
        var q = QuadraticObjective.RandomSpd(20, 6, 10);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 1e-3, MinimumLambda = 5e-4, MaxCgIterations = 3, MinCgIterations = 3 });
        var result = trainer.Train(q, DummyData, new TrainingRun { Iterations = 5 });
        Assert.All(result.Statistics, s => Assert.True(Hf(s).Rho > 0.75 && Hf(s).Lambda >= 5e-4));
        Assert.Equal(5e-4, Lambda(result));
    }

    [Fact]
    public void CancellationBetweenCgStepsReturnsTheLastCompletedIteration()
    {
        var data = TrainingData.Fresh(new RegressionTask(), seed: 1, 64, 32);
        var reference = new TanhRegressionObjective(2, 6, 1, seed: 4);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { MaxCgIterations = 30, InitialLambda = 0.1 });
        var one = trainer.Train(reference, data, new TrainingRun { Iterations = 1 });

        var objective = new CountingObjective(new TanhRegressionObjective(2, 6, 1, seed: 4));
        using var cts = new CancellationTokenSource();
        int products = 0;
        objective.OnProduct = () => { if (++products == Hf(one.Statistics[0]).CgIterations + 8) cts.Cancel(); };
        var result = trainer.Train(objective, data, new TrainingRun { Iterations = 5 }, cancellationToken: cts.Token);
        Assert.True(result.Cancelled);
        Assert.Single(result.Statistics);
        Assert.Equal(1, result.State.Iteration);
        Assert.Equal(one.Parameters, result.Parameters);
        var now = new double[objective.ParameterCount];
        objective.GetParameters(now);
        Assert.Equal(one.Parameters, now);
        // The unfinished iteration's CG warm start is discarded too.
        Assert.Equal(((HessianFreeState)one.State).PreviousSolution, ((HessianFreeState)result.State).PreviousSolution);
        Assert.Equal(Lambda(one), Lambda(result));
    }

    [Fact]
    public void TrainsATanhNetworkAndReportsEveryIteration()
    {
        var objective = new TanhRegressionObjective(2, 8, 1, seed: 2);
        var task = new RegressionTask();
        var test = task.Sample(200, 999);
        double before = objective.Loss(test);
        var seen = new List<IterationStatistics>();
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 60 });
        var result = trainer.Train(objective, TrainingData.Fresh(task, 3, 200, 50),
            new TrainingRun { Iterations = 15, Validate = o => o.Loss(test) }, onIteration: seen.Add);
        Assert.Equal(15, seen.Count);
        Assert.Equal(Enumerable.Range(0, 15), seen.Select(s => s.Iteration));
        Assert.True(result.BestValidation < before / 20, $"test loss {before} → {result.BestValidation}");
        Assert.All(seen, s => Assert.True(Hf(s).Lambda > 0 && s.Seconds >= 0));
    }

    [Fact]
    public void ResumingFromTheReturnedStateIsBitIdentical()
    {
        var task = new RegressionTask();
        var data = TrainingData.Fresh(task, 5, 100, 25);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 30, StructuralDamping = 0.1 });
        var straight = new TanhRegressionObjective(2, 5, 1, seed: 8);
        var all = trainer.Train(straight, data, new TrainingRun { Iterations = 6 });

        var split = new TanhRegressionObjective(2, 5, 1, seed: 8);
        var firstHalf = trainer.Train(split, data, new TrainingRun { Iterations = 3 });
        var fresh = new TanhRegressionObjective(2, 5, 1, seed: 99);
        fresh.SetParameters(firstHalf.Parameters);
        var secondHalf = trainer.Train(fresh, data, new TrainingRun { Iterations = 3 }, firstHalf.State);

        Assert.Equal(all.Parameters, secondHalf.Parameters);
        Assert.Equal(Lambda(all), Lambda(secondHalf));
        Assert.Equal(((HessianFreeState)all.State).PreviousSolution, ((HessianFreeState)secondHalf.State).PreviousSolution);
        Assert.Equal(6, secondHalf.State.Iteration);
        Assert.Equal(all.Statistics.Skip(3).Select(s => s.Loss), secondHalf.Statistics.Select(s => s.Loss));
    }

    [Fact]
    public void PreconditionerAndStructuralDampingRunAndStillDescend()
    {
        var objective = new TanhRegressionObjective(2, 6, 1, seed: 12);
        var task = new RegressionTask();
        var batch = task.Sample(100, 1);
        double before = objective.Loss(batch);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { UsePreconditioner = true, StructuralDamping = 0.3, InitialLambda = 0.5 });
        trainer.Train(objective, TrainingData.Fixed(batch, 50), new TrainingRun { Iterations = 5 });
        Assert.True(objective.Loss(batch) < before / 2);
    }

    [Fact]
    public void ThePreconditionerOnAnObjectiveWithoutPerTrialGradientsIsRejectedNamingTheOptionAndChangesNothing()
    {
        var objective = new WithoutPerTrialGradients(new TanhRegressionObjective(2, 4, 1, seed: 1));
        var batch = new RegressionTask().Sample(40, 1);
        var before = new double[objective.ParameterCount];
        objective.GetParameters(before);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { UsePreconditioner = true });
        var e = Assert.Throws<ArgumentException>(() => trainer.Train(objective, TrainingData.Fixed(batch, 20), new TrainingRun { Iterations = 3 }));
        Assert.Equal("UsePreconditioner", e.ParamName);
        Assert.Contains("HessianFreeOptions.UsePreconditioner", e.Message);
        Assert.Contains("per-trial", e.Message);
        var after = new double[before.Length];
        objective.GetParameters(after);
        Assert.Equal(before, after);
        // Without the preconditioner the same objective trains.
        var trained = new HessianFreeTrainer().Train(objective, TrainingData.Fixed(batch, 20), new TrainingRun { Iterations = 2 });
        Assert.Equal(2, trained.Statistics.Count);
    }

    [Fact]
    public void BadDataFailsBeforeTrainingWithTheArgumentNamed()
    {
        var objective = new TanhRegressionObjective(2, 4, 1, seed: 1);
        var trainer = new HessianFreeTrainer();
        var good = new RegressionTask().Sample(10, 1);
        var nanTargets = good with { Targets = good.Targets.Select((v, i) => i == 3 ? double.NaN : v).ToArray() };
        var e1 = Assert.Throws<ArgumentException>(() => trainer.Train(objective, _ => new TrainingData(nanTargets, nanTargets), new TrainingRun()));
        Assert.Equal("data", e1.ParamName);
        Assert.Contains("Targets", e1.Message);

        var empty = new TrialBatch(1, 0, 2, 1, [], [], []);
        var e2 = Assert.Throws<ArgumentException>(() => trainer.Train(objective, _ => new TrainingData(empty, empty), new TrainingRun()));
        Assert.Equal("data", e2.ParamName);
        Assert.Contains("empty", e2.Message);

        var wrongShape = new TrialBatch(1, 2, 3, 1, new double[6], new double[2], [1, 1]);
        var e3 = Assert.Throws<ArgumentException>(() => trainer.Train(objective, _ => new TrainingData(wrongShape, wrongShape), new TrainingRun()));
        Assert.Equal("data", e3.ParamName);
        Assert.Contains("does not fit the model", e3.Message);

        var before = new double[objective.ParameterCount];
        objective.GetParameters(before);
        Assert.Throws<ArgumentException>(() => new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = -1 }));
        var e4 = Assert.Throws<ArgumentException>(() => new HessianFreeTrainer(new HessianFreeOptions { MinCgIterations = 300 }));
        Assert.Equal("MinCgIterations", e4.ParamName);
        Assert.Throws<ArgumentException>(() => trainer.Train(objective, _ => new TrainingData(good, good), new TrainingRun(),
            new AdamTrainer().Train(objective, _ => new TrainingData(good, good), new TrainingRun { Iterations = 0 }).State));
    }
}

/// <summary>The tanh regressor's data as a task (one time step, two inputs).</summary>
internal sealed class RegressionTask : ITask
{
    public string Name => "regression";
    public int InputCount => 2;
    public int OutputCount => 1;
    public OutputKind OutputKind => OutputKind.LinearSquaredError;
    public TrialBatch Sample(int batchSize, int seed) => TanhRegressionObjective.Problem(batchSize, seed);
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => TaskScoring.Score(OutputKind, batch, outputs);
}

/// <summary>Forwards to another objective and calls a hook on every Gauss-Newton product.</summary>
internal sealed class CountingObjective(ICurvatureObjective inner) : ICurvatureObjective
{
    public Action? OnProduct { get; set; }
    public int ParameterCount => inner.ParameterCount;
    public void GetParameters(Span<double> destination) => inner.GetParameters(destination);
    public void SetParameters(ReadOnlySpan<double> source) => inner.SetParameters(source);
    public double Loss(TrialBatch batch) => inner.Loss(batch);
    public double LossAndGradient(TrialBatch batch, Span<double> gradient) => inner.LossAndGradient(batch, gradient);
    public void PrepareCurvature(TrialBatch curvatureBatch) => inner.PrepareCurvature(curvatureBatch);
    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result)
    {
        OnProduct?.Invoke();
        inner.GaussNewtonProduct(v, structuralDamping, result);
    }
    public void SquaredGradientSum(TrialBatch batch, Span<double> result) => inner.SquaredGradientSum(batch, result);
    public double[] Predict(TrialBatch batch) => inner.Predict(batch);
}

/// <summary>Reports the loss on one batch object scaled by a factor (a minibatch whose loss change differs from the full batch's).</summary>
internal sealed class CurvatureBatchScaled(ICurvatureObjective inner, TrialBatch scaledBatch, double factor) : ICurvatureObjective
{
    public int ParameterCount => inner.ParameterCount;
    public void GetParameters(Span<double> destination) => inner.GetParameters(destination);
    public void SetParameters(ReadOnlySpan<double> source) => inner.SetParameters(source);
    public double Loss(TrialBatch batch) => ReferenceEquals(batch, scaledBatch) ? factor * inner.Loss(batch) : inner.Loss(batch);
    public double LossAndGradient(TrialBatch batch, Span<double> gradient) => inner.LossAndGradient(batch, gradient);
    public void PrepareCurvature(TrialBatch curvatureBatch) => inner.PrepareCurvature(curvatureBatch);
    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result) => inner.GaussNewtonProduct(v, structuralDamping, result);
    public void SquaredGradientSum(TrialBatch batch, Span<double> result) => inner.SquaredGradientSum(batch, result);
    public double[] Predict(TrialBatch batch) => inner.Predict(batch);
}

/// <summary>An objective that cannot give per-trial gradients (as a model with a loss that does not split over trials).</summary>
internal sealed class WithoutPerTrialGradients(ICurvatureObjective inner) : ICurvatureObjective
{
    public int ParameterCount => inner.ParameterCount;
    public void GetParameters(Span<double> destination) => inner.GetParameters(destination);
    public void SetParameters(ReadOnlySpan<double> source) => inner.SetParameters(source);
    public double Loss(TrialBatch batch) => inner.Loss(batch);
    public double LossAndGradient(TrialBatch batch, Span<double> gradient) => inner.LossAndGradient(batch, gradient);
    public void PrepareCurvature(TrialBatch curvatureBatch) => inner.PrepareCurvature(curvatureBatch);
    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result) => inner.GaussNewtonProduct(v, structuralDamping, result);
    public void SquaredGradientSum(TrialBatch batch, Span<double> result) => throw new NotSupportedException("the loss does not split over trials.");
    public double[] Predict(TrialBatch batch) => inner.Predict(batch);
}
