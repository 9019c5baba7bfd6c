using NeuroRnn.Training;

namespace NeuroRnn.Tests.Training;

/// <summary>The shared loop with a plugged-in step, and what every trainer inherits from it.</summary>
public sealed class TrainingLoopTests
{
    /// <summary>Plain gradient descent θ ← θ − ηg: the smallest optimizer that fits the loop.</summary>
    private sealed class GradientDescentStep(ICurvatureObjective objective, double rate, int iterationsBeforeGivingUp = int.MaxValue) : IOptimizerStep<TrainingData>
    {
        private readonly double[] _theta = new double[objective.ParameterCount], _gradient = new double[objective.ParameterCount];
        public int Steps { get; private set; }
        public Action<CancellationToken>? During { get; init; }

        public OptimizerStepResult Step(int iteration, TrainingData data, CancellationToken cancellationToken)
        {
            objective.GetParameters(_theta);
            var start = (double[])_theta.Clone();
            double loss = objective.LossAndGradient(data.GradientBatch, _gradient);
            for (int j = 0; j < _theta.Length; j++) _theta[j] -= rate * _gradient[j];
            objective.SetParameters(_theta);
            try
            {
                During?.Invoke(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                objective.SetParameters(start);
                throw;
            }
            Steps++;
            return new OptimizerStepResult(loss, objective.Loss(data.GradientBatch), rate * Math.Sqrt(_gradient.Sum(g => g * g)), true, null,
                Stop: Steps >= iterationsBeforeGivingUp ? StopReason.Diverged("gave up") : null);
        }

        public OptimizerState State(int nextIteration) => new DescentState(nextIteration);
    }

    private sealed record DescentState(int Iteration) : OptimizerState(Iteration)
    {
        public override string Optimizer => "descent";
    }

    private static TrainingResult Run(GradientDescentStep step, ICurvatureObjective q, TrainingRun run, int first = 0,
        Action<IterationStatistics>? seen = null, CancellationToken ct = default) =>
        TrainingLoop.Run(step, q, HessianFreeTrainerTests.DummyData, run, first, seen, ct);

