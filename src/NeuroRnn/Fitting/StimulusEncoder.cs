using NeuroRnn.Data;
using NeuroRnn.Trials;

namespace NeuroRnn.Fitting;

/// <summary>Builds the time-major network inputs of a trials table from a <see cref="StimulusEncoding"/>.</summary>
internal sealed class StimulusEncoder
{
    private readonly StimulusEncoding _encoding;
    private readonly string? _direction, _orientation, _contrast;

    private StimulusEncoder(StimulusEncoding encoding, string? direction, string? orientation, string? contrast, string[] names)
    {
        _encoding = encoding;
        _direction = direction;
        _orientation = orientation;
        _contrast = contrast;
        ChannelNames = names;
    }

    public string[] ChannelNames { get; }

    public int ChannelCount => ChannelNames.Length;

    /// <summary>Checks the columns against <paramref name="trials"/> and fixes the channel list.</summary>
    public static StimulusEncoder Create(ColumnTable trials, StimulusEncoding encoding)
    {
        foreach (var (column, name) in new[] { (encoding.OnsetColumn, nameof(encoding.OnsetColumn)), (encoding.OffsetColumn, nameof(encoding.OffsetColumn)) })
            if (column is not null && !trials.Contains(column))
                throw new ArgumentException($"StimulusEncoding.{name} names '{column}', which is not a trials-table column (columns: {string.Join(", ", trials.ColumnNames)}).", "options");
        if (encoding.Custom is { } custom)
        {
            if (trials.RowCount == 0) throw new ArgumentException("The trials table is empty.", nameof(trials));
            int count = custom(trials.Row(0))?.Length ?? throw new ArgumentException("StimulusEncoding.Custom returned null.", "options");
            return new StimulusEncoder(encoding, null, null, null, Enumerable.Range(0, count).Select(i => $"input {i}").Concat(encoding.IncludeStimulusOn ? ["stimulus on"] : []).ToArray());
        }
        string? direction = encoding.DirectionColumn is { } d && trials.Contains(d) ? d : null;
        string? orientation = direction is null && encoding.OrientationColumn is { } o && trials.Contains(o) ? o : null;
        if (direction is null && orientation is null)
            throw new ArgumentException(
                $"The trials table has neither the direction column '{encoding.DirectionColumn}' nor the orientation column '{encoding.OrientationColumn}' (columns: {string.Join(", ", trials.ColumnNames)}); set StimulusEncoding.DirectionColumn/OrientationColumn or a Custom encoder.", "options");
        string? contrast = encoding.ContrastColumn is { } c && trials.Contains(c) ? c : null;
        var names = new List<string> { "cos 2θ", "sin 2θ" };
        if (direction is not null && encoding.IncludeDirection) names.AddRange(["cos θ", "sin θ"]);
        if (encoding.IncludeStimulusOn) names.Add("stimulus on");
        return new StimulusEncoder(encoding, direction, orientation, contrast, names.ToArray());
    }

    /// <summary>
    /// Inputs of every row of <paramref name="trials"/> at the bins centred at <paramref name="timeMs"/>, in the
    /// <see cref="Trials.TrialBatch"/> layout. A channel is on in bins whose centre lies in [onset, offset).
    /// </summary>
    public double[] Encode(ColumnTable trials, double[] timeMs)
    {
        int B = trials.RowCount, I = ChannelCount, T = timeMs.Length;
        var values = new double[B * I];
        var onset = new double[B];
        var offset = new double[B];
        for (int b = 0; b < B; b++)
        {
            var row = trials.Row(b);
            var channel = values.AsSpan(b * I, I);
            Fill(row, channel);
            onset[b] = _encoding.OnsetColumn is { } on ? Number(row, on) : _encoding.OnsetMs;
            offset[b] = _encoding.OffsetColumn is { } off ? Number(row, off) : _encoding.OffsetMs;
        }
        CheckOnTrialAxis(_encoding.OnsetColumn, onset, timeMs);
        CheckOnTrialAxis(_encoding.OffsetColumn, offset, timeMs);
        var inputs = new double[T * B * I];
        for (int t = 0; t < T; t++)
            for (int b = 0; b < B; b++)
            {
                if (!(timeMs[t] >= onset[b] && timeMs[t] < offset[b])) continue;
                for (int i = 0; i < I; i++) inputs[(t * B + b) * I + i] = values[b * I + i];
            }
        return inputs;
    }

