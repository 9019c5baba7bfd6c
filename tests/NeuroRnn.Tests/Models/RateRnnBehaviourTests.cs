using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

public sealed class RateRnnBehaviourTests
{
    [Fact]
    public void SameSeedsGiveBitIdenticalNoisyOutputsAndOtherNoiseIndicesDiffer()
    {
        var testCase = RnnTestCases.Get("noise");
        var batch = testCase.Batch(steps: 12, batchSize: 4);
        var a = new RateRnn(testCase.Options).Run(batch, noiseIndex: 5);
        var b = new RateRnn(testCase.Options).Run(batch, noiseIndex: 5);
        Assert.Equal(a.Outputs, b.Outputs);
        Assert.Equal(a.States, b.States);
        var c = new RateRnn(testCase.Options).Run(batch, noiseIndex: 6);
        Assert.NotEqual(a.Outputs, c.Outputs);
        var quiet = new RateRnn(testCase.Options with { InputNoiseStd = 0, RecurrentNoiseStd = 0 }).Run(batch);
        Assert.NotEqual(a.Outputs, quiet.Outputs);
    }

    [Fact]
    public void NoisyObjectiveIsDeterministicWithinANoiseIndex()
    {
        var testCase = RnnTestCases.Get("noise");
        var batch = testCase.Batch();
        var objective = new RnnObjective(new RateRnn(testCase.Options), testCase.Loss) { NoiseIndex = 3 };
        double first = objective.Loss(batch);
        Assert.Equal(first, new RnnObjective(new RateRnn(testCase.Options), testCase.Loss) { NoiseIndex = 3 }.Loss(batch));
        objective.NoiseIndex = 4;
        Assert.NotEqual(first, objective.Loss(batch));
    }

    [Theory]
    [InlineData("tanh-squared-error")]
    [InlineData("softmax-output")]
    [InlineData("unit-readout-subset")]
    [InlineData("noise")]
    public void ObjectiveGivesTheSameResultsWhenBatchesOfDifferentShapesAlternate(string name)
    {
        // The engines reuse grown buffers across batch shapes (gradient batch, curvature minibatch); results must not
        // depend on what was bound before, including stale data beyond the current shape.
        var testCase = RnnTestCases.Get(name);
        var large = testCase.Batch(steps: 20, batchSize: 7);
        var tall = testCase.Batch(steps: 31, batchSize: 3);
        var small = testCase.Batch(steps: 9, batchSize: 2);
        var v = RnnTestData.RandomVector(new RateRnn(testCase.Options).ParameterCount, 11);

        (double Loss, double[] Gradient, double[] Product) Evaluate(RnnObjective objective, TrialBatch batch)
        {
            var gradient = new double[objective.ParameterCount];
            double loss = objective.LossAndGradient(batch, gradient);
            objective.PrepareCurvature(batch);
            var product = new double[objective.ParameterCount];
            objective.GaussNewtonProduct(v, 0.05, product);
            return (loss, gradient, product);
        }

        var shared = new RnnObjective(new RateRnn(testCase.Options), testCase.Loss);
        foreach (var batch in new[] { large, tall, small, large, small, tall })
        {
            var expected = Evaluate(new RnnObjective(new RateRnn(testCase.Options), testCase.Loss), batch);
            var actual = Evaluate(shared, batch);
            Assert.Equal(expected.Loss, actual.Loss);
            Assert.Equal(expected.Gradient, actual.Gradient);
            Assert.Equal(expected.Product, actual.Product);
        }
    }