    [Fact]
    public void RunsAPluggedInStepAndReportsEveryIterationInOrder()
    {
        var q = QuadraticObjective.Isotropic(4, 1);
        var seen = new List<IterationStatistics>();
        var result = Run(new GradientDescentStep(q, 0.5), q, new TrainingRun { Iterations = 6 }, first: 10, seen.Add);
        Assert.Equal(Enumerable.Range(10, 6), seen.Select(s => s.Iteration));
        Assert.Equal(seen, result.Statistics);
        Assert.Equal(StopKind.IterationsCompleted, result.StopReason.Kind);
        Assert.Equal("iterations", result.StopReason.ToString());
        Assert.Equal(16, Assert.IsType<DescentState>(result.State).Iteration);
        Assert.All(seen, s => Assert.True(s.LossAfter < s.Loss && s.Seconds >= 0 && s.ElapsedSeconds >= s.Seconds));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second.ElapsedSeconds >= p.First.ElapsedSeconds));
        var now = new double[4];
        q.GetParameters(now);
        Assert.Equal(now, result.Parameters);
        Assert.Equal(result.Parameters, result.BestParameters);
        Assert.NotSame(result.Parameters, result.BestParameters);
    }

    [Fact]
    public void KeepsTheBestParametersByTheValidationMetric()
    {
        // The metric is best after the third iteration (distance of the loss to an arbitrary value passed on the way down).
        var q = QuadraticObjective.Isotropic(3, 1);
        var losses = new List<double>();
        var probe = QuadraticObjective.Isotropic(3, 1);
        var step = new GradientDescentStep(probe, 0.3);
        for (int i = 0; i < 3; i++) step.Step(i, HessianFreeTrainerTests.DummyData(i), default);
        double target = probe.Loss(HessianFreeTrainerTests.Dummy);
        var expectedBest = new double[3];
        probe.GetParameters(expectedBest);

        var result = Run(new GradientDescentStep(q, 0.3), q, new TrainingRun { Iterations = 7, Validate = o => Math.Abs(o.Loss(HessianFreeTrainerTests.Dummy) - target) });
        Assert.Equal(0, result.BestValidation!.Value, 12);
        Assert.Equal(expectedBest, result.BestParameters);
        Assert.NotEqual(result.BestParameters, result.Parameters);

        var sparse = Run(new GradientDescentStep(QuadraticObjective.Isotropic(3, 1), 0.3), QuadraticObjective.Isotropic(3, 1),
            new TrainingRun { Iterations = 7, ValidateEvery = 3, Validate = _ => 1 });
        Assert.Equal([false, false, true, false, false, true, true], sparse.Statistics.Select(s => s.Validation is not null));
    }

    [Fact]
    public void StopsOnTheFirstRuleThatHoldsWithATypedReason()
    {
        var q = QuadraticObjective.Isotropic(3, 1);
        var byCondition = Run(new GradientDescentStep(q, 0.1), q, new TrainingRun { Iterations = 50, StopWhen = s => s.Iteration == 4 });
        Assert.Equal((StopKind.StopCondition, 5, 5), (byCondition.StopReason.Kind, byCondition.Statistics.Count, byCondition.State.Iteration));

        var byStep = Run(new GradientDescentStep(q, 0.1, iterationsBeforeGivingUp: 2), q, new TrainingRun { Iterations = 50, StopWhen = s => s.Iteration == 1 });
        Assert.Equal(StopReason.Diverged("gave up"), byStep.StopReason);
        Assert.Equal(2, byStep.State.Iteration);

        var byTime = Run(new GradientDescentStep(q, 0.1) { During = _ => Thread.Sleep(5) }, q,
            new TrainingRun { Iterations = 50, MaxWallTime = TimeSpan.FromMilliseconds(1) });
        Assert.Equal((StopKind.WallTime, 1), (byTime.StopReason.Kind, byTime.Statistics.Count));
        Assert.Equal("wall time", byTime.StopReason.Description);
    }

    [Fact]
    public void StopsWhenTheValidationMetricReachesItsTargetCheckedOnlyWhenValidated()
    {
        // f(θ) = ½|θ|² + cᵀθ: descent with rate 0.3 scales the gap m = f − f* by 0.7² = 0.49 per iteration from m₀ = ½|c|²,
        // so m < 0.1 m₀ first after iteration 4 (0.49³ = 0.118, 0.49⁴ = 0.058) — and, validating every 3, after iteration 6.
        var q = QuadraticObjective.Isotropic(3, 1);
        double optimum = 0;
        for (int i = 0; i < 3; i++) optimum -= 0.5 * Math.Pow((i % 3) - 1.0 + 0.25 * i, 2);
        double gap0 = -optimum;
        double Gap(ICurvatureObjective o) => o.Loss(HessianFreeTrainerTests.Dummy) - optimum;
        var every = Run(new GradientDescentStep(q, 0.3), q, new TrainingRun { Iterations = 50, TargetValidation = 0.1 * gap0, Validate = Gap });
        Assert.Equal((StopKind.TargetReached, 4), (every.StopReason.Kind, every.Statistics.Count));
        Assert.Contains("below the target", every.StopReason.Description);
        Assert.True(every.Statistics[^1].Validation < 0.1 * gap0 && every.Statistics[^2].Validation >= 0.1 * gap0);

        var q3 = QuadraticObjective.Isotropic(3, 1);
        var sparse = Run(new GradientDescentStep(q3, 0.3), q3, new TrainingRun
        {
            Iterations = 50, ValidateEvery = 3, TargetValidation = 0.1 * gap0, Validate = Gap,
        });
        Assert.Equal((StopKind.TargetReached, 6), (sparse.StopReason.Kind, sparse.Statistics.Count));
    }

    [Fact]
    public void StopsOnAValidationPlateauAndKeepsTheBestParameters()
    {
        // A metric that improves for three iterations and then gets worse: with patience 4 training ends 4 validations later.
        var q = QuadraticObjective.Isotropic(3, 1);
        int calls = 0;
        var result = Run(new GradientDescentStep(q, 0.3), q, new TrainingRun
        {
            Iterations = 50, ValidationPatience = 4, Validate = _ => { calls++; return Math.Abs(calls - 3); },
        });
        Assert.Equal((StopKind.Plateau, 7), (result.StopReason.Kind, result.Statistics.Count));
        Assert.Equal(0, result.BestValidation);
        Assert.Contains("4 validations", result.StopReason.Description);
        Assert.NotEqual(result.Parameters, result.BestParameters);

        var e = Assert.Throws<ArgumentException>(() => new TrainingRun { ValidationPatience = 0, Validate = _ => 0 }.ThrowIfInvalid());
        Assert.Equal("ValidationPatience", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new TrainingRun { TargetValidation = 0.1 }.ThrowIfInvalid());
        Assert.Equal("TargetValidation", e.ParamName);
        Assert.Contains("Validate", e.Message);
    }

    [Fact]
    public void CancellationDiscardsTheUnfinishedIterationAndRestoresItsStart()
    {
        var q = QuadraticObjective.Isotropic(3, 1);
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var step = new GradientDescentStep(q, 0.2)
        {
            During = ct => { if (++calls == 3) { cts.Cancel(); ct.ThrowIfCancellationRequested(); } },
        };
        var result = Run(step, q, new TrainingRun { Iterations = 10 }, ct: cts.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(StopKind.Cancelled, result.StopReason.Kind);
        Assert.Equal(2, result.Statistics.Count);
        Assert.Equal(2, result.State.Iteration);

        var reference = QuadraticObjective.Isotropic(3, 1);
        var two = Run(new GradientDescentStep(reference, 0.2), reference, new TrainingRun { Iterations = 2 });
        Assert.Equal(two.Parameters, result.Parameters);

        var before = Run(new GradientDescentStep(q, 0.2), q, new TrainingRun { Iterations = 3 }, ct: cts.Token);
        Assert.Empty(before.Statistics);
        Assert.True(before.Cancelled);
    }

    [Fact]
    public void BadFirstDataFailsBeforeAnyStep()
    {
        var q = QuadraticObjective.Isotropic(3, 1);
        var step = new GradientDescentStep(q, 0.2);
        Assert.Throws<ArgumentException>(() => TrainingLoop.Run<TrainingData>(step, q, _ => throw new ArgumentException("bad", "data"), new TrainingRun(), 0));
        Assert.Equal(0, step.Steps);
        Assert.Throws<ArgumentException>(() => Run(step, q, new TrainingRun { Iterations = -1 }));
        Assert.Throws<ArgumentException>(() => Run(step, q, new TrainingRun(), first: -1));
    }

    [Fact]
    public void TrainersRejectAnotherOptimizersOrAMisfitState()
    {
        var q = QuadraticObjective.Isotropic(4, 1);
        var adam = new AdamTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 1 });
        var e1 = Assert.Throws<ArgumentException>(() => new HessianFreeTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun(), adam.State));
        Assert.Equal("resumeFrom", e1.ParamName);
        Assert.Contains("\"adam\"", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new AdamTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun(),
            new HessianFreeState(0, 1, new double[4])));
        Assert.Equal("resumeFrom", e2.ParamName);
        var e3 = Assert.Throws<ArgumentException>(() => new HessianFreeTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun(),
            new HessianFreeState(0, 1, new double[3])));
        Assert.Contains("PreviousSolution", e3.Message);
        Assert.Equal("resumeFrom", e3.ParamName);
        var e4 = Assert.Throws<ArgumentException>(() => new HessianFreeTrainer().Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun(),
            new HessianFreeState(0, double.NaN, new double[4])));
        Assert.Contains("lambda", e4.Message);
    }

    [Fact]
    public void TheReturnedStateIsACopyThatLaterTrainingDoesNotChange()
    {
        var q = QuadraticObjective.RandomSpd(6, 3, 10);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.5, MaxCgIterations = 4, MinCgIterations = 4 });
        var first = trainer.Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 1 });
        var saved = (double[])((HessianFreeState)first.State).PreviousSolution.Clone();
        trainer.Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 2 }, first.State);
        Assert.Equal(saved, ((HessianFreeState)first.State).PreviousSolution);
    }

    [Fact]
    public void HessianFreeStopsAsDivergedWhenLambdaReachesItsCap()
    {
        var q = QuadraticObjective.Isotropic(5, 2.0);
        q.NaNWhen = theta => theta.Any(v => v != 0);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 1, MinimumLambda = 1e-3, MaximumLambda = 3 });
        var result = trainer.Train(q, HessianFreeTrainerTests.DummyData, new TrainingRun { Iterations = 10 });
        Assert.Equal(StopKind.Diverged, result.StopReason.Kind);
        Assert.Equal("lambda exploded", result.StopReason.Description);
        Assert.Equal(3, result.Statistics.Count); // λ: 1 → 1.5 → 2.25 → 3 (capped)
    }
}
