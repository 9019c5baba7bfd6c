using System.Globalization;

namespace NeuroRnn.Analysis;

/// <summary>An interval [Low, High] of a statistic (a bootstrap confidence interval or a permutation interval).</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public sealed record ConfidenceInterval(double Low, double High)
{
    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The central <paramref name="level"/> of <paramref name="samples"/> (percentiles (1 − level)/2 and (1 + level)/2, linear interpolation).</summary>
    internal static ConfidenceInterval Percentile(double[] samples, double level)
    {
        if (samples.Length == 0) return new ConfidenceInterval(double.NaN, double.NaN);
        var sorted = (double[])samples.Clone();
        Array.Sort(sorted);
        return new ConfidenceInterval(Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2));
    }

    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Low:G4}, {High:G4}]");
}
