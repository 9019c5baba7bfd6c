using System.Globalization;
using System.Text;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Data.Io;

/// <summary>
/// Writes a recording of spike counts as a spike-time table (<c>unit,time_ms</c>, one row per spike) and its trials file
/// (<c>onset_ms</c> + every trials-table column), the layout <see cref="CsvRecordingReader.ReadSpikes(string, string, SpikeBinningOptions?, RecordingColumns?, TimeUnit)"/>
/// reads, with the spike times of <see cref="SessionSpikes.FromCounts"/>.
/// </summary>
public static class SpikeTableWriter
{
    /// <summary>Writes <paramref name="counts"/> to the two files.</summary>
    /// <param name="counts">A recording of non-negative integer counts.</param>
    /// <param name="spikesPath">The spike table to write.</param>
    /// <param name="trialsPath">The trials file to write.</param>
    /// <param name="trialPeriodMs">Session time between the starts of consecutive trials (≥ the trial's duration).</param>
    /// <param name="seed">Seed of the within-bin spike positions.</param>
    /// <exception cref="ArgumentException">The values are not counts, or the period is shorter than a trial.</exception>
    public static void Write(Recording counts, string spikesPath, string trialsPath, double trialPeriodMs, ulong seed = 1)
    {
        var session = SessionSpikes.FromCounts(counts, trialPeriodMs, seed);
        var ci = CultureInfo.InvariantCulture;
        var ids = counts.Units.Contains("unit") ? counts.Units.GetStrings("unit") : Enumerable.Range(0, counts.UnitCount).Select(u => (string?)u.ToString(ci)).ToArray();
        using (var spikes = new StreamWriter(spikesPath, false, new UTF8Encoding(false)))
        {
            spikes.WriteLine("unit,time_ms");
            for (int u = 0; u < counts.UnitCount; u++)
                foreach (double time in session.SpikeTimesMs[u]) spikes.WriteLine($"{ids[u]},{time.ToString("R", ci)}");
        }
        using var trials = new StreamWriter(trialsPath, false, new UTF8Encoding(false));
        var columns = counts.Trials.Columns;
        trials.WriteLine(string.Join(",", new[] { "onset_ms" }.Concat(columns.Select(c => c.Name))));
        for (int k = 0; k < counts.TrialCount; k++)
            trials.WriteLine(string.Join(",", new[] { session.OnsetsMs[k].ToString("R", ci) }.Concat(columns.Select(c => c.IsMissing(k) ? "" : c.FormatValue(k)))));
    }
}

/// <summary>
/// Spike trains on a session clock made from a recording of counts: trial k's first bin starts at k · period, and each
/// bin's spikes are placed uniformly at random within it (an exact sample of a Poisson process whose rate is constant
/// within each bin), so binning them with the recording's bins around <see cref="OnsetsMs"/> gives the counts back.
/// </summary>
/// <param name="SpikeTimesMs">Per unit, its sorted spike times in ms on the session clock.</param>
/// <param name="OnsetsMs">Per trial, the session time of the trial's time 0.</param>
/// <param name="TrialDurationMs">The span of a trial's bins.</param>
/// <param name="TrialStartMs">Where a trial's first bin starts relative to its time 0 (e.g. −300 for a 300 ms baseline).</param>
public sealed record SessionSpikes(double[][] SpikeTimesMs, double[] OnsetsMs, double TrialDurationMs, double TrialStartMs)
{
    /// <summary>Expands <paramref name="counts"/> into spike trains (see the type's remarks).</summary>
    /// <exception cref="ArgumentException">The values are not counts, the bin width is unknown, or the period is shorter than a trial.</exception>
    public static SessionSpikes FromCounts(Recording counts, double trialPeriodMs, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double bin = counts.BinWidthMs;
        if (!(bin > 0)) throw new ArgumentException("The recording's bin width is unknown.", nameof(counts));
        double start = counts.TimeMs[0] - bin / 2, end = counts.TimeMs[^1] + bin / 2;
        if (!(trialPeriodMs >= end - start)) throw new ArgumentException($"trialPeriodMs {trialPeriodMs} is shorter than a trial ({end - start} ms).", nameof(trialPeriodMs));
        var rng = new Xoshiro256StarStar(seed);
        var onsets = Enumerable.Range(0, counts.TrialCount).Select(k => k * trialPeriodMs - start).ToArray();
        var trains = new double[counts.UnitCount][];
        var train = new List<double>();
        for (int u = 0; u < counts.UnitCount; u++)
        {
            train.Clear();
            for (int k = 0; k < counts.TrialCount; k++)
                for (int t = 0; t < counts.TimeCount; t++)
                {
                    double n = counts[u, t, k];
                    if (!(n >= 0 && n == Math.Floor(n))) throw new ArgumentException($"Value {n} of unit {u}, bin {t}, trial {k} is not a count.", nameof(counts));
                    for (int i = 0; i < (int)n; i++) train.Add(onsets[k] + counts.TimeMs[t] - bin / 2 + rng.NextDouble() * bin);
                }
            trains[u] = train.Order().ToArray();
        }
        return new SessionSpikes(trains, onsets, end - start, start);
    }
}
