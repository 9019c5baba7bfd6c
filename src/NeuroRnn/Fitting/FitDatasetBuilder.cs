using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Fitting;

/// <summary>Turns a recording into a <see cref="FitDataset"/> (the preprocessing described on <see cref="RecordingFitOptions"/>).</summary>
internal static class FitDatasetBuilder
{
    public static FitDataset Build(Recording recording, RecordingFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (recording.UnitCount == 0) throw new ArgumentException("The recording has no units.", nameof(recording));
        if (recording.TrialCount == 0) throw new ArgumentException("The recording has no trials.", nameof(recording));
        if (recording.TimeCount < 2) throw new ArgumentException($"The recording has {recording.TimeCount} time bin(s); fitting needs at least two.", nameof(recording));

        int[] fitted = SelectUnits(recording, options);
        NetworkUnitsOf(fitted.Length, options); // validates the mapping before any work
        var encoder = StimulusEncoder.Create(recording.Trials, options.Stimulus);
        string[] conditions = ConditionColumnsOf(recording.Trials, options);

        Recording Preprocess(Recording source)
        {
            if (source.UnitCount != recording.UnitCount || source.TimeCount != recording.TimeCount || source.TrialCount != recording.TrialCount)
                throw new ArgumentException(
                    $"The recording is {source.UnitCount} units × {source.TimeCount} bins × {source.TrialCount} trials but the fitted one was {recording.UnitCount} × {recording.TimeCount} × {recording.TrialCount}.", "other");
            var rates = source.SelectUnits(fitted);
            if (rates.ValueKind == RecordingValueKind.Counts) rates = rates.ToRatesHz();
            if (options.SmoothingMs > 0) rates = rates.Smooth(options.SmoothingMs);
            return Rebin(rates, options);
        }
        var processed = Preprocess(recording);
        encoder.CheckStimulusTimes(processed.Trials, processed.GetTimeMs()); // a session-clock onset is named before anything is averaged

        var split = processed.SplitTrials(new TrialSplitOptions
        {
            TestFraction = options.TestFraction,
            Seed = unchecked((ulong)(uint)options.Seed),
            StratifyBy = conditions,
        });
        if (split.TestIndices.Length == 0)
            throw new ArgumentException($"No trial was held out (TestFraction {options.TestFraction}; conditions by {string.Join(", ", conditions)} have too few trials); give more trials per condition or a larger TestFraction.", nameof(options));
        if (split.TrainIndices.Length == 0)
            throw new ArgumentException("Every trial was held out; lower TestFraction.", nameof(options));

        var trainRec = split.Train;
        int[] trainIndices = split.TrainIndices, validationIndices = [];
        Recording? validationRec = null;
        if (options.ValidationFraction > 0)
        {
            // A second stratified split of the training trials only: the held-out test trials stay untouched.
            var inner = trainRec.SplitTrials(new TrialSplitOptions
            {
                TestFraction = options.ValidationFraction,
                Seed = unchecked((ulong)(uint)options.Seed + 0x9E37UL),
                StratifyBy = conditions,
            });
            if (inner.TestIndices.Length == 0)
                throw new ArgumentException($"No training trial was set aside for validation (ValidationFraction {options.ValidationFraction}; too few trials per condition); raise it or set it to 0.", nameof(options));
            validationIndices = inner.TestIndices.Select(i => trainIndices[i]).ToArray();
            trainIndices = inner.TrainIndices.Select(i => trainIndices[i]).ToArray();
            trainRec = inner.Train;
            validationRec = inner.Test;
        }
        Recording trainTargets;
        double[] weights;
        if (options.TrainOnConditionAverages)
        {
            var average = trainRec.GroupTrials(conditions).Mean;
            RequireConstantStimulusColumns(trainRec, conditions, options.Stimulus);
            trainTargets = average;
            var counts = average.Trials.GetDoubles("n_trials");
            double meanCount = counts.Average();
            weights = counts.Select(c => c / meanCount).ToArray();
        }
        else
        {
            trainTargets = trainRec;
            weights = Enumerable.Repeat(1.0, trainRec.TrialCount).ToArray();
        }

        var trainAverages = options.TrainOnConditionAverages ? trainTargets : trainRec.GroupTrials(conditions).Mean;
        // Poisson fits compare expected counts per fit bin: Hz × bin / 1000, the same factor for every unit.
        double[] scales = options.Objective == FitObjective.SquaredError
            ? Scales(trainAverages, options)
            : Enumerable.Repeat(1000.0 / options.BinMs, trainAverages.UnitCount).ToArray();
        var timeMs = processed.GetTimeMs();
        Func<ColumnTable, double[]> encode = table => encoder.Encode(table, timeMs);
        var trainBatch = ToBatch(trainTargets, encode(trainTargets.Trials), encoder.ChannelCount, scales, weights);
        var testRec = split.Test;
        var testBatch = ToBatch(testRec, encode(testRec.Trials), encoder.ChannelCount, scales, Enumerable.Repeat(1.0, testRec.TrialCount).ToArray());
        var validationBatch = validationRec is null ? null
            : ToBatch(validationRec, encode(validationRec.Trials), encoder.ChannelCount, scales, Enumerable.Repeat(1.0, validationRec.TrialCount).ToArray());

        return new FitDataset
        {
            FittedUnits = fitted,
            Processed = processed,
            TrainTrials = trainIndices,
            ValidationTrials = validationIndices,
            ValidationBatch = validationBatch,
            TestTrials = split.TestIndices,
            ConditionColumns = conditions,
            Scales = scales,
            InputNames = encoder.ChannelNames,
            TrainBatch = trainBatch,
            TestBatch = testBatch,
            TrainBatchTrials = trainTargets.Trials,
            EncodeInputs = encode,
            Preprocess = Preprocess,
        };
    }