    [Fact]
    public void SimulationFollowsTheEulerEquationAndReadsOutAfterTheUpdate()
    {
        // One unit, one input, identity-like readout: check x[t+1] = (1−α)x[t] + α(w tanh x[t] + w_in u[t] + b) by hand.
        var options = new RateRnnOptions { UnitCount = 1, InputCount = 1, OutputCount = 1, Dt = 1, Tau = 5, LearnInitialState = true };
        var model = new RateRnn(options);
        var layout = model.Layout;
        var theta = model.GetParameters();
        theta[layout.Offset(ParameterBlock.RecurrentWeights)] = 0.9;
        theta[layout.Offset(ParameterBlock.InputWeights)] = 0.5;
        theta[layout.Offset(ParameterBlock.RecurrentBias)] = 0.1;
        theta[layout.Offset(ParameterBlock.OutputWeights)] = 2;
        theta[layout.Offset(ParameterBlock.OutputBias)] = -0.3;
        theta[layout.Offset(ParameterBlock.InitialState)] = 0.4;
        model.SetParameters(theta);
        double[] u = [1, -0.5, 0.25];
        var batch = new TrialBatch(3, 1, 1, 1, u, new double[3], [1, 1, 1]);
        var run = model.Run(batch);
        double x = 0.4;
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(x, run.State(t, 0, 0), 14);
            x = 0.8 * x + 0.2 * (0.9 * Math.Tanh(x) + 0.5 * u[t] + 0.1);
            Assert.Equal(2 * Math.Tanh(x) - 0.3, run.Output(t, 0, 0), 14);
        }
    }

    [Fact]
    public void DalesLawKeepsColumnSignsAndMasksAreRespected()
    {
        var options = new RateRnnOptions
        {
            UnitCount = 10, DalesLaw = true, ExcitatoryFraction = 0.8, AllowAutapses = false,
            Areas = [new NetworkArea("A", 5), new NetworkArea("B", 5)], InterAreaExcitatoryOnly = true,
            AreaConnections = new bool[,] { { true, false }, { true, true } },
        };
        var model = new RateRnn(options);
        var w = model.EffectiveRecurrentWeights();
        for (int pre = 0; pre < 10; pre++)
            for (int post = 0; post < 10; post++)
            {
                double value = w[pre * 10 + post];
                if (model.IsExcitatory(pre)) Assert.True(value >= 0);
                else Assert.True(value <= 0);
                if (pre == post) Assert.Equal(0, value);
                int preArea = pre / 5, postArea = post / 5;
                if (preArea == 1 && postArea == 0) Assert.Equal(0, value);         // B does not project to A
                if (preArea != postArea && !model.IsExcitatory(pre)) Assert.Equal(0, value); // only E between areas
            }
        Assert.Equal(8, Enumerable.Range(0, 10).Count(model.IsExcitatory));
    }

    [Fact]
    public void InitialisationsHaveTheRequestedStructure()
    {
        var sparse = new RateRnn(new RateRnnOptions { UnitCount = 40, Initialization = WeightInitialization.Sparse, SpectralRadius = 1.2 });
        var w = sparse.EffectiveRecurrentWeights();
        for (int post = 0; post < 40; post++)
            Assert.Equal(15, Enumerable.Range(0, 40).Count(pre => w[pre * 40 + post] != 0));
        Assert.Equal(1.2, sparse.SpectralRadius(), 8);

        var orthogonal = new RateRnn(new RateRnnOptions { UnitCount = 12, Initialization = WeightInitialization.Orthogonal, Gain = 1.5 });
        var q = orthogonal.EffectiveRecurrentWeights();
        for (int a = 0; a < 12; a++)
            for (int b = 0; b < 12; b++)
            {
                double dot = 0;
                for (int k = 0; k < 12; k++) dot += q[a * 12 + k] * q[b * 12 + k];
                Assert.Equal(a == b ? 2.25 : 0, dot, 10);
            }

        var gaussian = new RateRnn(new RateRnnOptions { UnitCount = 400, Gain = 1.0 }).EffectiveRecurrentWeights();
        double variance = gaussian.Sum(v => v * v) / gaussian.Length;
        Assert.InRange(variance * 400, 0.95, 1.05);
    }

    [Fact]
    public void UnitReadoutOutputsAreTheRatesOfTheListedUnits()
    {
        var options = new RateRnnOptions { UnitCount = 6, InputCount = 2, OutputCount = 2, ReadoutUnits = [4, 1], Nonlinearity = Nonlinearity.Softplus };
        var model = new RateRnn(options);
        Assert.Equal(0, model.Layout.Length(ParameterBlock.OutputWeights));
        var batch = RnnTestData.RandomBatch(7, 3, 2, 2, OutputKind.LinearSquaredError, 2);
        var run = model.Run(batch);
        for (int t = 0; t < 7; t++)
            for (int b = 0; b < 3; b++)
            {
                Assert.Equal(run.Rate(t + 1, b, 4), run.Output(t, b, 0));
                Assert.Equal(run.Rate(t + 1, b, 1), run.Output(t, b, 1));
            }
    }

    [Fact]
    public void PredictAppliesTheOutputNonlinearity()
    {
        var testCase = RnnTestCases.Get("softmax-output");
        var objective = new RnnObjective(new RateRnn(testCase.Options), testCase.Loss);
        var batch = testCase.Batch();
        var y = objective.Predict(batch);
        for (int column = 0; column < batch.Steps * batch.BatchSize; column++)
            Assert.Equal(1.0, y.Skip(column * 4).Take(4).Sum(), 12);
    }

    [Fact]
    public void LayoutViewsAddressTheDocumentedBlocks()
    {
        var options = new RateRnnOptions { UnitCount = 3, InputCount = 2, OutputCount = 4, LearnInitialState = true };
        var layout = RateRnnParameterLayout.For(options);
        Assert.Equal(9 + 6 + 3 + 12 + 4 + 3, layout.Count);
        Assert.Equal(9, layout.Offset(ParameterBlock.InputWeights));
        Assert.Equal(15, layout.Offset(ParameterBlock.RecurrentBias));
        Assert.Equal(18, layout.Offset(ParameterBlock.OutputWeights));
        Assert.Equal(30, layout.Offset(ParameterBlock.OutputBias));
        Assert.Equal(34, layout.Offset(ParameterBlock.InitialState));
        var theta = new double[layout.Count];
        layout.View(theta, ParameterBlock.OutputBias)[2] = 7;
        Assert.Equal(7, theta[32]);
    }
}

