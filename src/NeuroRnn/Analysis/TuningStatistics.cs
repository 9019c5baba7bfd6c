using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="TuningStatistics.Compute"/>.</summary>
public sealed record TuningStatisticsOptions
{
    /// <summary>Angle column, response window and Hz conversion (the angle column must hold directions over 360° for DSI).</summary>
    public TuningCurveOptions Curve { get; init; } = new();

    /// <summary>Label permutations of the selectivity tests (default 1000; p-values are at least 1/(n+1)).</summary>
    public int Permutations { get; init; } = 1000;

    /// <summary>Bootstrap resamples for the confidence intervals (default 1000).</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Seed of the permutations and resamples (same seed, same numbers).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Curve is null) throw new ArgumentException("TuningStatisticsOptions.Curve is null.", nameof(Curve));
        if (Permutations < 1) throw new ArgumentException($"TuningStatisticsOptions.Permutations must be ≥ 1, got {Permutations}.", nameof(Permutations));
        if (BootstrapSamples < 1) throw new ArgumentException($"TuningStatisticsOptions.BootstrapSamples must be ≥ 1, got {BootstrapSamples}.", nameof(BootstrapSamples));
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1)) throw new ArgumentException($"TuningStatisticsOptions.ConfidenceLevel must be in (0, 1), got {ConfidenceLevel}.", nameof(ConfidenceLevel));
    }
}

/// <summary>One unit's selectivity with its uncertainty.</summary>
/// <param name="UnitIndex">The unit's row in the frame.</param>
/// <param name="UnitId">The unit's id.</param>
/// <param name="ResponseUnit">The unit of the responses the statistics were computed from (<c>Hz</c>, <c>spikes per bin</c>…).</param>
/// <param name="Osi">Orientation selectivity index of the trial-averaged curve (vector sum, <see cref="OrientationSelectivity"/>).</param>
/// <param name="OsiPValue">Permutation p-value of OSI (angle labels shuffled across trials): (1 + #null ≥ observed) / (1 + n).</param>
/// <param name="OsiInterval">Bootstrap percentile interval of OSI (trials resampled within each angle).</param>
/// <param name="Dsi">Direction selectivity index.</param>
/// <param name="DsiPValue">Permutation p-value of DSI.</param>
/// <param name="DsiInterval">Bootstrap interval of DSI.</param>
/// <param name="PreferredOrientationDeg">Vector-sum preferred orientation in [0, 180).</param>
/// <param name="PreferredOrientationInterval">Bootstrap interval of the preferred orientation (circular: Low &gt; High when it wraps around 0°).</param>
/// <param name="PreferredDirectionDeg">Vector-sum preferred direction in [0, 360).</param>
/// <param name="PreferredDirectionInterval">Bootstrap interval of the preferred direction (circular: Low &gt; High when it wraps around 0°).</param>
public sealed record UnitTuningStatistics(
    int UnitIndex, string UnitId, string ResponseUnit,
    double Osi, double OsiPValue, ConfidenceInterval OsiInterval,
    double Dsi, double DsiPValue, ConfidenceInterval DsiInterval,
    double PreferredOrientationDeg, ConfidenceInterval PreferredOrientationInterval,
    double PreferredDirectionDeg, ConfidenceInterval PreferredDirectionInterval);

/// <summary>
/// Significance and uncertainty of orientation and direction tuning from single trials, as labs test real recordings:
/// a permutation (shuffle) test of OSI and DSI against the null of no dependence on the stimulus angle, and bootstrap
/// percentile intervals (trials resampled with replacement within each angle) for OSI, DSI and the preferred orientation
/// and direction (circular intervals centred on the observed angle).
/// </summary>
public static class TuningStatistics
{
    /// <summary>Statistics of every unit of <paramref name="recording"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options, a missing angle column, or counts without a bin width (see <see cref="TuningCurves"/>).</exception>
    public static UnitTuningStatistics[] Compute(Recording recording, TuningStatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new TuningStatisticsOptions();
        options.Validate();
        var curve = options.Curve;
        var angle = recording.Trials.GetDoubles(curve.AngleColumn);
        var (scale, unit) = TuningCurves.ResponseScale(recording, curve);
        var window = recording.WindowMean(curve.WindowStartMs, curve.WindowEndMs);
        var trialsUsed = Enumerable.Range(0, angle.Length).Where(k => !double.IsNaN(angle[k])).ToArray();
        var angles = trialsUsed.Select(k => angle[k]).Distinct().Order().ToArray();
        if (angles.Length < 2) throw new ArgumentException($"Column '{curve.AngleColumn}' holds {angles.Length} distinct angle(s); tuning needs at least two.", nameof(options));
        var label = trialsUsed.Select(k => Array.IndexOf(angles, angle[k])).ToArray();
        var ids = recording.Units.Contains("unit") ? recording.Units.GetStrings("unit") : new string?[recording.UnitCount];
        var result = new UnitTuningStatistics[recording.UnitCount];
        for (int u = 0; u < recording.UnitCount; u++)
        {
            var response = trialsUsed.Select(k => window[u, k] * scale).ToArray();
            var rng = new Xoshiro256StarStar(unchecked(options.Seed + (ulong)u * 0x9E3779B97F4A7C15UL));
            result[u] = Unit(u, ids[u] ?? u.ToString(System.Globalization.CultureInfo.InvariantCulture), unit, response, label, angles, options, rng);
        }
        return result;
    }

