namespace NeuroRnn.Analysis;

/// <summary>
/// Fits <see cref="VonMisesFit"/> models by least squares: a coarse grid over φ (including the vector-sum angle) and κ,
/// with B and A solved linearly at each grid point, then Levenberg–Marquardt on (B, A, log κ, φ) with the analytic
/// Jacobian. Works on direction data too (the model has period 180°, so both directions of an orientation count).
/// </summary>
public static class VonMisesFitter
{
    private static readonly double[] KappaGrid = { 0.1, 0.3, 0.7, 1.5, 3, 6, 12, 25 };

    /// <summary>Fits one curve; NaN responses are ignored.</summary>
    /// <exception cref="ArgumentException">Lengths differ or fewer than 4 finite points.</exception>
    public static VonMisesFit Fit(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses, VonMisesFitOptions? options = null)
    {
        options ??= new VonMisesFitOptions();
        if (anglesDeg.Length != responses.Length) throw new ArgumentException($"{anglesDeg.Length} angles but {responses.Length} responses.", nameof(responses));
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < anglesDeg.Length; i++)
            if (double.IsFinite(anglesDeg[i]) && double.IsFinite(responses[i])) { x.Add(anglesDeg[i] * Math.PI / 180); y.Add(responses[i]); }
        if (x.Count < 4) throw new ArgumentException($"A von Mises fit needs at least 4 finite points, got {x.Count}.", nameof(responses));
        double[] theta = x.ToArray(), r = y.ToArray();
        double mean = r.Average(), sst = r.Sum(v => (v - mean) * (v - mean));

        // Grid start.
        double vectorPhi = OrientationSelectivity.VectorSumOrientationDeg(anglesDeg, responses);
        var phis = Enumerable.Range(0, 12).Select(i => i * Math.PI / 12).ToList();
        if (!double.IsNaN(vectorPhi)) phis.Insert(0, vectorPhi * Math.PI / 180);
        var best = (Sse: double.PositiveInfinity, B: mean, A: 0.0, LogKappa: 0.0, Phi: phis[0]);
        foreach (double phi in phis)
            foreach (double kappa in KappaGrid)
            {
                var (b, a, sse) = LinearBaselineAmplitude(theta, r, kappa, phi);
                if (a >= 0 && sse < best.Sse) best = (sse, b, a, Math.Log(kappa), phi);
            }
        if (double.IsInfinity(best.Sse)) best = (sst, mean, 0, 0, phis[0]);

        // Levenberg–Marquardt.
        var p = new[] { best.B, best.A, best.LogKappa, best.Phi };
        double lambda = 1e-3, sseCurrent = Sse(theta, r, p);
        var jtj = new double[4, 4];
        var jtr = new double[4];
        var trial = new double[4];
        Span<double> j = stackalloc double[4];
        int iterations = 0;
        double minLog = Math.Log(options.MinKappa), maxLog = Math.Log(options.MaxKappa);
        for (; iterations < options.MaxIterations && sseCurrent > 0; iterations++)
        {
            Array.Clear(jtj);
            Array.Clear(jtr);
            double kappa = Math.Exp(p[2]);
            for (int i = 0; i < theta.Length; i++)
            {
                double c = Math.Cos(2 * (theta[i] - p[3])), s = Math.Sin(2 * (theta[i] - p[3]));
                double e = Math.Exp(kappa * (c - 1));
                double residual = r[i] - (p[0] + p[1] * e);
                j[0] = 1;
                j[1] = e;
                j[2] = p[1] * e * (c - 1) * kappa;
                j[3] = p[1] * e * kappa * 2 * s;
                for (int a = 0; a < 4; a++)
                {
                    jtr[a] += j[a] * residual;
                    for (int b = 0; b < 4; b++) jtj[a, b] += j[a] * j[b];
                }
            }
            bool improved = false;
            while (lambda < 1e12)
            {
                var step = Solve(jtj, jtr, lambda);
                if (step is null) { lambda *= 10; continue; }
                for (int a = 0; a < 4; a++) trial[a] = p[a] + step[a];
                trial[2] = Math.Clamp(trial[2], minLog, maxLog);
                double sseTrial = Sse(theta, r, trial);
                if (sseTrial < sseCurrent)
                {
                    double relative = (sseCurrent - sseTrial) / Math.Max(sseCurrent, 1e-300);
                    Array.Copy(trial, p, 4);
                    sseCurrent = sseTrial;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = relative > options.Tolerance;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) break;
        }
        double pref = OrientationSelectivity.Mod(p[3] * 180 / Math.PI, 180);
        return new VonMisesFit(pref, Math.Exp(p[2]), p[1], p[0], sst > 0 ? 1 - sseCurrent / sst : double.NaN, iterations);
    }

    /// <summary>Fits a tuning curve's means.</summary>
    public static VonMisesFit Fit(TuningCurve curve, VonMisesFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Fit(curve.AnglesDeg, curve.Mean, options);
    }

    /// <summary>Fits every curve.</summary>
    public static VonMisesFit[] FitAll(IReadOnlyList<TuningCurve> curves, VonMisesFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        return curves.Select(c => Fit(c, options)).ToArray();
    }

    private static (double B, double A, double Sse) LinearBaselineAmplitude(double[] theta, double[] r, double kappa, double phi)
    {
        // Least squares for r ≈ B + A·e with e fixed: a 2×2 normal system.
        double n = theta.Length, se = 0, see = 0, sr = 0, ser = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double e = Math.Exp(kappa * (Math.Cos(2 * (theta[i] - phi)) - 1));
            se += e; see += e * e; sr += r[i]; ser += e * r[i];
        }
        double det = n * see - se * se;
        if (Math.Abs(det) < 1e-12) return (sr / n, 0, double.PositiveInfinity);
        double a = (n * ser - se * sr) / det, b = (sr - a * se) / n;
        return (b, a, Sse(theta, r, new[] { b, a, Math.Log(kappa), phi }));
    }

    private static double Sse(double[] theta, double[] r, double[] p)
    {
        double kappa = Math.Exp(p[2]), sse = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double d = r[i] - (p[0] + p[1] * Math.Exp(kappa * (Math.Cos(2 * (theta[i] - p[3])) - 1)));
            sse += d * d;
        }
        return sse;
    }

    /// <summary>Solves (JᵀJ + λ diag(JᵀJ)) δ = Jᵀr by Gaussian elimination with partial pivoting; null if singular.</summary>
    private static double[]? Solve(double[,] jtj, double[] jtr, double lambda)
    {
        var m = new double[4, 5];
        for (int a = 0; a < 4; a++)
        {
            for (int b = 0; b < 4; b++) m[a, b] = jtj[a, b];
            m[a, a] += lambda * Math.Max(jtj[a, a], 1e-12);
            m[a, 4] = jtr[a];
        }
        for (int col = 0; col < 4; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < 4; row++) if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (Math.Abs(m[pivot, col]) < 1e-300) return null;
            if (pivot != col) for (int c = 0; c < 5; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            for (int row = col + 1; row < 4; row++)
            {
                double f = m[row, col] / m[col, col];
                for (int c = col; c < 5; c++) m[row, c] -= f * m[col, c];
            }
        }
        var x = new double[4];
        for (int row = 3; row >= 0; row--)
        {
            double s = m[row, 4];
            for (int c = row + 1; c < 4; c++) s -= m[row, c] * x[c];
            x[row] = s / m[row, row];
        }
        return x.All(double.IsFinite) ? x : null;
    }
}