public sealed class NonlinearityFunctionsTests
{
    [Theory]
    [InlineData(Nonlinearity.Tanh)]
    [InlineData(Nonlinearity.Relu)]
    [InlineData(Nonlinearity.Softplus)]
    [InlineData(Nonlinearity.RectifiedTanh)]
    [InlineData(Nonlinearity.Sigmoid)]
    [InlineData(Nonlinearity.SaturatingSoftplus)]
    public void DerivativeMatchesCentralDifferencesAndSimulationAgrees(Nonlinearity f)
    {
        foreach (double x in new[] { -2.0, -0.3, 0.4, 1.7, 4.0, 5.5, 30.0, -30.0 })
        {
            double numeric = (NonlinearityFunctions.Apply(f, x + 1e-6) - NonlinearityFunctions.Apply(f, x - 1e-6)) / 2e-6;
            Assert.Equal(numeric, NonlinearityFunctions.Derivative(f, x), 8);
        }
        var model = new RateRnn(new RateRnnOptions { UnitCount = 3, InputCount = 1, Nonlinearity = f, LearnInitialState = true });
        var run = model.Run(RnnTestData.RandomBatch(4, 2, 1, 1, OutputKind.LinearSquaredError, 3));
        for (int k = 0; k < run.States.Length; k++)
            Assert.Equal(NonlinearityFunctions.Apply(f, run.States[k]), run.Rates[k], 14);
    }

    [Fact]
    public void SaturatingSoftplusIsSoftplusNearThresholdAndNeverExceedsItsCeiling()
    {
        const double ceiling = NonlinearityFunctions.SaturatingSoftplusCeiling;
        // Below the recorded peak (2 after rate scaling) it stays within 4 % of softplus; far above it saturates at R.
        foreach (double x in new[] { -5.0, -1.0, 0.0, 1.0, 1.8 })
        {
            double plain = NonlinearityFunctions.Apply(Nonlinearity.Softplus, x), bounded = NonlinearityFunctions.Apply(Nonlinearity.SaturatingSoftplus, x);
            Assert.InRange(bounded, 0.96 * plain, plain);
        }
        Assert.Equal(ceiling, NonlinearityFunctions.Apply(Nonlinearity.SaturatingSoftplus, 200), 10);
        Assert.Equal(0, NonlinearityFunctions.Derivative(Nonlinearity.SaturatingSoftplus, 200), 10);
        Assert.InRange(NonlinearityFunctions.Apply(Nonlinearity.SaturatingSoftplus, 12), 0.95 * ceiling, ceiling);
        // A simulated network driven hard stays finite and below the ceiling, where softplus rates grow with the drive.
        var options = new RateRnnOptions { UnitCount = 4, InputCount = 1, Gain = 1.5, InputWeightStd = 30, Seed = 2 };
        var batch = RnnTestData.RandomBatch(20, 2, 1, 1, OutputKind.LinearSquaredError, 5);
        var saturating = new RateRnn(options with { Nonlinearity = Nonlinearity.SaturatingSoftplus }).Run(batch);
        var soft = new RateRnn(options with { Nonlinearity = Nonlinearity.Softplus }).Run(batch);
        Assert.All(saturating.Rates, r => Assert.InRange(r, 0, ceiling));
        Assert.True(soft.Rates.Max() > 2 * ceiling, $"the softplus twin peaks at {soft.Rates.Max()}, so the drive does not test saturation");
    }
}

public sealed class CounterNoiseTests
{
    [Fact]
    public void CounterGaussianIsStandardNormalAndAPureFunctionOfItsCoordinates()
    {
        var a = new double[100_001];
        ModelRandom.FillCounterGaussian<double>(a, seed: 4, stream: 2, index: 9, scale: 1.0);
        double mean = a.Average(), variance = a.Select(x => (x - mean) * (x - mean)).Average();
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(a.Count(x => Math.Abs(x) > 1.96) / (double)a.Length, 0.045, 0.055);

        var prefix = new double[777];
        ModelRandom.FillCounterGaussian<double>(prefix, 4, 2, 9, 1.0);
        Assert.Equal(a.Take(777), prefix);                     // value k does not depend on how many are drawn
        var other = new double[777];
        ModelRandom.FillCounterGaussian<double>(other, 4, 2, 10, 1.0);
        Assert.NotEqual(prefix, other);                        // another index is another stream
        var single = new float[777];
        ModelRandom.FillCounterGaussian<float>(single, 4, 2, 9, 1.0);
        Assert.Equal(prefix.Select(x => (float)x), single);    // float32 models see the same noise, rounded
    }
}
