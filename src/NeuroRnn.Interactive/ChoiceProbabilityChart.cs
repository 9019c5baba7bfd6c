using NeuroRnn.Analysis;
using NeuroRnn.Charts;

namespace NeuroRnn.Interactive;

/// <summary>Choice probabilities of many units (<see cref="ChoiceProbability.OfUnits"/>).</summary>
public static class ChoiceProbabilityChart
{
    /// <summary>
    /// Histogram of the units' grand CPs, significant ones (permutation p &lt; <paramref name="alpha"/>) filled, with the
    /// mean marked; units without a CP (NaN) are left out.
    /// </summary>
    /// <exception cref="ArgumentException">No result, or alpha outside (0, 1).</exception>
    public static Figure FromResults(IReadOnlyList<ChoiceProbabilityResult> results, double alpha = 0.05, string title = "Choice probability of the units")
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("results is empty.", nameof(results));
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentException($"alpha must be in (0, 1), got {alpha}.", nameof(alpha));
        return NeuroCharts.ChoiceProbabilityHistogram(results.Select(r => r.Value).ToArray(), results.Select(r => r.PValue < alpha).ToArray(),
            options: new ChoiceProbabilityHistogramOptions { Title = title });
    }
}