    /// <summary>
    /// Condition averages keep the trial columns that are constant within each condition; a per-trial stimulus onset or
    /// offset column that is not has no single value for an average, which is refused with the way out.
    /// </summary>
    private static void RequireConstantStimulusColumns(Recording trials, string[] conditions, StimulusEncoding stimulus)
    {
        var groups = trials.GroupTrialIndices(conditions);
        foreach (var (column, option) in new[] { (stimulus.OnsetColumn, nameof(StimulusEncoding.OnsetColumn)), (stimulus.OffsetColumn, nameof(StimulusEncoding.OffsetColumn)) })
        {
            if (column is null || !trials.Trials.Contains(column)) continue;
            var source = trials.Trials[column];
            foreach (var group in groups)
            {
                var distinct = group.Select(k => source.IsMissing(k) ? null : source.FormatValue(k)).Distinct().ToArray();
                if (distinct.Length > 1)
                    throw new ArgumentException(
                        $"StimulusEncoding.{option} '{column}' takes {distinct.Length} values ({string.Join(", ", distinct.Take(3))}…) within one condition ({string.Join(", ", conditions)}), " +
                        "so a condition average has no single stimulus time; set TrainOnConditionAverages = false to fit single trials, or add the column to ConditionColumns.", "options");
            }
        }
    }

    private static int[] SelectUnits(Recording recording, RecordingFitOptions options)
    {
        int[] fitted;
        if (options.RecordedUnits is null) fitted = Enumerable.Range(0, recording.UnitCount).ToArray();
        else
        {
            fitted = options.RecordedUnits.ToArray();
            var seen = new HashSet<int>();
            for (int k = 0; k < fitted.Length; k++)
            {
                if (fitted[k] < 0 || fitted[k] >= recording.UnitCount)
                    throw new ArgumentException($"RecordingFitOptions.RecordedUnits[{k}] = {fitted[k]} is not a unit of the recording (it has {recording.UnitCount} units).", nameof(options));
                if (!seen.Add(fitted[k]))
                    throw new ArgumentException($"RecordingFitOptions.RecordedUnits lists unit {fitted[k]} twice.", nameof(options));
            }
        }
        if (options.Readout == FitReadout.Units && options.UnitCount < fitted.Length)
            throw new ArgumentException($"RecordingFitOptions.UnitCount = {options.UnitCount} is smaller than the {fitted.Length} fitted recorded units; with the unit readout every recorded unit needs its own network unit.", nameof(options));
        return fitted;
    }

    /// <summary>The network unit of each fitted unit (null for a linear readout).</summary>
    internal static int[]? NetworkUnitsOf(int fittedCount, RecordingFitOptions options)
    {
        if (options.Readout == FitReadout.Linear) return null;
        if (options.NetworkUnits is null) return Enumerable.Range(0, fittedCount).ToArray();
        var units = options.NetworkUnits.ToArray();
        if (units.Length != fittedCount)
            throw new ArgumentException($"RecordingFitOptions.NetworkUnits has {units.Length} entries but {fittedCount} recorded units are fitted.", nameof(options));
        var seen = new HashSet<int>();
        for (int k = 0; k < units.Length; k++)
        {
            if (units[k] < 0 || units[k] >= options.UnitCount)
                throw new ArgumentException($"RecordingFitOptions.NetworkUnits[{k}] = {units[k]} is not a network unit in [0, {options.UnitCount}).", nameof(options));
            if (!seen.Add(units[k]))
                throw new ArgumentException($"RecordingFitOptions.NetworkUnits maps two recorded units to network unit {units[k]}.", nameof(options));
        }
        return units;
    }

    private static string[] ConditionColumnsOf(ColumnTable trials, RecordingFitOptions options)
    {
        string[] columns;
        if (options.ConditionColumns is { } given) columns = given.ToArray();
        else
        {
            var s = options.Stimulus;
            if (s.Custom is not null)
                throw new ArgumentException("RecordingFitOptions.ConditionColumns must be given with a custom stimulus encoder (the fitter cannot tell which columns define a condition).", nameof(options));
            var list = new List<string>();
            if (s.DirectionColumn is { } d && trials.Contains(d)) list.Add(d);
            else if (s.OrientationColumn is { } o && trials.Contains(o)) list.Add(o);
            if (s.ContrastColumn is { } c && trials.Contains(c)) list.Add(c);
            columns = list.ToArray();
            if (columns.Length == 0)
                throw new ArgumentException("No condition column found: set RecordingFitOptions.ConditionColumns.", nameof(options));
        }
        foreach (var c in columns)
            if (c is null || !trials.Contains(c))
                throw new ArgumentException($"RecordingFitOptions.ConditionColumns names '{c}', which is not a trials-table column (columns: {string.Join(", ", trials.ColumnNames)}).", nameof(options));
        return columns;
    }

