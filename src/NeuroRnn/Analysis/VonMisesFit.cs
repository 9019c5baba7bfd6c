namespace NeuroRnn.Analysis;

/// <summary>
/// A fitted orientation tuning curve R(θ) = B + A exp(κ (cos 2(θ − φ) − 1)) (a von Mises bump of period 180°).
/// </summary>
/// <param name="PreferredOrientationDeg">φ in [0, 180).</param>
/// <param name="Kappa">Concentration κ (larger = narrower).</param>
/// <param name="Amplitude">A: peak response above baseline.</param>
/// <param name="Baseline">B: response at the orthogonal orientation (for large κ).</param>
/// <param name="RSquared">1 − SSE/SST of the fit to the given responses (NaN when the responses are constant).</param>
/// <param name="Iterations">Levenberg–Marquardt iterations used.</param>
public sealed record VonMisesFit(double PreferredOrientationDeg, double Kappa, double Amplitude, double Baseline, double RSquared, int Iterations)
{
    /// <summary>
    /// The parameters that ended on a bound (A ≥ 0, κ in [MinKappa, MaxKappa]), each with what it means; empty for an
    /// interior optimum. A fit with entries here has not estimated those parameters from the data.
    /// </summary>
    public IReadOnlyList<string> ParametersAtBounds { get; init; } = [];

    /// <summary>True when some parameter sits on a bound (see <see cref="ParametersAtBounds"/>).</summary>
    public bool IsAtBound => ParametersAtBounds.Count > 0;

    /// <summary>
    /// Half width at half maximum in degrees of orientation: ½ arccos(1 + ln(½)/κ); 90° when the curve never falls to half
    /// its peak above baseline (κ &lt; ln 2 / 2).
    /// </summary>
    public double HalfWidthDeg
    {
        get
        {
            double c = 1 + Math.Log(0.5) / Kappa;
            return c <= -1 ? 90 : 0.5 * Math.Acos(c) * 180 / Math.PI;
        }
    }

    /// <summary>The model's response at <paramref name="angleDeg"/>.</summary>
    public double Evaluate(double angleDeg) =>
        Baseline + Amplitude * Math.Exp(Kappa * (Math.Cos(2 * (angleDeg - PreferredOrientationDeg) * Math.PI / 180) - 1));
}
