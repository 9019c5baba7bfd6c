using NeuroRnn.Analysis;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Trials;

namespace NeuroRnn.Fitting;

/// <summary>
/// Predictions of optogenetic experiments from a fitted network: silence or stimulate a random fraction of its excitatory
/// or inhibitory units during the stimulus window and compare every recorded unit's orientation tuning (von Mises fits of
/// its mean response in the window, in Hz) with and without. The network is deterministic, so the spread of a prediction
/// comes from which units are hit: each repetition draws a fresh set, and the intervals are percentiles over repetitions.
/// A draw whose network runs away (<see cref="TuningPerturbationOptions.RunawayFactor"/>) is reported as unstable and kept
/// out of the summaries: its "tuning" would be that of a diverging network, not a prediction.
/// </summary>
public static class TuningPerturbations
{
    /// <summary>Runs the experiment of <paramref name="options"/> on <paramref name="fit"/>'s network, one trial per stimulus condition.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it), a cell-type filter on a network without
    /// Dale's law, no unit eligible, or the recording's stimulus has no angle column.</exception>
    public static TuningPerturbationResult Predict(RecordingFitResult fit, TuningPerturbationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= new TuningPerturbationOptions();
        options.Validate();
        var model = fit.Model;
        if (options.CellTypes != UnitTypeFilter.All && !model.Options.DalesLaw)
            throw new ArgumentException($"TuningPerturbationOptions.CellTypes = {options.CellTypes} needs a network fitted with Dale's law (RecordingFitOptions.Constraints.DalesLaw); this one has none.", nameof(options));
        var dataset = fit.Dataset;
        var processed = dataset.Processed;
        var groups = processed.GroupTrialIndices(dataset.ConditionColumns);
        var trials = processed.Trials.Take([.. groups.Select(g => g[0])]);
        var orientation = Orientations(trials, fit.Options.Stimulus);
        var batch = dataset.InputsFor(trials);
        var time = processed.GetTimeMs();
        double start = fit.Options.Stimulus.OnsetMs, end = fit.Options.Stimulus.OffsetMs;
        var window = Enumerable.Range(0, time.Length).Where(t => time[t] >= start && time[t] < end).ToArray();
        if (window.Length == 0) throw new ArgumentException($"No fitted time bin lies in the stimulus window [{start}, {end}) ms.", nameof(fit));

        var control = model.Run(batch);
        int n = model.Options.UnitCount;
        double controlPeak = PeakRate(control, n, window);
        var controlResponses = Responses(control, dataset.Scales, window);
        var controlFits = controlResponses.Select(r => VonMisesFitter.Fit(orientation, r)).ToArray();

        var eligible = Enumerable.Range(0, n).Where(u => options.CellTypes switch
        {
            UnitTypeFilter.Excitatory => model.IsExcitatory(u),
            UnitTypeFilter.Inhibitory => !model.IsExcitatory(u),
            _ => true,
        }).ToArray();
        if (options.PreferredOrientationDeg is { } preferred)
        {
            var rates = NetworkResponses(control, n, window);
            eligible = eligible.Where(u => Math.Abs(Wrap(VonMisesFitter.Fit(orientation, rates[u]).PreferredOrientationDeg - preferred)) <= options.PreferenceToleranceDeg).ToArray();
        }
        if (eligible.Length == 0)
            throw new ArgumentException($"No {options.CellTypes} unit of the network matches the perturbation's selection (preferred orientation {options.PreferredOrientationDeg}° ± {options.PreferenceToleranceDeg}°).", nameof(options));
        int count = options.Fraction == 0 ? 0 : Math.Max(1, (int)Math.Round(options.Fraction * eligible.Length, MidpointRounding.AwayFromZero));

        int units = dataset.FittedUnitCount, reps = options.Repetitions;
        var gain = new double[units, reps];
        var ratio = new double[units, reps];
        var baseline = new double[units, reps];
        var width = new double[units, reps];
        var shift = new double[units, reps];
        var meanRate = new double[units, reps];
        var random = new SeededRandom(options.Seed);
        var pool = (int[])eligible.Clone();
        var unstable = new List<UnstableRepetition>();
        var peakRatios = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            RnnTrajectory perturbed = control;
            peakRatios[r] = 1;
            if (count > 0)
            {
                for (int k = 0; k < count; k++)
                {
                    int pick = k + random.NextInt(0, pool.Length - 1 - k);
                    (pool[k], pool[pick]) = (pool[pick], pool[k]);
                }
                var perturbation = new Perturbation
                {
                    Kind = options.Kind, Units = pool[..count], Strength = options.Strength, StartMs = start, EndMs = end,
                };
                var intervention = perturbation.Compile(model, time, nameof(options));
                perturbed = model.RunWith(batch, new UnitInterventions([intervention]));
                double peak = PeakRate(perturbed, n, window);
                peakRatios[r] = controlPeak > 0 ? peak / controlPeak : double.NaN;
                if (!double.IsFinite(peak) || (controlPeak > 0 && peak > options.RunawayFactor * controlPeak))
                {
                    unstable.Add(new UnstableRepetition(r, double.IsFinite(peak) ? peak / controlPeak : double.PositiveInfinity));
                    for (int u = 0; u < units; u++)
                        gain[u, r] = ratio[u, r] = baseline[u, r] = width[u, r] = shift[u, r] = meanRate[u, r] = double.NaN;
                    continue;
                }
            }
            var responses = Responses(perturbed, dataset.Scales, window);
            for (int u = 0; u < units; u++)
            {
                var after = ReferenceEquals(perturbed, control) ? controlFits[u] : VonMisesFitter.Fit(orientation, responses[u]);
                var before = controlFits[u];
                gain[u, r] = after.Amplitude - before.Amplitude;
                ratio[u, r] = before.Amplitude > 0 ? after.Amplitude / before.Amplitude : double.NaN;
                baseline[u, r] = after.Baseline - before.Baseline;
                width[u, r] = after.HalfWidthDeg - before.HalfWidthDeg;
                shift[u, r] = Wrap(after.PreferredOrientationDeg - before.PreferredOrientationDeg);
                meanRate[u, r] = responses[u].Average() - controlResponses[u].Average();
            }
        }
        var names = processed.Units.Contains("unit") ? processed.Units.GetStrings("unit") : null;
        double level = options.IntervalLevel;
        var changes = Enumerable.Range(0, units).Select(u => new UnitTuningChange(u, names?[u] ?? u.ToString(System.Globalization.CultureInfo.InvariantCulture), controlFits[u],
            Summary(Row(gain, u), level), Summary(Row(ratio, u), level), Summary(Row(baseline, u), level), Summary(Row(width, u), level),
            Summary(Row(shift, u), level), Summary(Row(meanRate, u), level))).ToArray();
        // Unstable repetitions hold NaN everywhere, so Summary (finite values only) leaves them out of every statistic.
        double[] Across(double[,] values, Func<double[], double> reduce) =>
            [.. Enumerable.Range(0, reps).Where(r => !unstable.Exists(u => u.Repetition == r)).Select(r => reduce([.. Enumerable.Range(0, units).Select(u => values[u, r]).Where(double.IsFinite)]))];
        return new TuningPerturbationResult(options, eligible.Length, count, changes,
            Summary(Across(meanRate, Mean), level), Summary(Across(ratio, Median), level),
            Summary(Across(width, Mean), level), Summary(Across(shift, v => Mean([.. v.Select(Math.Abs)])), level),
            unstable) { ControlPeakRate = controlPeak, PeakRatios = peakRatios };
    }

    /// <summary>Orientation (direction mod 180) of each trial from the encoding's direction or orientation column.</summary>
    private static double[] Orientations(Data.ColumnTable trials, StimulusEncoding encoding)
    {
        string? column = encoding.DirectionColumn is { } d && trials.Contains(d) ? d
            : encoding.OrientationColumn is { } o && trials.Contains(o) ? o : null;
        if (column is null)
            throw new ArgumentException($"The recording's trials table has neither the direction column '{encoding.DirectionColumn}' nor the orientation column '{encoding.OrientationColumn}'; tuning changes need the stimulus angle.", nameof(encoding));
        return [.. trials.GetDoubles(column).Select(a => ((a % 180) + 180) % 180)];
    }

    /// <summary>Per fitted unit the window-mean output in Hz on each trial.</summary>
    private static double[][] Responses(RnnTrajectory run, double[] scales, int[] window)
    {
        int units = run.OutputCount, trials = run.BatchSize;
        var result = new double[units][];
        for (int u = 0; u < units; u++)
        {
            result[u] = new double[trials];
            for (int b = 0; b < trials; b++)
            {
                double s = 0;
                foreach (int t in window) s += run.Output(t, b, u);
                result[u][b] = s / window.Length * scales[u];
            }
        }
        return result;
    }

    /// <summary>Per network unit the window-mean rate on each trial (the rate recorded at step t is r[t + 1]).</summary>
    private static double[][] NetworkResponses(RnnTrajectory run, int n, int[] window)
    {
        var result = new double[n][];
        for (int u = 0; u < n; u++)
        {
            result[u] = new double[run.BatchSize];
            for (int b = 0; b < run.BatchSize; b++)
            {
                double s = 0;
                foreach (int t in window) s += run.Rate(t + 1, b, u);
                result[u][b] = s / window.Length;
            }
        }
        return result;
    }

    /// <summary>The largest network rate (absolute value) in the stimulus window over all units and trials; NaN/∞ if any is not finite.</summary>
    private static double PeakRate(RnnTrajectory run, int n, int[] window)
    {
        double peak = 0;
        for (int b = 0; b < run.BatchSize; b++)
            foreach (int t in window)
                for (int u = 0; u < n; u++)
                {
                    double r = Math.Abs(run.Rate(t + 1, b, u));
                    if (!double.IsFinite(r)) return double.PositiveInfinity;
                    peak = Math.Max(peak, r);
                }
        return peak;
    }

    private static double Mean(double[] v) => v.Length == 0 ? double.NaN : v.Average();

    /// <summary>An orientation difference wrapped into (−90, 90].</summary>
    private static double Wrap(double d)
    {
        d %= 180;
        if (d > 90) d -= 180;
        if (d <= -90) d += 180;
        return d;
    }

    private static double[] Row(double[,] values, int u) => [.. Enumerable.Range(0, values.GetLength(1)).Select(r => values[u, r])];

    private static double Median(double[] v)
    {
        if (v.Length == 0) return double.NaN;
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static PredictedChange Summary(double[] values, double level)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new PredictedChange(double.NaN, double.NaN, new ConfidenceInterval(double.NaN, double.NaN));
        return new PredictedChange(finite.Average(), Median(finite), ConfidenceInterval.Percentile(finite, level));
    }
}
