namespace NeuroRnn.Data;

/// <summary>Options of <see cref="SpikeBinner"/>: the peri-event window and the bin width.</summary>
public sealed record SpikeBinningOptions
{
    /// <summary>Window start relative to each trial's onset, in ms (default −300).</summary>
    public double WindowStartMs { get; init; } = -300;

    /// <summary>Window end relative to each trial's onset, in ms (default 1200).</summary>
    public double WindowEndMs { get; init; } = 1200;

    /// <summary>Bin width in ms (default 10). The window is cut into ⌊(end − start) / bin⌋ bins.</summary>
    public double BinMs { get; init; } = 10;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">The window is empty or the bin width not positive.</exception>
    public void Validate()
    {
        if (!(BinMs > 0) || !double.IsFinite(BinMs)) throw new ArgumentException($"BinMs must be positive, not {BinMs}.", nameof(BinMs));
        if (!(WindowEndMs > WindowStartMs) || !double.IsFinite(WindowEndMs - WindowStartMs))
            throw new ArgumentException($"The window [{WindowStartMs}, {WindowEndMs}) ms is empty.", nameof(WindowEndMs));
        if ((WindowEndMs - WindowStartMs) / BinMs > 10_000_000) throw new ArgumentException("The window holds more than 10 million bins.", nameof(BinMs));
    }

    /// <summary>The number of bins.</summary>
    public int BinCount => (int)Math.Floor((WindowEndMs - WindowStartMs) / BinMs + 1e-9);
}

/// <summary>Bins spike times into counts per unit, time bin and trial.</summary>
public static class SpikeBinner
{
    /// <summary>
    /// Counts the spikes of each unit in bins of the window around each trial onset. A spike at time s falls in bin
    /// ⌊(s − onset − start) / bin⌋ when that index is within the window (bins are closed on the left, open on the right).
    /// Trials with a NaN onset get NaN counts.
    /// </summary>
    /// <param name="spikeTimesMs">Per unit, its spike times in ms (any order; not modified).</param>
    /// <param name="trialOnsetsMs">Per trial, the onset in ms on the same clock.</param>
    /// <param name="options">Window and bin width.</param>
    /// <param name="trials">The trials table (rows = onsets); null gives the default table.</param>
    /// <param name="units">The units table (rows = spike trains); null gives the default table.</param>
    /// <exception cref="ArgumentException">Options invalid or table sizes disagree.</exception>
    public static Recording Bin(IReadOnlyList<double[]> spikeTimesMs, IReadOnlyList<double> trialOnsetsMs, SpikeBinningOptions? options = null,
        ColumnTable? trials = null, ColumnTable? units = null)
    {
        ArgumentNullException.ThrowIfNull(spikeTimesMs);
        ArgumentNullException.ThrowIfNull(trialOnsetsMs);
        options ??= new SpikeBinningOptions();
        options.Validate();
        int U = spikeTimesMs.Count, K = trialOnsetsMs.Count, T = options.BinCount;
        trials ??= Recording.DefaultTrials(K);
        units ??= Recording.DefaultUnits(U);
        if (trials.RowCount != K) throw new ArgumentException($"{K} onsets but the trials table has {trials.RowCount} rows.", nameof(trials));
        if (units.RowCount != U) throw new ArgumentException($"{U} spike trains but the units table has {units.RowCount} rows.", nameof(units));
        if ((long)U * T * K > Array.MaxLength) throw new ArgumentException($"{U} units × {T} bins × {K} trials is too large.", nameof(options));
        var data = new double[U * T * K];
        for (int k = 0; k < K; k++)
        {
            if (double.IsNaN(trialOnsetsMs[k]))
                for (int u = 0; u < U; u++)
                    for (int t = 0; t < T; t++) data[(u * T + t) * K + k] = double.NaN;
        }
        for (int u = 0; u < U; u++)
        {
            var times = spikeTimesMs[u] ?? throw new ArgumentException($"Spike train {u} is null.", nameof(spikeTimesMs));
            var sorted = (double[])times.Clone();
            Array.Sort(sorted);
            for (int k = 0; k < K; k++)
            {
                double onset = trialOnsetsMs[k];
                if (double.IsNaN(onset)) continue;
                double from = onset + options.WindowStartMs, to = onset + options.WindowStartMs + T * options.BinMs;
                int i = LowerBound(sorted, from);
                for (; i < sorted.Length && sorted[i] < to; i++)
                {
                    int bin = (int)Math.Floor((sorted[i] - from) / options.BinMs);
                    if ((uint)bin < (uint)T) data[(u * T + bin) * K + k] += 1;
                }
            }
        }
        var timeMs = new double[T];
        for (int t = 0; t < T; t++) timeMs[t] = options.WindowStartMs + (t + 0.5) * options.BinMs;
        return Recording.FromOwned(data, timeMs, trials, units, RecordingValueKind.Counts, "binned spikes", options.BinMs);
    }

    /// <summary>The first index whose value is ≥ <paramref name="value"/> in an ascending array.</summary>
    internal static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
