namespace NeuroRnn.Analysis;

/// <summary>
/// Fits <see cref="VonMisesFit"/> models by least squares: a coarse grid over φ (including the vector-sum angle) and κ,
/// with B and A solved linearly at each grid point, then Levenberg–Marquardt on (B, A, log κ, φ) with the analytic
/// Jacobian. Works on direction data too (the model has period 180°, so both directions of an orientation count).
/// </summary>
public static class VonMisesFitter
{
    /// <summary>Fits one curve; NaN responses are ignored.</summary>
    /// <exception cref="ArgumentException">Lengths differ or fewer than 4 finite points.</exception>
    public static VonMisesFit Fit(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses, VonMisesFitOptions? options = null)
    {
        options ??= new VonMisesFitOptions();
        var (theta, r) = VonMisesFitting.FinitePoints(anglesDeg, responses, 4, "A von Mises fit needs");
        var model = Model(theta);
        var start = VonMisesFitting.GridStart(model, r, OrientationSelectivity.VectorSumOrientationDeg(anglesDeg, responses),
            Enumerable.Range(0, 12).Select(i => i * Math.PI / 12), (kappa, phi) => Linear(theta, r, kappa, phi), amplitudes: 1);

        // (B, A, log κ, φ) with A ≥ 0 and κ in its bounds; parameters ending on a bound are reported.
        var fit = VonMisesFitting.Fit(model, r, start, amplitudes: 1, options);
        var q = fit.Parameters;
        var atBounds = new List<string>();
        if (fit.AtBound[1]) atBounds.Add("Amplitude at its lower bound 0 (no peak above baseline: the orientation and κ are meaningless)");
        if (VonMisesFitting.KappaAtBound(fit, amplitudes: 1, options, "flat curve") is { } kappaBound) atBounds.Add(kappaBound);
        double pref = OrientationSelectivity.Mod(q[3] * 180 / Math.PI, 180);
        return new VonMisesFit(pref, Math.Exp(q[2]), q[1], q[0], VonMisesFitting.RSquared(r, fit.Sse), fit.Iterations) { ParametersAtBounds = atBounds };
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

    /// <summary>R(θ) = B + A exp(κ (cos 2(θ − φ) − 1)) on (B, A, log κ, φ), with its analytic gradient.</summary>
    private static BoundedLeastSquares.Model Model(double[] theta) => (p, i, g) =>
    {
        double kappa = Math.Exp(p[2]), c = Math.Cos(2 * (theta[i] - p[3])), s = Math.Sin(2 * (theta[i] - p[3]));
        double e = Math.Exp(kappa * (c - 1));
        g[0] = 1;
        g[1] = e;
        g[2] = p[1] * e * (c - 1) * kappa;
        g[3] = p[1] * e * kappa * 2 * s;
        return p[0] + p[1] * e;
    };

    /// <summary>B and A by least squares at fixed κ and φ (a 2×2 normal system); null when singular or A &lt; 0.</summary>
    private static double[]? Linear(double[] theta, double[] r, double kappa, double phi)
    {
        double n = theta.Length, se = 0, see = 0, sr = 0, ser = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            double e = Math.Exp(kappa * (Math.Cos(2 * (theta[i] - phi)) - 1));
            se += e; see += e * e; sr += r[i]; ser += e * r[i];
        }
        double det = n * see - se * se;
        if (Math.Abs(det) < 1e-12) return null;
        double a = (n * ser - se * sr) / det, b = (sr - a * se) / n;
        return a >= 0 ? new[] { b, a, Math.Log(kappa), phi } : null;
    }
}
