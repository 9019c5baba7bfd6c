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

        // Levenberg–Marquardt on (B, A, log κ, φ) with A ≥ 0 and κ in its bounds; parameters ending on a bound are reported.
        BoundedLeastSquares.Model model = (p, i, g) =>
        {
            double kappa = Math.Exp(p[2]), c = Math.Cos(2 * (theta[i] - p[3])), s = Math.Sin(2 * (theta[i] - p[3]));
            double e = Math.Exp(kappa * (c - 1));
            g[0] = 1;
            g[1] = e;
            g[2] = p[1] * e * (c - 1) * kappa;
            g[3] = p[1] * e * kappa * 2 * s;
            return p[0] + p[1] * e;
        };
        double minLog = Math.Log(options.MinKappa), maxLog = Math.Log(options.MaxKappa);
        var fit = BoundedLeastSquares.Fit(model, r, new[] { best.B, best.A, best.LogKappa, best.Phi },
            new[] { double.NegativeInfinity, 0, minLog, double.NegativeInfinity }, new[] { double.PositiveInfinity, double.PositiveInfinity, maxLog, double.PositiveInfinity },
            options.MaxIterations, options.Tolerance);
        var q = fit.Parameters;
        var atBounds = new List<string>();
        if (fit.AtBound[1]) atBounds.Add("Amplitude at its lower bound 0 (no peak above baseline: the orientation and κ are meaningless)");
        if (fit.AtBound[2]) atBounds.Add(q[2] <= minLog + 1e-9 ? $"Kappa at its lower bound {options.MinKappa} (flat curve)" : $"Kappa at its upper bound {options.MaxKappa} (narrower than the angle sampling resolves)");
        double pref = OrientationSelectivity.Mod(q[3] * 180 / Math.PI, 180);
        return new VonMisesFit(pref, Math.Exp(q[2]), q[1], q[0], sst > 0 ? 1 - fit.Sse / sst : double.NaN, fit.Iterations) { ParametersAtBounds = atBounds };
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
}
