using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;
using NeuroRnn;

namespace NeuroRnn.Tests.Training;

/// <summary>
/// f(θ) = ½ θᵀAθ + cᵀθ + quartic·Σ(θ−θ_ref)⁴, ignoring the batch; reports curvature·A as its Gauss-Newton matrix,
/// so tests can make the quadratic model exact (curvature 1) or wrong by a known factor.
/// </summary>
internal sealed class QuadraticObjective : ICurvatureObjective
{
    private readonly double[,] _a;
    private readonly double[] _c;
    private readonly double[] _theta;
    private readonly double[] _reference;

    public QuadraticObjective(double[,] a, double[] c, double curvatureScale = 1, double quartic = 0)
    {
        _a = a; _c = c; _theta = new double[c.Length]; _reference = new double[c.Length];
        CurvatureScale = curvatureScale; Quartic = quartic;
    }

    public double CurvatureScale { get; set; }
    public double Quartic { get; set; }
    public Func<double[], bool>? NaNWhen { get; set; }
    public Action? OnProduct { get; set; }
    public int ProductCount { get; private set; }
    public int ParameterCount => _c.Length;

    public static QuadraticObjective Isotropic(int n, double a, double curvatureScale = 1)
    {
        var m = new double[n, n];
        var c = new double[n];
        for (int i = 0; i < n; i++) { m[i, i] = a; c[i] = (i % 3) - 1.0 + 0.25 * i; }
        return new QuadraticObjective(m, c, curvatureScale);
    }

    public static QuadraticObjective RandomSpd(int n, int seed, double conditioning)
    {
        var rng = new SeededRandom(seed);
        var q = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q[i, j] = rng.NextGaussian();
        var a = new double[n, n];
        // A = QᵀQ/n + diag(spread) — SPD with a controllable spread of eigenvalues.
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += q[k, i] * q[k, j];
                a[i, j] = s / n + (i == j ? Math.Pow(conditioning, (double)i / (n - 1)) : 0);
            }
        var c = new double[n];
        for (int i = 0; i < n; i++) c[i] = rng.NextGaussian();
        return new QuadraticObjective(a, c);
    }

    public void Apply(ReadOnlySpan<double> v, Span<double> result)
    {
        int n = _c.Length;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += _a[i, j] * v[j];
            result[i] = s;
        }
    }

    public void GetParameters(Span<double> destination) => _theta.CopyTo(destination);
    public void SetParameters(ReadOnlySpan<double> source) => source.CopyTo(_theta);

    public double Loss(TrialBatch batch)
    {
        if (NaNWhen?.Invoke(_theta) == true) return double.NaN;
        var av = new double[_c.Length];
        Apply(_theta, av);
        double f = 0;
        for (int i = 0; i < _c.Length; i++)
        {
            double d = _theta[i] - _reference[i];
            f += 0.5 * _theta[i] * av[i] + _c[i] * _theta[i] + Quartic * d * d * d * d;
        }
        return f;
    }

    public double LossAndGradient(TrialBatch batch, Span<double> gradient)
    {
        Apply(_theta, gradient);
        for (int i = 0; i < _c.Length; i++)
        {
            double d = _theta[i] - _reference[i];
            gradient[i] += _c[i] + 4 * Quartic * d * d * d;
        }
        return Loss(batch);
    }

    public void PrepareCurvature(TrialBatch curvatureBatch) { }

    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result)
    {
        ProductCount++;
        OnProduct?.Invoke();
        Apply(v, result);
        for (int i = 0; i < result.Length; i++) result[i] *= CurvatureScale;
    }

    public void SquaredGradientSum(TrialBatch batch, Span<double> result)
    {
        LossAndGradient(batch, result);
        for (int i = 0; i < result.Length; i++) result[i] *= result[i];
    }

    public double[] Predict(TrialBatch batch) => new double[batch.Targets.Length];

    public double[] Minimiser()
    {
        // Solve A θ = −c by Gaussian elimination (tests only).
        int n = _c.Length;
        var m = (double[,])_a.Clone();
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -_c[i];
        for (int k = 0; k < n; k++)
            for (int i = k + 1; i < n; i++)
            {
                double f = m[i, k] / m[k, k];
                for (int j = k; j < n; j++) m[i, j] -= f * m[k, j];
                x[i] -= f * x[k];
            }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x;
    }
}

/// <summary>
/// A one-hidden-layer tanh regressor, y = W2 tanh(W1 u + b1) + b2, on batches with one time step, loss
/// ½ Σ mask·(y − t)² / B, with the exact Gauss-Newton product (R-forward, then back-propagation) and a
/// structural term: structuralDamping·(J_h)ᵀJ_h / B on the hidden activities.
/// </summary>
internal sealed class TanhRegressionObjective : ICurvatureObjective
{
    private readonly int _in, _hidden, _out;
    private readonly double[] _theta;
    private TrialBatch? _curvature;

    public TanhRegressionObjective(int inputs, int hidden, int outputs, int seed)
    {
        _in = inputs; _hidden = hidden; _out = outputs;
        _theta = new double[ParameterCount];
        var rng = new SeededRandom(seed);
        for (int i = 0; i < _theta.Length; i++) _theta[i] = 0.5 * rng.NextGaussian();
    }

    public int ParameterCount => _hidden * _in + _hidden + _out * _hidden + _out;
    private int W1(int h, int i) => h * _in + i;
    private int B1(int h) => _hidden * _in + h;
    private int W2(int o, int h) => _hidden * _in + _hidden + o * _hidden + h;
    private int B2(int o) => _hidden * _in + _hidden + _out * _hidden + o;

    public void GetParameters(Span<double> destination) => _theta.CopyTo(destination);
    public void SetParameters(ReadOnlySpan<double> source) => source.CopyTo(_theta);

