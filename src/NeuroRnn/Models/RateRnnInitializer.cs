using MathNet.Numerics.LinearAlgebra;

namespace NeuroRnn.Models;

/// <summary>
/// Draws initial parameters: W̃ by <see cref="RateRnnOptions.Initialization"/>, W_in ~ N(0, σ_in²),
/// W_out ~ N(0, σ_out²), biases and x₀ zero; masked entries zero; optionally the effective W rescaled to a
/// spectral radius. Deterministic in <see cref="RateRnnOptions.Seed"/>.
/// </summary>
internal static class RateRnnInitializer
{
    public static double[] Initialize(RateRnnStructure s)
    {
        var options = s.Options;
        int n = s.N, i = s.I, o = s.O;
        var theta = new double[s.ParameterCount];
        var layout = s.Layout;
        var w = layout.Slice(theta.AsSpan(), ParameterBlock.RecurrentWeights);
        var random = new ModelRandom(options.Seed, 1);
        switch (options.Initialization)
        {
            case WeightInitialization.Gaussian:
                double std = options.Gain / Math.Sqrt(n);
                for (int k = 0; k < w.Length; k++) w[k] = std * random.NextGaussian();
                break;
            case WeightInitialization.Orthogonal:
                Orthogonal(n, options.Gain, random).CopyTo(w);
                break;
            case WeightInitialization.Sparse:
                Sparse(s, options.Gain, options.SparseConnectionCount, random).CopyTo(w);
                break;
        }
        ApplyMask(w, s.RecurrentMask);
        if (options.BalanceInhibition) BalanceInhibition(s, w);

        var inputRandom = new ModelRandom(options.Seed, 2);
        double inputStd = options.InputWeightStd ?? (i > 0 ? 1.0 / Math.Sqrt(i) : 0);
        var win = layout.Slice(theta.AsSpan(), ParameterBlock.InputWeights);
        for (int k = 0; k < win.Length; k++) win[k] = inputStd * inputRandom.NextGaussian();
        ApplyMask(win, s.InputMask);

        var outputRandom = new ModelRandom(options.Seed, 3);
        double outputStd = options.OutputWeightStd ?? 1.0 / Math.Sqrt(n);
        var wout = layout.Slice(theta.AsSpan(), ParameterBlock.OutputWeights);
        for (int k = 0; k < wout.Length; k++) wout[k] = outputStd * outputRandom.NextGaussian();
        ApplyMask(wout, s.OutputMask);

        if (options.SpectralRadius is { } target)
        {
            double radius = SpectralRadius(Effective(s, w));
            if (radius > 0) for (int k = 0; k < w.Length; k++) w[k] *= target / radius;
        }
        return theta;
    }

    /// <summary>Per postsynaptic row: scale the |W̃| of inhibitory presynaptic units so their sum equals the excitatory sum.</summary>
    private static void BalanceInhibition(RateRnnStructure s, Span<double> w)
    {
        int n = s.N;
        for (int i = 0; i < n; i++)
        {
            double excitatory = 0, inhibitory = 0;
            for (int j = 0; j < n; j++)
                if (s.Excitatory![j]) excitatory += Math.Abs(w[j * n + i]); else inhibitory += Math.Abs(w[j * n + i]);
            if (inhibitory == 0 || excitatory == 0) continue;
            double scale = excitatory / inhibitory;
            for (int j = 0; j < n; j++)
                if (!s.Excitatory![j]) w[j * n + i] *= scale;
        }
    }

    private static void ApplyMask(Span<double> values, double[]? mask)
    {
        if (mask is null) return;
        for (int k = 0; k < values.Length; k++) values[k] *= mask[k];
    }

    private static double[] Orthogonal(int n, double gain, ModelRandom random)
    {
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextGaussian());
        var qr = a.QR();
        var q = qr.Q;
        var r = qr.R;
        var result = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            // Sign correction makes Q Haar-distributed rather than biased by the QR convention.
            double sign = r[j, j] < 0 ? -1 : 1;
            for (int row = 0; row < n; row++) result[j * n + row] = gain * sign * q[row, j];
        }
        return result;
    }

    private static double[] Sparse(RateRnnStructure s, double gain, int connections, ModelRandom random)
    {
        int n = s.N;
        var result = new double[n * n];
        var candidates = new int[n];
        for (int post = 0; post < n; post++)
        {
            int available = 0;
            for (int pre = 0; pre < n; pre++)
                if (s.RecurrentMask is null || s.RecurrentMask[pre * n + post] != 0) candidates[available++] = pre;
            int count = Math.Min(connections, available);
            for (int k = 0; k < count; k++)
            {
                int pick = k + random.NextInt(available - k);
                (candidates[k], candidates[pick]) = (candidates[pick], candidates[k]);
                result[candidates[k] * n + post] = gain * random.NextGaussian();
            }
        }
        return result;
    }

    private static double[] Effective(RateRnnStructure s, ReadOnlySpan<double> w)
    {
        int n = s.N;
        var effective = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int k = j * n + i;
                double mask = s.RecurrentMask?[k] ?? 1;
                effective[k] = s.ColumnSign is { } sign ? mask * Math.Abs(w[k]) * sign[j] : mask * w[k];
            }
        return effective;
    }

    /// <summary>Largest eigenvalue modulus of the column-major n×n matrix.</summary>
    public static double SpectralRadius(double[] columnMajor)
    {
        int n = (int)Math.Round(Math.Sqrt(columnMajor.Length));
        var m = Matrix<double>.Build.Dense(n, n, columnMajor);
        return m.Evd().EigenValues.Max(e => e.Magnitude);
    }
}
