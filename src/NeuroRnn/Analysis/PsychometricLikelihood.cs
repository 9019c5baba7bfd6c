using MathNet.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>
/// The binomial likelihood of a psychometric function θ = (b, s, γ, λ) on choice counts, and its maximisation by
/// Fisher scoring with Levenberg–Marquardt damping and box constraints on the lapse rates (an active-set projection:
/// a lapse at a bound whose gradient pushes outwards is held there for the step).
/// </summary>
internal sealed class PsychometricLikelihood
{
    private const double ProbabilityFloor = 1e-12;
    private readonly PsychometricFunction _function;
    private readonly double[] _levels;
    private readonly int[] _trials;
    private readonly bool[] _free;
    private readonly double _maxLapse;
    private readonly int _maxIterations;

    public PsychometricLikelihood(PsychometricFunction function, double[] levels, int[] trials, PsychometricFitOptions options)
    {
        _function = function;
        _levels = levels;
        _trials = trials;
        _free = [true, true, options.FitLowerLapse, options.FitUpperLapse];
        _maxLapse = options.MaxLapse;
        _maxIterations = options.MaxIterations;
    }

    public static double Sigmoid(PsychometricFunction function, double z) => function == PsychometricFunction.Logistic
        ? (z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z)))
        : 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    private static double Density(PsychometricFunction function, double z)
    {
        if (function == PsychometricFunction.Logistic)
        {
            double f = Sigmoid(function, z);
            return f * (1 - f);
        }
        return Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
    }

    public static double Probability(PsychometricFunction function, ReadOnlySpan<double> theta, double x) =>
        theta[2] + (1 - theta[2] - theta[3]) * Sigmoid(function, theta[1] * (x - theta[0]));

    /// <summary>−Σ k ln P + (n − k) ln(1 − P), with P kept inside [1e-12, 1 − 1e-12].</summary>
    public double NegativeLogLikelihood(ReadOnlySpan<double> theta, int[] choices)
    {
        double nll = 0;
        for (int i = 0; i < _levels.Length; i++)
        {
            double p = Math.Clamp(Probability(_function, theta, _levels[i]), ProbabilityFloor, 1 - ProbabilityFloor);
            nll -= choices[i] * Math.Log(p) + (_trials[i] - choices[i]) * Math.Log(1 - p);
        }
        return nll;
    }

    /// <summary>The maximum-likelihood θ from <paramref name="start"/> (lapses clamped into their box first).</summary>
    public double[] Maximize(double[] start, int[] choices)
    {
        var theta = (double[])start.Clone();
        for (int k = 2; k < 4; k++) theta[k] = _free[k] ? Math.Clamp(theta[k], 0, _maxLapse) : 0;
        double nll = NegativeLogLikelihood(theta, choices);
        double mu = 1e-3;
        var gradient = new double[4];
        var fisher = new double[4, 4];
        var trial = new double[4];
        for (int iteration = 0; iteration < _maxIterations; iteration++)
        {
            Derivatives(theta, choices, gradient, fisher);
            var active = new bool[4];
            for (int k = 0; k < 4; k++)
                active[k] = _free[k] && !(k >= 2 && ((theta[k] <= 0 && gradient[k] > 0) || (theta[k] >= _maxLapse && gradient[k] < 0)));
            bool improved = false;
            while (mu < 1e12)
            {
                var step = DampedStep(gradient, fisher, active, mu);
                for (int k = 0; k < 4; k++) trial[k] = theta[k] + step[k];
                for (int k = 2; k < 4; k++) trial[k] = Math.Clamp(trial[k], 0, _maxLapse);
                double trialNll = NegativeLogLikelihood(trial, choices);
                if (trialNll < nll)
                {
                    double decrease = nll - trialNll;
                    trial.CopyTo(theta, 0);
                    nll = trialNll;
                    mu = Math.Max(mu / 3, 1e-12);
                    improved = decrease > 1e-13 * (1 + Math.Abs(nll));
                    break;
                }
                mu *= 4;
            }
            if (!improved) break;
        }
        return theta;
    }

    /// <summary>Gradient of the negative log-likelihood and the Fisher information (expected Hessian) at θ.</summary>
    private void Derivatives(double[] theta, int[] choices, double[] gradient, double[,] fisher)
    {
        Array.Clear(gradient);
        Array.Clear(fisher);
        Span<double> dp = stackalloc double[4];
        double gamma = theta[2], lambda = theta[3], range = 1 - gamma - lambda;
        for (int i = 0; i < _levels.Length; i++)
        {
            double z = theta[1] * (_levels[i] - theta[0]);
            double f = Sigmoid(_function, z), density = Density(_function, z);
            double p = Math.Clamp(gamma + range * f, ProbabilityFloor, 1 - ProbabilityFloor);
            dp[0] = -range * density * theta[1];
            dp[1] = range * density * (_levels[i] - theta[0]);
            dp[2] = 1 - f;
            dp[3] = -f;
            double variance = p * (1 - p);
            double residual = (choices[i] - _trials[i] * p) / variance;
            double weight = _trials[i] / variance;
            for (int a = 0; a < 4; a++)
            {
                gradient[a] -= residual * dp[a];
                for (int b = 0; b < 4; b++) fisher[a, b] += weight * dp[a] * dp[b];
            }
        }
    }

    /// <summary>Solves (I + μ(diag I + ε)) δ = −g over the active parameters (others get δ = 0).</summary>
    private static double[] DampedStep(double[] gradient, double[,] fisher, bool[] active, double mu)
    {
        var index = Enumerable.Range(0, 4).Where(k => active[k]).ToArray();
        int n = index.Length;
        var step = new double[4];
        if (n == 0) return step;
        double scale = 0;
        foreach (int k in index) scale = Math.Max(scale, fisher[k, k]);
        var a = new double[n, n + 1];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++) a[r, c] = fisher[index[r], index[c]];
            a[r, r] += mu * (fisher[index[r], index[r]] + 1e-9 * scale + 1e-300);
            a[r, n] = -gradient[index[r]];
        }
        // Gaussian elimination with partial pivoting on the (positive definite) damped system.
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            for (int c = 0; c <= n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            for (int r = col + 1; r < n; r++)
            {
                double factor = a[r, col] / a[col, col];
                for (int c = col; c <= n; c++) a[r, c] -= factor * a[col, c];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = a[r, n];
            for (int c = r + 1; c < n; c++) s -= a[r, c] * step[index[c]];
            step[index[r]] = s / a[r, r];
        }
        return step;
    }
}