    private void Check(TrialBatch batch)
    {
        if (batch.InputCount != _in) throw new ArgumentException($"batch has {batch.InputCount} inputs, model {_in}.", nameof(batch));
        if (batch.OutputCount != _out) throw new ArgumentException($"batch has {batch.OutputCount} outputs, model {_out}.", nameof(batch));
    }

    private void Forward(TrialBatch batch, int b, double[] h, double[] y)
    {
        for (int k = 0; k < _hidden; k++)
        {
            double a = _theta[B1(k)];
            for (int i = 0; i < _in; i++) a += _theta[W1(k, i)] * batch.Inputs[batch.InputIndex(0, b, i)];
            h[k] = Math.Tanh(a);
        }
        for (int o = 0; o < _out; o++)
        {
            double s = _theta[B2(o)];
            for (int k = 0; k < _hidden; k++) s += _theta[W2(o, k)] * h[k];
            y[o] = s;
        }
    }

    public double Loss(TrialBatch batch)
    {
        Check(batch);
        var h = new double[_hidden]; var y = new double[_out];
        double f = 0;
        for (int b = 0; b < batch.BatchSize; b++)
        {
            Forward(batch, b, h, y);
            for (int o = 0; o < _out; o++)
            {
                int j = batch.OutputIndex(0, b, o);
                f += 0.5 * batch.Mask[j] * (y[o] - batch.Targets[j]) * (y[o] - batch.Targets[j]);
            }
        }
        return f / batch.BatchSize;
    }

    private void Backward(TrialBatch batch, int b, double[] h, double[] dy, double[] dhExtra, Span<double> g, double scale)
    {
        var dh = new double[_hidden];
        for (int o = 0; o < _out; o++)
        {
            g[B2(o)] += scale * dy[o];
            for (int k = 0; k < _hidden; k++) { g[W2(o, k)] += scale * dy[o] * h[k]; dh[k] += dy[o] * _theta[W2(o, k)]; }
        }
        for (int k = 0; k < _hidden; k++)
        {
            double da = (dh[k] + dhExtra[k]) * (1 - h[k] * h[k]);
            g[B1(k)] += scale * da;
            for (int i = 0; i < _in; i++) g[W1(k, i)] += scale * da * batch.Inputs[batch.InputIndex(0, b, i)];
        }
    }

    public double LossAndGradient(TrialBatch batch, Span<double> gradient)
    {
        Check(batch);
        gradient.Clear();
        var h = new double[_hidden]; var y = new double[_out]; var dy = new double[_out]; var zero = new double[_hidden];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            Forward(batch, b, h, y);
            for (int o = 0; o < _out; o++) { int j = batch.OutputIndex(0, b, o); dy[o] = batch.Mask[j] * (y[o] - batch.Targets[j]); }
            Backward(batch, b, h, dy, zero, gradient, 1.0 / batch.BatchSize);
        }
        return Loss(batch);
    }

    public void PrepareCurvature(TrialBatch curvatureBatch) { Check(curvatureBatch); _curvature = curvatureBatch; }

    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result)
    {
        var batch = _curvature ?? throw new InvalidOperationException("PrepareCurvature first.");
        result.Clear();
        var h = new double[_hidden]; var y = new double[_out]; var rh = new double[_hidden]; var ry = new double[_out]; var extra = new double[_hidden];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            Forward(batch, b, h, y);
            for (int k = 0; k < _hidden; k++)
            {
                double ra = v[B1(k)];
                for (int i = 0; i < _in; i++) ra += v[W1(k, i)] * batch.Inputs[batch.InputIndex(0, b, i)];
                rh[k] = (1 - h[k] * h[k]) * ra;
                extra[k] = structuralDamping * rh[k];
            }
            for (int o = 0; o < _out; o++)
            {
                double s = v[B2(o)];
                for (int k = 0; k < _hidden; k++) s += v[W2(o, k)] * h[k] + _theta[W2(o, k)] * rh[k];
                ry[o] = batch.Mask[batch.OutputIndex(0, b, o)] * s;
            }
            Backward(batch, b, h, ry, extra, result, 1.0 / batch.BatchSize);
        }
    }

    public void SquaredGradientSum(TrialBatch batch, Span<double> result)
    {
        result.Clear();
        var g = new double[ParameterCount];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            var one = batch.Slice(b, 1);
            LossAndGradient(one, g);
            for (int i = 0; i < g.Length; i++) result[i] += g[i] * g[i] / batch.BatchSize;
        }
    }

    public double[] Predict(TrialBatch batch)
    {
        var outputs = new double[batch.Targets.Length];
        var h = new double[_hidden]; var y = new double[_out];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            Forward(batch, b, h, y);
            for (int o = 0; o < _out; o++) outputs[batch.OutputIndex(0, b, o)] = y[o];
        }
        return outputs;
    }

    /// <summary>A smooth regression problem y = sin(u0) + 0.5 u1² drawn deterministically from a seed.</summary>
    public static TrialBatch Problem(int batchSize, int seed)
    {
        var rng = new SeededRandom(seed);
        var inputs = new double[batchSize * 2];
        var targets = new double[batchSize];
        var mask = new double[batchSize];
        for (int b = 0; b < batchSize; b++)
        {
            double u0 = 2 * rng.NextDouble() - 1, u1 = 2 * rng.NextDouble() - 1;
            inputs[2 * b] = u0; inputs[2 * b + 1] = u1;
            targets[b] = Math.Sin(2 * u0) + 0.5 * u1 * u1;
            mask[b] = 1;
        }
        return new TrialBatch(1, batchSize, 2, 1, inputs, targets, mask);
    }
}
