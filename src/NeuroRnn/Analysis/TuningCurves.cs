using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="TuningCurves.Compute"/>.</summary>
public sealed record TuningCurveOptions
{
    /// <summary>The trials-table column holding the stimulus angle in degrees (default <c>direction_deg</c>; use
    /// <c>orientation_deg</c> to pool opposite directions).</summary>
    public string AngleColumn { get; init; } = "direction_deg";

    /// <summary>Start of the response window (bin centres ≥ this, ms). Default 0 (stimulus onset).</summary>
    public double WindowStartMs { get; init; }

    /// <summary>End of the response window (bin centres &lt; this, ms). Default +∞ (to the end of the trial).</summary>
    public double WindowEndMs { get; init; } = double.PositiveInfinity;

    /// <summary>Convert counts to Hz (divide by the bin width) before averaging. Default true; ignored unless the frame holds counts.</summary>
    public bool CountsToHz { get; init; } = true;
}

/// <summary>One unit's tuning curve: mean ± SEM response per stimulus angle.</summary>
/// <param name="UnitIndex">The unit's row in the frame.</param>
/// <param name="UnitId">The unit's id (units-table column <c>unit</c>, else its index).</param>
/// <param name="AnglesDeg">Stimulus angles in degrees, ascending.</param>
/// <param name="Mean">Mean response over trials per angle (window-averaged; in <see cref="TuningCurve.ResponseUnit"/>).</param>
/// <param name="Sem">Standard error of the mean per angle (NaN with fewer than two trials).</param>
/// <param name="TrialCounts">Trials per angle.</param>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.TuningCurveFormatterSource")]
public sealed record TuningCurve(int UnitIndex, string UnitId, double[] AnglesDeg, double[] Mean, double[] Sem, int[] TrialCounts)
{
    /// <summary>
    /// What the response numbers are: <c>Hz</c> (counts converted with the bin width, or a recording of rates),
    /// <c>spikes per bin</c> (counts kept as counts), or the recording's value kind in lower case (e.g. <c>normalized</c>).
    /// </summary>
    public string ResponseUnit { get; init; } = "Hz";
}

/// <summary>Computes tuning curves of every unit of a <see cref="Recording"/> (recorded or model-generated).</summary>
public static class TuningCurves
{
    /// <summary>
    /// The factor that turns the recording's values into the reported response, and that response's unit: counts become
    /// Hz with the bin width (or stay spikes per bin without <see cref="TuningCurveOptions.CountsToHz"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Counts are to become Hz but the bin width is unknown.</exception>
    internal static (double Scale, string Unit) ResponseScale(Recording recording, TuningCurveOptions options)
    {
        string unit = recording.ValueKind switch
        {
            RecordingValueKind.RatesHz => "Hz",
            RecordingValueKind.Counts => options.CountsToHz ? "Hz" : "spikes per bin",
            var other => other.ToString().ToLowerInvariant(),
        };
        if (recording.ValueKind != RecordingValueKind.Counts || !options.CountsToHz) return (1, unit);
        // Without a bin width counts cannot become Hz; returning counts labelled as rates was the old silent surprise.
        double width = recording.BinWidthMs;
        if (!(width > 0))
            throw new ArgumentException(
                $"The recording holds counts in {recording.TimeCount} bin(s) and declares no bin width, so they cannot be converted to Hz; " +
                "give the width with Recording.WithBinWidth(ms), or set TuningCurveOptions.CountsToHz = false for spikes per bin.", nameof(recording));
        return (1000.0 / width, unit);
    }

    /// <summary>
    /// For every unit: the response in the window (mean over its bins) of every trial, then mean and SEM over the trials
    /// of each distinct angle. Trials whose angle is missing are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The angle column is missing or not numeric, or no bin lies in the window.</exception>
    public static TuningCurve[] Compute(Recording recording, TuningCurveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new TuningCurveOptions();
        var angle = recording.Trials.GetDoubles(options.AngleColumn);
        var angles = angle.Where(a => !double.IsNaN(a)).Distinct().Order().ToArray();
        if (angles.Length == 0) throw new ArgumentException($"Column '{options.AngleColumn}' holds no angles.", nameof(options));
        var window = recording.WindowMean(options.WindowStartMs, options.WindowEndMs);
        var (scale, unit) = ResponseScale(recording, options);
        var ids = recording.Units.Contains("unit") ? recording.Units.GetStrings("unit") : new string?[recording.UnitCount];
        var result = new TuningCurve[recording.UnitCount];
        for (int u = 0; u < recording.UnitCount; u++)
        {
            var mean = new double[angles.Length];
            var sem = new double[angles.Length];
            var counts = new int[angles.Length];
            for (int a = 0; a < angles.Length; a++)
            {
                double sum = 0, sumSq = 0;
                int n = 0;
                for (int k = 0; k < angle.Length; k++)
                {
                    if (angle[k] != angles[a]) continue;
                    double v = window[u, k] * scale;
                    if (double.IsNaN(v)) continue;
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
                double m = n > 0 ? sum / n : double.NaN;
                mean[a] = m;
                sem[a] = n > 1 ? Math.Sqrt(Math.Max(0, (sumSq - n * m * m) / (n - 1)) / n) : double.NaN;
                counts[a] = n;
            }
            result[u] = new TuningCurve(u, ids[u] ?? u.ToString(System.Globalization.CultureInfo.InvariantCulture), (double[])angles.Clone(), mean, sem, counts) { ResponseUnit = unit };
        }
        return result;
    }
}
