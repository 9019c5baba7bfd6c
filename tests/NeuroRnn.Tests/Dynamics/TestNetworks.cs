using NeuroRnn.Models;

namespace NeuroRnn.Tests.Dynamics;

/// <summary>Networks with hand-set weights whose fixed points are known.</summary>
internal static class TestNetworks
{
    /// <summary>A network with recurrent weights <paramref name="w"/> [post, pre], input weights <paramref name="win"/> [unit, input] and bias <paramref name="b"/>.</summary>
    public static RateRnn Build(double[,] w, double[,] win, double[] b, Nonlinearity nonlinearity, double tau = 10, double dt = 1)
    {
        int n = w.GetLength(0), inputs = win.GetLength(1);
        var options = new RateRnnOptions { UnitCount = n, InputCount = inputs, OutputCount = 1, Tau = tau, Dt = dt, Nonlinearity = nonlinearity };
        var layout = RateRnnParameterLayout.For(options);
        var parameters = new double[layout.Count];
        var recurrent = layout.Slice(parameters.AsSpan(), ParameterBlock.RecurrentWeights);
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) recurrent[j * n + i] = w[i, j];
        var input = layout.Slice(parameters.AsSpan(), ParameterBlock.InputWeights);
        for (int j = 0; j < inputs; j++) for (int i = 0; i < n; i++) input[j * n + i] = win[i, j];
        b.CopyTo(layout.Slice(parameters.AsSpan(), ParameterBlock.RecurrentBias));
        return new RateRnn(options, parameters);
    }

    /// <summary>
    /// The ring network: N units at angles θ_i = 2πi/N, W_ij = (J₁/N) cos(θ_i − θ_j), tanh, no input or bias. Its
    /// nonzero fixed points form a ring x_i = a·cos(θ_i − φ), φ free, with a &gt; 0 solving
    /// a = (J₁/N) Σ_j cos θ_j tanh(a cos θ_j) (exactly, up to harmonics of order N that are far below rounding for N = 64).
    /// </summary>
    public static (RateRnn Model, double Amplitude) Ring(int n, double coupling)
    {
        var w = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) w[i, j] = coupling / n * Math.Cos(Angle(i, n) - Angle(j, n));
        double RingEquation(double a)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.Cos(Angle(j, n)) * Math.Tanh(a * Math.Cos(Angle(j, n)));
            return coupling / n * s - a;
        }
        // Bisection on [0.1, coupling]: the equation is positive near 0 (gain J₁/2 > 1) and negative at a = J₁.
        double lo = 0.1, hi = coupling;
        for (int k = 0; k < 200; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (RingEquation(mid) > 0) lo = mid; else hi = mid;
        }
        return (Build(w, new double[n, 0], new double[n], Nonlinearity.Tanh), 0.5 * (lo + hi));
    }

    public static double Angle(int i, int n) => 2 * Math.PI * i / n;

    /// <summary>The root s &gt; 0 of s = w·tanh(s) (the symmetric fixed points of two units coupled with weight w).</summary>
    public static double SelfConsistentRate(double w)
    {
        double s = w;
        for (int k = 0; k < 100; k++)
        {
            double t = Math.Tanh(s);
            s -= (s - w * t) / (1 - w * (1 - t * t));
        }
        return s;
    }

    public static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
