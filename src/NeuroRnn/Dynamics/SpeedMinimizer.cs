using NeuroRnn.Numerics;

namespace NeuroRnn.Dynamics;

/// <summary>
/// Minimises q(x) = ½‖F(x)‖² from one start by Levenberg–Marquardt on the Gauss–Newton system
/// (JᵀJ + μI) δ = −Jᵀ F, with Nielsen's damping update (μ ← μ·max(1/3, 1 − (2ρ − 1)³) after a step with gain ratio
/// ρ &gt; 0, μ ← μ·ν, ν ← 2ν after a rejected one). Near a fixed point with invertible J this is Newton's method on
/// F(x) = 0 and converges quadratically. One instance owns every buffer, so <see cref="Minimize"/> allocates nothing;
/// use one instance per thread.
/// </summary>
internal sealed class SpeedMinimizer
{
    private readonly RateRnnDynamics _dynamics;
    private readonly INumericsBackend _backend;
    private readonly double[] _drive;
    private readonly int _n;
    private readonly double[] _x, _f, _scratch, _jacobian, _normal, _factor, _gradient, _step, _trial, _trialF;

    public SpeedMinimizer(RateRnnDynamics dynamics, double[] drive, INumericsBackend backend)
    {
        _dynamics = dynamics;
        _backend = backend;
        _drive = drive;
        _n = dynamics.UnitCount;
        _x = new double[_n]; _f = new double[_n]; _scratch = new double[_n];
        _jacobian = new double[_n * _n]; _normal = new double[_n * _n]; _factor = new double[_n * _n];
        _gradient = new double[_n]; _step = new double[_n]; _trial = new double[_n]; _trialF = new double[_n];
    }

    /// <summary>Runs from <paramref name="start"/>; writes the final state to <paramref name="result"/>.</summary>
    /// <returns>The final q and the number of iterations (accepted plus rejected steps).</returns>
    public (double Q, int Iterations) Minimize(ReadOnlySpan<double> start, Span<double> result, FixedPointOptions options)
    {
        int n = _n;
        start.CopyTo(_x);
        double q = Evaluate(_x, _f);
        UpdateModel();
        double mu = 1e-3 * MaxDiagonal(), nu = 2;
        if (!(mu > 0)) mu = 1e-3;
        int iterations = 0;
        while (iterations < options.MaxIterations && double.IsFinite(q))
        {
            if (q <= options.FixedPointTolerance) break;
            if (options.StopAtSlowPoints && q <= options.SlowPointTolerance) break;
            iterations++;
            _normal.CopyTo(_factor, 0);
            for (int i = 0; i < n; i++)
            {
                _factor[i * n + i] += mu;
                _step[i] = -_gradient[i];
            }
            if (!_backend.CholeskySolve(n, _factor, _step))
            {
                mu *= nu; nu *= 2;
                continue;
            }
            double stepNorm = Norm(_step), xNorm = Norm(_x);
            if (stepNorm <= options.StepTolerance * (xNorm + options.StepTolerance)) break;
            for (int i = 0; i < n; i++) _trial[i] = _x[i] + _step[i];
            double trialQ = Evaluate(_trial, _trialF);
            // Reduction predicted by the Gauss–Newton model: ½ δᵀ(μδ − g).
            double predicted = 0;
            for (int i = 0; i < n; i++) predicted += _step[i] * (mu * _step[i] - _gradient[i]);
            predicted *= 0.5;
            double rho = predicted > 0 ? (q - trialQ) / predicted : -1;
            if (rho > 0 && double.IsFinite(trialQ))
            {
                _trial.CopyTo(_x, 0);
                _trialF.CopyTo(_f, 0);
                q = trialQ;
                UpdateModel();
                double t = 2 * rho - 1;
                mu *= Math.Max(1.0 / 3, 1 - t * t * t);
                nu = 2;
            }
            else
            {
                mu *= nu;
                nu *= 2;
                if (double.IsInfinity(mu)) break;
            }
        }
        _x.CopyTo(result);
        return (q, iterations);
    }

    /// <summary>F(x) into <paramref name="f"/>; returns q = ½‖F‖².</summary>
    private double Evaluate(double[] x, double[] f)
    {
        _dynamics.Velocity(_backend, x, _drive, _scratch, f);
        double s = 0;
        for (int i = 0; i < _n; i++) s += f[i] * f[i];
        return 0.5 * s;
    }

    /// <summary>J, JᵀJ and the gradient Jᵀ F at the current state.</summary>
    private void UpdateModel()
    {
        int n = _n;
        _dynamics.Jacobian(_x, _scratch, _jacobian);
        _backend.Gemm(Transpose.Transpose, Transpose.None, n, n, n, 1.0, _jacobian, n, _jacobian, n, 0.0, _normal, n);
        _backend.Gemv(Transpose.Transpose, n, n, 1.0, _jacobian, n, _f, 0.0, _gradient);
    }

    private double MaxDiagonal()
    {
        double m = 0;
        for (int i = 0; i < _n; i++) m = Math.Max(m, _normal[i * _n + i]);
        return m;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return Math.Sqrt(s);
    }
}