    /// <summary>Averages the source bins whose centres fall in each fit bin of the window.</summary>
    internal static Recording Rebin(Recording rates, RecordingFitOptions options)
    {
        var source = rates.TimeMs;
        double sourceBin = rates.BinWidthMs;
        if (options.BinMs < sourceBin * (1 - 1e-9))
            throw new ArgumentException($"RecordingFitOptions.BinMs = {options.BinMs} is finer than the recording's {sourceBin} ms bins; bins can only be merged.", nameof(options));
        double start = options.StartMs ?? source[0] - sourceBin / 2;
        double end = options.EndMs ?? source[^1] + sourceBin / 2;
        int bins = (int)Math.Floor((end - start) / options.BinMs + 1e-9);
        if (bins < 2)
            throw new ArgumentException($"The window [{start.ToString(CultureInfo.InvariantCulture)}, {end.ToString(CultureInfo.InvariantCulture)}) ms holds {bins} bin(s) of {options.BinMs} ms; fitting needs at least two.", nameof(options));
        int U = rates.UnitCount, K = rates.TrialCount, S = source.Length;
        var data = rates.Data;
        var result = new double[U * bins * K];
        var timeMs = new double[bins];
        var members = new List<int>[bins];
        for (int j = 0; j < bins; j++)
        {
            double lo = start + j * options.BinMs, hi = lo + options.BinMs;
            timeMs[j] = lo + options.BinMs / 2;
            members[j] = new List<int>();
            for (int s = 0; s < S; s++)
                if (source[s] >= lo - 1e-9 && source[s] < hi - 1e-9) members[j].Add(s);
            if (members[j].Count == 0)
                throw new ArgumentException($"Fit bin [{lo.ToString(CultureInfo.InvariantCulture)}, {hi.ToString(CultureInfo.InvariantCulture)}) ms contains no recorded bin; the window must lie inside the recording ({source[0]}…{source[^1]} ms).", nameof(options));
        }
        for (int u = 0; u < U; u++)
            for (int j = 0; j < bins; j++)
                for (int k = 0; k < K; k++)
                {
                    double sum = 0;
                    int n = 0;
                    foreach (int s in members[j])
                    {
                        double v = data[(u * S + s) * K + k];
                        if (double.IsNaN(v)) continue;
                        sum += v;
                        n++;
                    }
                    result[(u * bins + j) * K + k] = n > 0 ? sum / n : double.NaN;
                }
        return Recording.Create(result, timeMs, rates.Trials, rates.Units, rates.ValueKind, rates.Name);
    }

    private static double[] Scales(Recording trainAverages, RecordingFitOptions options)
    {
        int U = trainAverages.UnitCount, T = trainAverages.TimeCount, C = trainAverages.TrialCount;
        var data = trainAverages.Data;
        var peaks = new double[U];
        for (int u = 0; u < U; u++)
        {
            double peak = 0;
            for (int i = u * T * C; i < (u + 1) * T * C; i++)
                if (double.IsFinite(data[i])) peak = Math.Max(peak, Math.Abs(data[i]));
            peaks[u] = peak;
        }
        var scales = new double[U];
        double globalPeak = peaks.Max();
        // Computed once: EffectiveTargetPeak applies the constraints to the network options on every read.
        double targetPeak = options.EffectiveTargetPeak;
        for (int u = 0; u < U; u++)
        {
            double peak = options.Scaling switch
            {
                RateScaling.PerUnitPeak => peaks[u],
                RateScaling.GlobalPeak => globalPeak,
                _ => targetPeak,
            };
            // A silent unit has all-zero targets, so any positive scale works.
            scales[u] = peak > 0 ? peak / targetPeak : 1.0;
        }
        return scales;
    }

    private static TrialBatch ToBatch(Recording rates, double[] inputs, int inputCount, double[] scales, double[] trialWeights)
    {
        int U = rates.UnitCount, T = rates.TimeCount, B = rates.TrialCount;
        var data = rates.Data;
        var targets = new double[T * U * B];
        var mask = new double[targets.Length];
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
                for (int b = 0; b < B; b++)
                {
                    double v = data[(u * T + t) * B + b];
                    int j = (t * B + b) * U + u;
                    if (double.IsNaN(v)) continue; // missing data: masked out
                    targets[j] = v / scales[u];
                    mask[j] = trialWeights[b];
                }
        var batch = new TrialBatch(T, B, inputCount, U, inputs, targets, mask);
        batch.Validate();
        return batch;
    }
}
