namespace NeuroRnn.Analysis;

/// <summary>
/// Vector-sum (circular-variance) selectivity indices of a tuning curve R(θ), θ in degrees:
/// OSI = |Σ R(θ) e^{2iθ}| / Σ R(θ) and DSI = |Σ R(θ) e^{iθ}| / Σ R(θ), both in [0, 1] (0 = untuned, 1 = responds to a
/// single orientation/direction). OSI = 1 − circular variance in orientation space. Negative responses (e.g. after
/// baseline subtraction) are clipped to 0 first; an all-zero curve gives NaN. Assumes angles that sample the circle
/// evenly (as stimulus sets do); DSI needs directions over 360°.
/// </summary>
public static class OrientationSelectivity
{
    /// <summary>The orientation selectivity index (see the class remarks).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Osi(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses) => VectorSum(anglesDeg, responses, 2).Index;

    /// <summary>The direction selectivity index (see the class remarks).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double Dsi(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses) => VectorSum(anglesDeg, responses, 1).Index;

    /// <summary>The preferred orientation from the vector sum, in [0, 180) degrees (NaN for an all-zero curve).</summary>
    public static double VectorSumOrientationDeg(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses)
    {
        var (_, angle) = VectorSum(anglesDeg, responses, 2);
        return double.IsNaN(angle) ? double.NaN : Mod(angle / 2, 180);
    }

    /// <summary>The preferred direction from the vector sum, in [0, 360) degrees.</summary>
    public static double VectorSumDirectionDeg(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses)
    {
        var (_, angle) = VectorSum(anglesDeg, responses, 1);
        return double.IsNaN(angle) ? double.NaN : Mod(angle, 360);
    }

    /// <summary>OSI of a tuning curve's means.</summary>
    public static double Osi(TuningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Osi(curve.AnglesDeg, curve.Mean);
    }

    /// <summary>DSI of a tuning curve's means.</summary>
    public static double Dsi(TuningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return Dsi(curve.AnglesDeg, curve.Mean);
    }

    private static (double Index, double AngleDeg) VectorSum(ReadOnlySpan<double> anglesDeg, ReadOnlySpan<double> responses, int harmonic)
    {
        if (anglesDeg.Length != responses.Length)
            throw new ArgumentException($"{anglesDeg.Length} angles but {responses.Length} responses.", nameof(responses));
        double re = 0, im = 0, total = 0;
        for (int i = 0; i < anglesDeg.Length; i++)
        {
            double r = responses[i];
            if (double.IsNaN(r) || double.IsNaN(anglesDeg[i])) continue;
            r = Math.Max(0, r);
            double a = harmonic * anglesDeg[i] * Math.PI / 180;
            re += r * Math.Cos(a);
            im += r * Math.Sin(a);
            total += r;
        }
        if (!(total > 0)) return (double.NaN, double.NaN);
        return (Math.Sqrt(re * re + im * im) / total, Math.Atan2(im, re) * 180 / Math.PI);
    }

    internal static double Mod(double x, double period)
    {
        double m = x % period;
        if (m < 0) m += period;
        return m >= period ? 0 : m;
    }
}