    private void Fill(TableRow row, Span<double> channel)
    {
        int k = 0;
        if (_encoding.Custom is { } custom)
        {
            var v = custom(row) ?? throw new ArgumentException($"StimulusEncoding.Custom returned null for trial {row.Index}.", "options");
            int expected = ChannelCount - (_encoding.IncludeStimulusOn ? 1 : 0);
            if (v.Length != expected)
                throw new ArgumentException($"StimulusEncoding.Custom returned {v.Length} values for trial {row.Index} but {expected} for the first trial.", "options");
            foreach (var x in v)
            {
                if (!double.IsFinite(x)) throw new ArgumentException($"StimulusEncoding.Custom returned {x} for trial {row.Index}; inputs must be finite.", "options");
                channel[k++] = x;
            }
        }
        else
        {
            double contrast = _contrast is null ? 1 : Number(row, _contrast);
            double angle = Number(row, _direction ?? _orientation!) * Math.PI / 180;
            channel[k++] = contrast * Math.Cos(2 * angle);
            channel[k++] = contrast * Math.Sin(2 * angle);
            if (_direction is not null && _encoding.IncludeDirection)
            {
                channel[k++] = contrast * Math.Cos(angle);
                channel[k++] = contrast * Math.Sin(angle);
            }
        }
        if (_encoding.IncludeStimulusOn) channel[k] = 1;
    }

    /// <summary>Checks the per-trial stimulus columns of <paramref name="trials"/> against the time axis (see <see cref="CheckOnTrialAxis"/>).</summary>
    public void CheckStimulusTimes(ColumnTable trials, double[] timeMs)
    {
        foreach (var column in new[] { _encoding.OnsetColumn, _encoding.OffsetColumn })
            if (column is not null)
                CheckOnTrialAxis(column, Enumerable.Range(0, trials.RowCount).Select(b => Number(trials.Row(b), column)).ToArray(), timeMs);
    }

    /// <summary>
    /// Per-trial stimulus times are on the trial's own time axis (relative to the event the trial is aligned to), like
    /// <see cref="StimulusEncoding.OnsetMs"/>. A value far outside that axis is almost always a session-clock time (the
    /// trials file's alignment column itself), which would silently give an all-zero input.
    /// </summary>
    private static void CheckOnTrialAxis(string? column, double[] times, double[] timeMs)
    {
        if (column is null || timeMs.Length == 0) return;
        double span = Math.Max(timeMs[^1] - timeMs[0], 1);
        for (int b = 0; b < times.Length; b++)
            if (times[b] < timeMs[0] - span || times[b] > timeMs[^1] + span)
                throw new ArgumentException(
                    $"Trials-table column '{column}' is {times[b]} ms in trial {b}, far outside the trial's time axis ({timeMs[0]} … {timeMs[^1]} ms). " +
                    "Stimulus times are relative to each trial's alignment (its time 0), not times on the session clock; NWB trials give relative '<column>_ms' columns (e.g. stim_on_time_ms).", "options");
    }

    private static double Number(TableRow row, string column)
    {
        double v;
        try { v = row.GetDouble(column); }
        catch (Exception e) when (e is InvalidCastException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ArgumentException($"Trials-table column '{column}' must be numeric (trial {row.Index}): {e.Message}", "trials", e);
        }
        if (!double.IsFinite(v)) throw new ArgumentException($"Trials-table column '{column}' is {v} in trial {row.Index}; stimulus values must be finite.", "trials");
        return v;
    }
}
