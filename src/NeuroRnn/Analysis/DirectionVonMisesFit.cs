namespace NeuroRnn.Analysis;

/// <summary>
/// A fitted two-peak direction tuning curve R(θ) = B + A_p exp(κ (cos(θ − φ) − 1)) + A_n exp(κ (cos(θ − φ − 180°) − 1)):
/// von Mises bumps of period 360° at the preferred direction φ and at the opposite direction, with one width κ (the
/// usual model of direction-selective cells that also respond to the opposite direction of the preferred orientation).
/// </summary>
/// <param name="PreferredDirectionDeg">φ in [0, 360): the direction of the larger peak.</param>
/// <param name="Kappa">Concentration κ of both peaks.</param>
/// <param name="PreferredAmplitude">A_p ≥ A_n: the peak above baseline at φ.</param>
/// <param name="OppositeAmplitude">A_n: the peak above baseline at φ + 180°.</param>
/// <param name="Baseline">B.</param>
/// <param name="RSquared">1 − SSE/SST of the fit (NaN for constant responses).</param>
/// <param name="Iterations">Levenberg–Marquardt iterations used.</param>
public sealed record DirectionVonMisesFit(double PreferredDirectionDeg, double Kappa, double PreferredAmplitude, double OppositeAmplitude,
    double Baseline, double RSquared, int Iterations)
{
    /// <summary>The parameters that ended on a bound (amplitudes ≥ 0, κ in its bounds), each with what it means; empty for an interior optimum.</summary>
    public IReadOnlyList<string> ParametersAtBounds { get; init; } = [];

    /// <summary>True when some parameter sits on a bound.</summary>
    public bool IsAtBound => ParametersAtBounds.Count > 0;

    /// <summary>The model's direction index (A_p − A_n) / (A_p + A_n) in [0, 1] (NaN with no peaks).</summary>
    public double ModelDsi => PreferredAmplitude + OppositeAmplitude > 0 ? (PreferredAmplitude - OppositeAmplitude) / (PreferredAmplitude + OppositeAmplitude) : double.NaN;

    /// <summary>The model's response at <paramref name="angleDeg"/>.</summary>
    public double Evaluate(double angleDeg)
    {
        double d = (angleDeg - PreferredDirectionDeg) * Math.PI / 180;
        return Baseline + PreferredAmplitude * Math.Exp(Kappa * (Math.Cos(d) - 1)) + OppositeAmplitude * Math.Exp(Kappa * (-Math.Cos(d) - 1));
    }
}

/// <summary>
/// Fits <see cref="DirectionVonMisesFit"/> by least squares: a grid over φ (12 directions and the vector-sum direction)
/// and κ with B, A_p, A_n solved linearly (non-negative amplitudes only), then bounded Levenberg–Marquardt on
/// (B, A_p, A_n, log κ, φ); the peaks are relabelled so that A_p ≥ A_n. Needs directions over 360°.
/// </summary>
public static class DirectionVonMisesFitter
{
    /// <summary>Fits one curve; NaN responses are ignored.</summary>
    /// <exception cref="ArgumentException">Lengths differ or fewer than 5 finite points.</exception>
    public static DirectionVonMisesFit Fit(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses, VonMisesFitOptions? options = null)
    {
        options ??= new VonMisesFitOptions();
        var (theta, r) = VonMisesFitting.FinitePoints(anglesDeg, responses, 5, "A two-peak direction fit has 5 parameters and needs");
        var model = Model(theta);
        var start = VonMisesFitting.GridStart(model, r, OrientationSelectivity.VectorSumDirectionDeg(anglesDeg, responses),
            Enumerable.Range(0, 12).Select(i => i * Math.PI / 6), (kappa, phi) => Linear(theta, r, kappa, phi) is { } p && p[1] >= 0 && p[2] >= 0 ? p : null,
            amplitudes: 2);

        var fit = VonMisesFitting.Fit(model, r, start, amplitudes: 2, options);
        var q = fit.Parameters;
        double phiDeg = q[4] * 180 / Math.PI, ap = q[1], an = q[2];
        bool swapped = an > ap;
        if (swapped) { (ap, an) = (an, ap); phiDeg += 180; }
        var atBounds = new List<string>();
        bool apAtZero = fit.AtBound[swapped ? 2 : 1], anAtZero = fit.AtBound[swapped ? 1 : 2];
        if (apAtZero) atBounds.Add("PreferredAmplitude at its lower bound 0 (no peak: the direction and κ are meaningless)");
        if (anAtZero) atBounds.Add("OppositeAmplitude at its lower bound 0 (no response to the opposite direction)");
        if (VonMisesFitting.KappaAtBound(fit, amplitudes: 2, options, "flat peaks") is { } kappaBound) atBounds.Add(kappaBound);
        return new DirectionVonMisesFit(OrientationSelectivity.Mod(phiDeg, 360), Math.Exp(q[3]), ap, an, q[0],
            VonMisesFitting.RSquared(r, fit.Sse), fit.Iterations) { ParametersAtBounds = atBounds };
    }

    /// <summary>Fits a tuning curve's means (directions over 360°).</summary>
    public static DirectionVonMisesFit Fit(TuningCurve curve, VonMisesFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Fit(curve.AnglesDeg, curve.Mean, options);
    }

    private static BoundedLeastSquares.Model Model(double[] theta) => (p, i, g) =>
    {
        double kappa = Math.Exp(p[3]), c = Math.Cos(theta[i] - p[4]), s = Math.Sin(theta[i] - p[4]);
        double ep = Math.Exp(kappa * (c - 1)), en = Math.Exp(kappa * (-c - 1));
        g[0] = 1;
        g[1] = ep;
        g[2] = en;
        g[3] = kappa * (p[1] * ep * (c - 1) + p[2] * en * (-c - 1));
        g[4] = kappa * s * (p[1] * ep - p[2] * en);
        return p[0] + p[1] * ep + p[2] * en;
    };

    /// <summary>B, A_p, A_n by linear least squares at fixed κ and φ (a 3×3 normal system); null when singular.</summary>
    private static double[]? Linear(double[] theta, double[] r, double kappa, double phi)
    {
        var a = new double[3, 3];
        var b = new double[3];
        Span<double> f = stackalloc double[3];
        for (int i = 0; i < theta.Length; i++)
        {
            double c = Math.Cos(theta[i] - phi);
            f[0] = 1;
            f[1] = Math.Exp(kappa * (c - 1));
            f[2] = Math.Exp(kappa * (-c - 1));
            for (int j = 0; j < 3; j++)
            {
                b[j] += f[j] * r[i];
                for (int k = 0; k < 3; k++) a[j, k] += f[j] * f[k];
            }
        }
        double det = a[0, 0] * (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1]) - a[0, 1] * (a[1, 0] * a[2, 2] - a[1, 2] * a[2, 0]) + a[0, 2] * (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0]);
        if (Math.Abs(det) < 1e-12) return null;
        double Det(int column)
        {
            var m = (double[,])a.Clone();
            for (int j = 0; j < 3; j++) m[j, column] = b[j];
            return m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        }
        return new[] { Det(0) / det, Det(1) / det, Det(2) / det, Math.Log(kappa), phi };
    }
}
