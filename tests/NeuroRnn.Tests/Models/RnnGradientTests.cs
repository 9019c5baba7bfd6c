using NeuroRnn.Tasks;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

public sealed class RnnGradientTests
{
    [Theory]
    [MemberData(nameof(RnnTestCases.Names), MemberType = typeof(RnnTestCases))]
    public void BpttGradientMatchesCentralDifferences(string caseName)
    {
        var testCase = RnnTestCases.Get(caseName);
        var model = new RateRnn(testCase.Options);
        var objective = new RnnObjective(model, testCase.Loss);
        var batch = testCase.Batch();
        var gradient = new double[objective.ParameterCount];
        double loss = objective.LossAndGradient(batch, gradient);
        Assert.Equal(objective.Loss(batch), loss, 12);

        var numeric = RnnTestData.FiniteDifferenceGradient(objective, batch, 1e-6);
        var trainable = model.Structure.Trainable;
        if (trainable is not null)
            for (int k = 0; k < numeric.Length; k++)
                if (trainable[k] == 0)
                {
                    Assert.Equal(0.0, gradient[k]); // masked or frozen: never moves
                    numeric[k] = 0;
                }
        double error = RnnTestData.RelativeError(gradient, numeric);
        Assert.True(error < 1e-6, $"{caseName}: relative error {error:E3} between BPTT and finite differences");
        Assert.Contains(gradient, g => g != 0);
    }

    [Fact]
    public void ManagedBackendGivesTheSameGradientAsTheDefault()
    {
        var testCase = RnnTestCases.Get("dale");
        var batch = testCase.Batch();
        var model = new RateRnn(testCase.Options);
        var a = new double[model.ParameterCount];
        var b = new double[model.ParameterCount];
        new RnnObjective(model, testCase.Loss, NumericsBackend.Current).LossAndGradient(batch, a);
        new RnnObjective(model, testCase.Loss, NumericsBackend.Managed).LossAndGradient(batch, b);
        Assert.True(RnnTestData.RelativeError(a, b) < 1e-12);
    }

    [Theory]
    [InlineData("tanh-squared-error")]
    [InlineData("softmax-output")]
    [InlineData("weight-decay-activity-l2")]
    public void Float32GradientAgreesWithFloat64(string caseName)
    {
        var testCase = RnnTestCases.Get(caseName);
        var batch = testCase.Batch(steps: 20, batchSize: 8);
        var model64 = new RateRnn(testCase.Options);
        var model32 = new RateRnn(testCase.Options with { Precision = RnnPrecision.Float32 }, model64.GetParameters());
        var g64 = new double[model64.ParameterCount];
        var g32 = new double[model64.ParameterCount];
        double loss64 = new RnnObjective(model64, testCase.Loss).LossAndGradient(batch, g64);
        double loss32 = new RnnObjective(model32, testCase.Loss).LossAndGradient(batch, g32);
        Assert.True(Math.Abs(loss32 - loss64) < 1e-5 * Math.Abs(loss64), $"loss {loss32} vs {loss64}");
        double error = RnnTestData.RelativeError(g32, g64);
        Assert.True(error < 2e-4, $"float32 gradient relative error {error:E3}");

        var v = RnnTestData.RandomVector(model64.ParameterCount, 4);
        var gv64 = new double[v.Length];
        var gv32 = new double[v.Length];
        var o64 = new RnnObjective(model64, testCase.Loss); o64.PrepareCurvature(batch); o64.GaussNewtonProduct(v, 0.1, gv64);
        var o32 = new RnnObjective(model32, testCase.Loss); o32.PrepareCurvature(batch); o32.GaussNewtonProduct(v, 0.1, gv32);
        error = RnnTestData.RelativeError(gv32, gv64);
        Assert.True(error < 2e-4, $"float32 Gauss-Newton product relative error {error:E3}");
    }

    [Theory]
    [InlineData("learned-initial-state")]
    [InlineData("unit-readout-subset")]
    [InlineData("masks-frozen")]
    public void SquaredGradientSumEqualsTheSumOfPerTrialGradientsSquared(string caseName)
    {
        // Per-trial normalisation makes trial b's share of the gradient (single-trial gradient − regulariser) / B.
        var testCase = RnnTestCases.Get(caseName);
        var loss = new RnnLossOptions { Normalization = LossNormalization.TrialCount, WeightDecay = 0.03 };
        var model = new RateRnn(testCase.Options);
        var objective = new RnnObjective(model, loss);
        var batch = testCase.Batch(batchSize: 4);
        var result = new double[objective.ParameterCount];
        objective.SquaredGradientSum(batch, result);

        var theta = model.GetParameters();
        var decay = model.Structure.DecayMask;
        var expected = new double[result.Length];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            var g = new double[result.Length];
            objective.LossAndGradient(SingleTrial(batch, b), g);
            for (int k = 0; k < g.Length; k++)
            {
                double regulariser = loss.WeightDecay * decay[k] * theta[k];
                double share = (g[k] - regulariser) / batch.BatchSize + regulariser / batch.BatchSize;
                expected[k] += share * share;
            }
        }
        double error = RnnTestData.RelativeError(result, expected);
        Assert.True(error < 1e-10, $"relative error {error:E3}");
    }

    internal static TrialBatch SingleTrial(TrialBatch batch, int trial)
    {
        int steps = batch.Steps, inputs = batch.InputCount, outputs = batch.OutputCount;
        var u = new double[steps * inputs];
        var targets = new double[steps * outputs];
        var mask = new double[steps * outputs];
        for (int t = 0; t < steps; t++)
        {
            Array.Copy(batch.Inputs, batch.InputIndex(t, trial, 0), u, t * inputs, inputs);
            Array.Copy(batch.Targets, batch.OutputIndex(t, trial, 0), targets, t * outputs, outputs);
            Array.Copy(batch.Mask, batch.OutputIndex(t, trial, 0), mask, t * outputs, outputs);
        }
        return new TrialBatch(steps, 1, inputs, outputs, u, targets, mask);
    }
}
