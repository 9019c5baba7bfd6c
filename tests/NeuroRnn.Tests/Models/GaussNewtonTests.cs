using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Tests.Models;

public sealed class GaussNewtonTests
{
    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var c in RnnTestCases.All)
        {
            data.Add(c.Name, 0.0);
            if (c.Name is "tanh-squared-error" or "softplus" or "relu" or "masks-frozen" or "weight-decay-activity-l2" or "softmax-output" or "orthogonal-logistic-dale" or "poisson-log-rate" or "poisson-softplus-rate")
                data.Add(c.Name, 0.7);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProductEqualsExplicitJacobianForm(string caseName, double structuralDamping)
    {
        var testCase = RnnTestCases.Get(caseName);
        var model = new RateRnn(testCase.Options);
        var objective = new RnnObjective(model, testCase.Loss);
        var batch = testCase.Batch();
        objective.PrepareCurvature(batch);
        var v = RnnTestData.RandomVector(model.ParameterCount, 17);
        var product = new double[v.Length];
        objective.GaussNewtonProduct(v, structuralDamping, product);

        var expected = ExplicitProduct(model, testCase.Loss, batch, v, structuralDamping);
        double error = RnnTestData.RelativeError(product, expected);
        Assert.True(error < 1e-8, $"{caseName} (d = {structuralDamping}): relative error {error:E3} against explicit JᵀHJ·v");
    }

    [Theory]
    [InlineData("tanh-squared-error")]
    [InlineData("softmax-output")]
    [InlineData("logistic-output")]
    [InlineData("multi-area")]
    [InlineData("weight-decay-activity-l2")]
    [InlineData("poisson-log-rate")]
    [InlineData("poisson-softplus-rate")]
    public void ProductIsSymmetricAndPositiveSemidefinite(string caseName)
    {
        var testCase = RnnTestCases.Get(caseName);
        var model = new RateRnn(testCase.Options);
        var objective = new RnnObjective(model, testCase.Loss);
        objective.PrepareCurvature(testCase.Batch(steps: 10, batchSize: 4));
        for (int trial = 0; trial < 5; trial++)
        {
            var u = RnnTestData.RandomVector(model.ParameterCount, 100 + trial);
            var v = RnnTestData.RandomVector(model.ParameterCount, 200 + trial);
            var gu = new double[u.Length];
            var gv = new double[v.Length];
            double damping = trial * 0.25;
            objective.GaussNewtonProduct(u, damping, gu);
            objective.GaussNewtonProduct(v, damping, gv);
            double vGu = RnnTestData.Dot(v, gu), uGv = RnnTestData.Dot(u, gv);
            Assert.True(Math.Abs(vGu - uGv) <= 1e-12 * (Math.Abs(vGu) + Math.Abs(uGv) + 1e-300), $"vᵀGu = {vGu} but uᵀGv = {uGv}");
            Assert.True(RnnTestData.Dot(v, gv) >= 0, $"vᵀGv = {RnnTestData.Dot(v, gv)} < 0");
            Assert.True(RnnTestData.Dot(u, gu) >= 0);
        }
    }

    [Fact]
    public void CachedLinearisationIsKeptWhenParametersChangeAfterPrepare()
    {
        var testCase = RnnTestCases.Get("tanh-squared-error");
        var model = new RateRnn(testCase.Options);
        var objective = new RnnObjective(model, testCase.Loss);
        var batch = testCase.Batch();
        objective.PrepareCurvature(batch);
        var v = RnnTestData.RandomVector(model.ParameterCount, 1);
        var before = new double[v.Length];
        objective.GaussNewtonProduct(v, 0, before);
        var theta = model.GetParameters();
        var moved = theta.Select(x => x + 0.1).ToArray();
        objective.SetParameters(moved);
        objective.Loss(batch); // a line search evaluating elsewhere must not disturb the curvature cache
        var after = new double[v.Length];
        objective.GaussNewtonProduct(v, 0, after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void ProductBeforePrepareIsRejected()
    {
        var testCase = RnnTestCases.Get("tanh-squared-error");
        var objective = new RnnObjective(new RateRnn(testCase.Options), testCase.Loss);
        var v = new double[objective.ParameterCount];
        Assert.Throws<InvalidOperationException>(() => objective.GaussNewtonProduct(v, 0, v));
    }

    /// <summary>
    /// Σ Jᵀ H J v formed from central-difference Jacobians of the output pre-activations, the states and the rates.
    /// </summary>
    internal static double[] ExplicitProduct(RateRnn model, RnnLossOptions loss, TrialBatch batch, double[] vRaw, double damping)
    {
        var s = model.Structure;
        var theta = model.GetParameters();
        int p = theta.Length;
        var trainable = s.Trainable ?? Enumerable.Repeat(1.0, p).ToArray();
        var v = vRaw.Select((x, k) => x * trainable[k]).ToArray();
        var engine = new RateRnnEngine<double>(s, NumericsBackend.Managed, loss);
        engine.LoadParameters(theta);
        engine.Bind(batch, 0);
        var y = engine.CopyOutputs();
        var z = engine.CopyOutputPreactivations();
        var x = engine.CopyStates();
        double norm = engine.Normalization;
        int n = s.N, o = s.O, steps = batch.Steps, trials = batch.BatchSize, nb = n * trials;

        double[] Evaluate(double[] point, Func<IRateRnnEngine, double[]> read)
        {
            engine.LoadParameters(point);
            engine.Bind(batch, 0);
            return read(engine);
        }
        var jz = RnnTestData.FiniteDifferenceJacobian(theta, t => Evaluate(t, e => e.CopyOutputPreactivations()), 1e-5);
        var jx = RnnTestData.FiniteDifferenceJacobian(theta, t => Evaluate(t, e => e.CopyStates()), 1e-5);
        var jr = RnnTestData.FiniteDifferenceJacobian(theta, t => Evaluate(t, e => e.CopyRates()), 1e-5);

        double[] Apply(double[][] jacobian)
        {
            var result = new double[jacobian[0].Length];
            for (int k = 0; k < p; k++)
                if (v[k] != 0)
                    for (int row = 0; row < result.Length; row++) result[row] += jacobian[k][row] * v[k];
            return result;
        }
        double[] ApplyTransposed(double[][] jacobian, double[] w)
        {
            var result = new double[p];
            for (int k = 0; k < p; k++) result[k] = RnnTestData.Dot(jacobian[k], w);
            return result;
        }

        // Output term: H_L of the matching loss w.r.t. z.
        var jzv = Apply(jz);
        var hz = new double[jzv.Length];
        for (int column = 0; column < steps * trials; column++)
        {
            int start = column * o;
            switch (s.Options.OutputKind)
            {
                case OutputKind.LinearSquaredError:
                    for (int q = 0; q < o; q++) hz[start + q] = 2 * loss.SquaredErrorScale * batch.Mask[start + q] / norm * jzv[start + q];
                    break;
                case OutputKind.LogisticCrossEntropy:
                    for (int q = 0; q < o; q++) hz[start + q] = batch.Mask[start + q] * y[start + q] * (1 - y[start + q]) / norm * jzv[start + q];
                    break;
                case OutputKind.SoftmaxCrossEntropy:
                    double w = Enumerable.Range(0, o).Max(q => batch.Mask[start + q]);
                    double targetSum = w == 0 ? 0 : Enumerable.Range(0, o).Sum(q => batch.Targets[start + q]);
                    for (int q = 0; q < o; q++)
                    {
                        double sum = 0;
                        for (int q2 = 0; q2 < o; q2++)
                            sum += ((q == q2 ? y[start + q] : 0) - y[start + q] * y[start + q2]) * jzv[start + q2];
                        hz[start + q] = w * targetSum / norm * sum;
                    }
                    break;
                case OutputKind.PoissonLogRate: // ℓ = y − t z with y = eᶻ: ∂²ℓ/∂z² = y
                    for (int q = 0; q < o; q++) hz[start + q] = batch.Mask[start + q] * y[start + q] / norm * jzv[start + q];
                    break;
                case OutputKind.PoissonSoftplusRate: // ℓ = y − t ln y, y = softplus(z): Gauss-Newton through y, (∂y/∂z)² ∂²ℓ/∂y² = σ(z)² t / y²
                    for (int q = 0; q < o; q++)
                    {
                        double sigma = 1 / (1 + Math.Exp(-z[start + q])), t = batch.Mask[start + q] == 0 ? 0 : batch.Targets[start + q];
                        hz[start + q] = batch.Mask[start + q] * sigma * sigma * t / (y[start + q] * y[start + q]) / norm * jzv[start + q];
                    }
                    break;
            }
        }
        var result = ApplyTransposed(jz, hz);

        // Activity penalty (mean of r² over steps 1..T): its Gauss-Newton term.
        if (loss.ActivityL2 > 0)
        {
            var jrv = Apply(jr);
            var h = new double[jrv.Length];
            double c = 2 * loss.ActivityL2 / ((double)n * steps * trials);
            for (int row = nb; row < h.Length; row++) h[row] = c * jrv[row];
            var term = ApplyTransposed(jr, h);
            for (int k = 0; k < p; k++) result[k] += term[k];
        }
        // Structural damping: d/D · Σ_{t≥1} J_xᵀ diag(f′(x)) J_x.
        if (damping > 0)
        {
            var jxv = Apply(jx);
            var h = new double[jxv.Length];
            for (int row = nb; row < h.Length; row++) h[row] = damping / norm * Derivative(s.Options.Nonlinearity, x[row]) * jxv[row];
            var term = ApplyTransposed(jx, h);
            for (int k = 0; k < p; k++) result[k] += term[k];
        }
        for (int k = 0; k < p; k++)
            result[k] = (result[k] + loss.WeightDecay * s.DecayMask[k] * v[k]) * trainable[k];
        return result;
    }

    private static double Derivative(Nonlinearity f, double x) => f switch
    {
        Nonlinearity.Tanh => 1 - Math.Tanh(x) * Math.Tanh(x),
        Nonlinearity.Relu => x > 0 ? 1 : 0,
        Nonlinearity.Softplus => 1 / (1 + Math.Exp(-x)),
        Nonlinearity.RectifiedTanh => x > 0 ? 1 - Math.Tanh(x) * Math.Tanh(x) : 0,
        Nonlinearity.Sigmoid => Math.Exp(-x) / ((1 + Math.Exp(-x)) * (1 + Math.Exp(-x))),
        Nonlinearity.SaturatingSoftplus => Math.Pow(1 / Math.Cosh(Math.Log(1 + Math.Exp(x)) / 6), 2) / (1 + Math.Exp(-x)),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };
}