    private static UnitTuningStatistics Unit(int index, string id, string unit, double[] response, int[] label, double[] angles, TuningStatisticsOptions options, Xoshiro256StarStar rng)
    {
        var means = new double[angles.Length];
        var observed = Summaries(response, label, angles, means);

        // Permutation test: shuffle the angle labels over trials (the null: responses do not depend on the angle).
        var shuffled = (int[])label.Clone();
        int osiExceed = 0, dsiExceed = 0;
        for (int p = 0; p < options.Permutations; p++)
        {
            Shuffle(shuffled, rng);
            var s = Summaries(response, shuffled, angles, means);
            if (s.Osi >= observed.Osi - 1e-12) osiExceed++;
            if (s.Dsi >= observed.Dsi - 1e-12) dsiExceed++;
        }

        // Bootstrap: resample trials with replacement within each angle.
        var byAngle = Enumerable.Range(0, angles.Length).Select(a => Enumerable.Range(0, label.Length).Where(k => label[k] == a).ToArray()).ToArray();
        int n = options.BootstrapSamples;
        var osi = new double[n];
        var dsi = new double[n];
        var orientation = new double[n];
        var direction = new double[n];
        var resampled = new double[label.Length];
        for (int b = 0; b < n; b++)
        {
            int j = 0;
            foreach (var members in byAngle)
                for (int i = 0; i < members.Length; i++) resampled[j++] = response[members[rng.NextInt(members.Length)]];
            var s = Summaries(resampled, SortedLabels(byAngle), angles, means);
            (osi[b], dsi[b], orientation[b], direction[b]) = (s.Osi, s.Dsi, s.OrientationDeg, s.DirectionDeg);
        }
        double alpha = 1 - options.ConfidenceLevel;
        return new UnitTuningStatistics(index, id, unit,
            observed.Osi, (1.0 + osiExceed) / (1.0 + options.Permutations), Percentiles(osi, alpha),
            observed.Dsi, (1.0 + dsiExceed) / (1.0 + options.Permutations), Percentiles(dsi, alpha),
            observed.OrientationDeg, CircularPercentiles(orientation, observed.OrientationDeg, 180, alpha),
            observed.DirectionDeg, CircularPercentiles(direction, observed.DirectionDeg, 360, alpha));
    }

    private static int[] SortedLabels(int[][] byAngle) => byAngle.SelectMany((members, a) => Enumerable.Repeat(a, members.Length)).ToArray();

    private readonly record struct Summary(double Osi, double Dsi, double OrientationDeg, double DirectionDeg);

    private static Summary Summaries(double[] response, int[] label, double[] angles, double[] means)
    {
        Array.Clear(means);
        var counts = new int[angles.Length];
        for (int k = 0; k < response.Length; k++)
        {
            if (double.IsNaN(response[k])) continue;
            means[label[k]] += response[k];
            counts[label[k]]++;
        }
        for (int a = 0; a < means.Length; a++) means[a] = counts[a] > 0 ? means[a] / counts[a] : double.NaN;
        return new Summary(OrientationSelectivity.Osi(angles, means), OrientationSelectivity.Dsi(angles, means),
            OrientationSelectivity.VectorSumOrientationDeg(angles, means), OrientationSelectivity.VectorSumDirectionDeg(angles, means));
    }

    private static void Shuffle(int[] values, Xoshiro256StarStar rng)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ConfidenceInterval Percentiles(double[] values, double alpha) =>
        ConfidenceInterval.Percentile(values.Where(double.IsFinite).ToArray(), 1 - alpha);

    /// <summary>Percentiles of the angular deviations from the observed angle, wrapped to (−period/2, period/2].</summary>
    private static ConfidenceInterval CircularPercentiles(double[] values, double observed, double period, double alpha)
    {
        if (double.IsNaN(observed)) return new ConfidenceInterval(double.NaN, double.NaN);
        var deviations = values.Where(double.IsFinite).Select(v =>
        {
            double d = OrientationSelectivity.Mod(v - observed, period);
            return d > period / 2 ? d - period : d;
        }).ToArray();
        var interval = ConfidenceInterval.Percentile(deviations, 1 - alpha);
        if (double.IsNaN(interval.Low)) return interval;
        return new ConfidenceInterval(OrientationSelectivity.Mod(observed + interval.Low, period), OrientationSelectivity.Mod(observed + interval.High, period));
    }
}
