using System.Diagnostics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using Xunit.Abstractions;
using NeuroRnn;

namespace NeuroRnn.Tests.Training;

/// <summary>End-to-end: Hessian-free training of a rate RNN on the addition problem (Martens &amp; Sutskever 2011).</summary>
public class AdditionProblemTests(ITestOutputHelper output)
{
    /// <summary>The W1 model family (discrete-time tanh RNN, sparse init rescaled to spectral radius 1.2) with N units.</summary>
    internal static RateRnnOptions AdditionModel(int units, int seed) => new()
    {
        UnitCount = units, InputCount = 2, OutputCount = 1, Dt = 1, Tau = 1,
        Initialization = WeightInitialization.Sparse, SpectralRadius = 1.2, InputWeightStd = 1, Seed = seed,
    };

    [Fact]
    public void HessianFreeSolvesTheAdditionProblemAtT30()
    {
        // One MKL thread: these products are small, and two OpenMP threads spin-wait badly when the test machine is
        // busy (measured 60× slower under load). It only changes speed, never results of other tests.
        var backend = NumericsBackend.Current;
        if (backend is MklBackend mkl) mkl.SetThreadCount(1);
        var task = new AdditionTask(30);
        var objective = new RnnObjective(new RateRnn(AdditionModel(50, seed: 1)), null, backend);
        var test = task.Sample(1000, SeededRandom.Derive(1, TrainingData.TestStream, 0));
        double TestError(ICurvatureObjective o) => task.Score(test, o.Predict(test)).ErrorRate;
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 100 });
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(objective, TrainingData.Fresh(task, 1, 1000, 200),
            new TrainingRun { Iterations = 80, Validate = TestError, StopWhen = s => s.Validation < 0.01 },
            onIteration: s => output.WriteLine($"{s.Iteration,3} loss {s.Loss:E3} test {s.Validation:P1} λ {HessianFreeTrainerTests.Hf(s).Lambda:G3} ρ {HessianFreeTrainerTests.Hf(s).Rho:F2} cg {HessianFreeTrainerTests.Hf(s).CgIterations} {s.Seconds:F2}s"));
        output.WriteLine($"{backend.Description}: {result.StopReason} after {result.Statistics.Count} iterations, {clock.Elapsed.TotalSeconds:F1} s");

        objective.SetParameters(result.BestParameters);
        double error = TestError(objective);
        Assert.True(error < 0.01, $"{error:P1} of 1,000 fresh test sequences wrong (|error| > 0.04) after {result.Statistics.Count} iterations ({result.StopReason})");
        // Also on sequences never seen in training or model selection.
        var fresh = task.Sample(1000, SeededRandom.Derive(1, TrainingData.TestStream, 1));
        Assert.True(task.Score(fresh, objective.Predict(fresh)).ErrorRate < 0.02);
    }
}
