namespace SpikeTools;

/// <summary>Inter-spike intervals of a spike train (spike times in seconds, ascending).</summary>
public static class Isi
{
    /// <summary>The intervals between consecutive spikes.</summary>
    public static double[] Intervals(IReadOnlyList<double> spikeTimes)
    {
        var intervals = new double[Math.Max(0, spikeTimes.Count - 1)];
        for (var i = 1; i < spikeTimes.Count; i++) intervals[i - 1] = spikeTimes[i] - spikeTimes[i - 1];
        return intervals;
    }

    /// <summary>Coefficient of variation of the intervals (standard deviation over mean; 1 for a Poisson train).</summary>
    public static double CoefficientOfVariation(IReadOnlyList<double> spikeTimes)
    {
        var intervals = Intervals(spikeTimes);
        var mean = intervals.Average();
        var variance = intervals.Sum(d => (d - mean) * (d - mean)) / intervals.Length;
        return Math.Sqrt(variance) / mean;
    }
}
