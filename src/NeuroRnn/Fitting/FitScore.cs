namespace NeuroRnn.Fitting;

/// <summary>
/// Coefficients of determination R² = 1 − SSE/SST of a prediction, per unit (sums over conditions or trials and time,
/// about the unit's own mean) and pooled over units (1 − ΣSSE/ΣSST, so units with more variance weigh more).
/// </summary>
/// <param name="Overall">Pooled R² over all units.</param>
/// <param name="PerUnit">R² of each unit (NaN for a unit with no variance).</param>
public sealed record FitScore(double Overall, double[] PerUnit)
{
    /// <summary>Median of the finite per-unit values (NaN when none).</summary>
    public double MedianPerUnit
    {
        get
        {
            var finite = PerUnit.Where(double.IsFinite).Order().ToArray();
            if (finite.Length == 0) return double.NaN;
            int m = finite.Length / 2;
            return finite.Length % 2 == 1 ? finite[m] : 0.5 * (finite[m - 1] + finite[m]);
        }
    }
}
