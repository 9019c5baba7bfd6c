using System.Diagnostics;
using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using Xunit.Abstractions;

namespace NeuroRnn.Tests.Training;

/// <summary>End-to-end: Hessian-free training of a rate RNN on the addition problem (Martens &amp; Sutskever 2011).</summary>
public class AdditionProblemTests(ITestOutputHelper output)
{
    internal static RateRnnOptions AdditionModel(int units, int seed) => new()
    {
        UnitCount = units, InputCount = 2, OutputCount = 1, Dt = 1, Tau = 1,
        Initialization = WeightInitialization.Sparse, SpectralRadius = 1.2, InputWeightStd = 1, Seed = seed,
    };

    [Fact]
    public void HessianFreeSolvesTheAdditionProblemAtT30()
    {
        var task = new AdditionTask(30);
        var objective = new RnnObjective(new RateRnn(AdditionModel(Units, 1)));
        var test = task.Sample(1000, SeededRandom.Derive(7, TrainingData.TestStream, 0));
        double TestError(ICurvatureObjective o) => task.Score(test, o.Predict(test)).ErrorRate;
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = Lambda, MaxCgIterations = Cg });
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(objective, TrainingData.Fresh(task, 7, GradientBatch, CurvatureBatch),
            new TrainingRun { Iterations = 200, Validate = TestError, StopWhen = s => s.Validation < 0.01, MaxWallTime = TimeSpan.FromSeconds(WallSeconds) },
            onIteration: s => output.WriteLine($"{s.Iteration,3} loss {s.Loss:E3} test {s.Validation:P1} λ {s.Lambda:G3} ρ {s.Rho:F2} cg {s.CgIterations} {s.Seconds:F2}s {s.Note}"));
        output.WriteLine(NeuroRnn.Numerics.NumericsBackend.Current.Description);
        output.WriteLine($"{result.StopReason} after {result.Statistics.Count} iterations, {clock.Elapsed.TotalSeconds:F1} s");
        objective.SetParameters(result.BestParameters);
        double error = TestError(objective);
        Assert.True(error < 0.01, $"{error:P1} of 1,000 fresh test sequences wrong (|error| > 0.04) after {result.Statistics.Count} iterations ({result.StopReason})");
    }

    private const int Units = 50, GradientBatch = 1000, CurvatureBatch = 200, Cg = 100;
    private const double Lambda = 0.1;
    private static readonly double WallSeconds = double.Parse(Environment.GetEnvironmentVariable("NEURORNN_ADDITION_TEST_SECONDS") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
}
