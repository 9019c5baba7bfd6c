using System.Globalization;
using System.Text;

namespace NeuroRnn.Data;

/// <summary>
/// An immutable recordings frame: neural data of shape units × time bins × trials, a time axis (bin centres in ms),
/// a trials table (one row per trial: stimulus, behaviour…) and a units table (one row per unit: id, area, cell type…).
/// </summary>
/// <remarks>
/// <para>Memory layout: one contiguous <c>double[]</c> in C order of shape (units, time, trials), i.e. the value of
/// unit <c>u</c> at time bin <c>t</c> in trial <c>k</c> lives at <c>(u * TimeCount + t) * TrialCount + k</c>. This is also
/// the layout of the <c>data</c> array in the NPZ format (see <see cref="Io.RecordingNpz"/>).</para>
/// <para>Every operation returns a new frame; the arrays of a frame are never modified after construction (factories
/// copy their inputs), so frames can be shared between threads and notebook cells.</para>
/// </remarks>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.RecordingFormatterSource")]
public sealed partial class Recording
{
    private readonly double[] data;
    private readonly double[] timeMs;
    // The bin width when the producer knew it (a binner, a reader with a bin width); NaN = infer from the bin centres.
    private readonly double declaredBinWidthMs;

    private Recording(double[] data, double[] timeMs, ColumnTable trials, ColumnTable units, RecordingValueKind valueKind, string name,
        double declaredBinWidthMs, RecordingProvenance? provenance)
    {
        this.data = data;
        this.timeMs = timeMs;
        Trials = trials;
        Units = units;
        ValueKind = valueKind;
        Name = name;
        this.declaredBinWidthMs = declaredBinWidthMs;
        Provenance = provenance;
    }

    /// <summary>
    /// Creates a frame from a copy of <paramref name="data"/> laid out as (units, time, trials) in C order.
    /// </summary>
    /// <param name="data">Values, length <c>units.RowCount × timeMs.Length × trials.RowCount</c>.</param>
    /// <param name="timeMs">Bin centres in ms, strictly increasing.</param>
    /// <param name="trials">One row per trial.</param>
    /// <param name="units">One row per unit.</param>
    /// <param name="valueKind">What the numbers mean.</param>
    /// <param name="name">A short name shown in summaries.</param>
    /// <exception cref="ArgumentException">The sizes disagree or the time axis is not strictly increasing and finite.</exception>
    public static Recording Create(ReadOnlySpan<double> data, ReadOnlySpan<double> timeMs, ColumnTable trials, ColumnTable units,
        RecordingValueKind valueKind = RecordingValueKind.Counts, string name = "recording") =>
        FromOwned(data.ToArray(), timeMs.ToArray(), trials, units, valueKind, name);

    /// <summary>Creates a frame from a copy of a <c>[unit, time, trial]</c> array.</summary>
    /// <exception cref="ArgumentException">The sizes disagree or the time axis is not strictly increasing and finite.</exception>
    public static Recording Create(double[,,] data, ReadOnlySpan<double> timeMs, ColumnTable trials, ColumnTable units,
        RecordingValueKind valueKind = RecordingValueKind.Counts, string name = "recording")
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new double[data.Length];
        Buffer.BlockCopy(data, 0, flat, 0, data.Length * sizeof(double)); // a double[,,] is stored in C order
        if (data.GetLength(0) != units?.RowCount || data.GetLength(1) != timeMs.Length || data.GetLength(2) != trials?.RowCount)
            throw new ArgumentException(
                $"data is {data.GetLength(0)}×{data.GetLength(1)}×{data.GetLength(2)} but there are {units?.RowCount} units, {timeMs.Length} time bins and {trials?.RowCount} trials.",
                nameof(data));
        return FromOwned(flat, timeMs.ToArray(), trials, units, valueKind, name);
    }

    /// <summary>Creates a frame with default tables: trials numbered 0..K-1 (column <c>trial</c>) and units named u0..u(N-1) (column <c>unit</c>).</summary>
    public static Recording Create(double[,,] data, ReadOnlySpan<double> timeMs, RecordingValueKind valueKind = RecordingValueKind.Counts, string name = "recording")
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(data, timeMs, DefaultTrials(data.GetLength(2)), DefaultUnits(data.GetLength(0)), valueKind, name);
    }

    /// <summary>A trials table with one column <c>trial</c> = 0, 1, …</summary>
    public static ColumnTable DefaultTrials(int count) =>
        new(count, new TableColumn[] { DoubleColumn.Own("trial", Enumerable.Range(0, count).Select(i => (double)i).ToArray()) });

    /// <summary>A units table with one column <c>unit</c> = "u0", "u1", …</summary>
    public static ColumnTable DefaultUnits(int count) =>
        new(count, new TableColumn[] { StringColumn.Own("unit", Enumerable.Range(0, count).Select(i => (string?)("u" + i.ToString(CultureInfo.InvariantCulture))).ToArray()) });

    /// <summary>Takes ownership of the arrays (no copy); callers must not modify them afterwards.</summary>
    internal static Recording FromOwned(double[] data, double[] timeMs, ColumnTable? trials, ColumnTable? units, RecordingValueKind valueKind, string? name,
        double declaredBinWidthMs = double.NaN, RecordingProvenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < timeMs.Length; i++)
        {
            if (!double.IsFinite(timeMs[i])) throw new ArgumentException($"timeMs[{i}] is {timeMs[i]}; time must be finite.", nameof(timeMs));
            if (i > 0 && timeMs[i] <= timeMs[i - 1])
                throw new ArgumentException($"timeMs must be strictly increasing, but timeMs[{i}] = {timeMs[i]} follows {timeMs[i - 1]}.", nameof(timeMs));
        }
        long expected = (long)units.RowCount * timeMs.Length * trials.RowCount;
        if (data.LongLength != expected)
            throw new ArgumentException(
                $"data has {data.LongLength} values but {units.RowCount} units × {timeMs.Length} bins × {trials.RowCount} trials = {expected}.", nameof(data));
        if (!double.IsNaN(declaredBinWidthMs) && !(declaredBinWidthMs > 0 && double.IsFinite(declaredBinWidthMs)))
            throw new ArgumentException($"The bin width must be positive and finite, not {declaredBinWidthMs} ms.", nameof(declaredBinWidthMs));
        return new Recording(data, timeMs, trials, units, valueKind, name, declaredBinWidthMs, provenance);
    }

    /// <summary>A frame derived from this one on the same time axis (selections, averages): keeps the bin width and provenance.</summary>
    private Recording Derive(double[] newData, double[] newTimeMs, ColumnTable trials, ColumnTable units, RecordingValueKind valueKind, string name) =>
        FromOwned(newData, newTimeMs, trials, units, valueKind, name, declaredBinWidthMs, Provenance);

    /// <summary>Where the frame came from (file, reader, options, warnings); null for frames built in code.</summary>
    public RecordingProvenance? Provenance { get; }

    /// <summary>A new frame with the given provenance (readers attach it; nothing else changes).</summary>
    public Recording WithProvenance(RecordingProvenance? provenance) =>
        new(data, timeMs, Trials, Units, ValueKind, Name, declaredBinWidthMs, provenance);

    /// <summary>
    /// A new frame that declares its bin width: needed when it cannot be inferred from the bin centres (a single bin, e.g.
    /// one response window per trial) so that counts convert to Hz.
    /// </summary>
    /// <exception cref="ArgumentException">The width is not positive and finite.</exception>
    public Recording WithBinWidth(double binWidthMs) =>
        FromOwned(data, timeMs, Trials, Units, ValueKind, Name, binWidthMs, Provenance);

    /// <summary>A short name shown in summaries.</summary>
    public string Name { get; }

    /// <summary>What the numbers mean.</summary>
    public RecordingValueKind ValueKind { get; }

    /// <summary>One row per trial.</summary>
    public ColumnTable Trials { get; }

    /// <summary>One row per unit.</summary>
    public ColumnTable Units { get; }

    /// <summary>Number of units.</summary>
    public int UnitCount => Units.RowCount;

    /// <summary>Number of time bins.</summary>
    public int TimeCount => timeMs.Length;

    /// <summary>Number of trials.</summary>
    public int TrialCount => Trials.RowCount;

    /// <summary>Bin centres in ms (read-only view).</summary>
    public ReadOnlySpan<double> TimeMs => timeMs;

    /// <summary>A copy of the bin centres in ms.</summary>
    public double[] GetTimeMs() => (double[])timeMs.Clone();

    /// <summary>
    /// The bin width in ms: the width declared by whoever binned the data (<see cref="SpikeBinner"/>, the readers,
    /// <see cref="WithBinWidth"/>), otherwise the median spacing of the bin centres (NaN with fewer than two bins and no
    /// declared width). Binned data from the readers and the generator have uniform bins.
    /// </summary>
    public double BinWidthMs
    {
        get
        {
            if (!double.IsNaN(declaredBinWidthMs)) return declaredBinWidthMs;
            if (timeMs.Length < 2) return double.NaN;
            var d = new double[timeMs.Length - 1];
            for (int i = 0; i < d.Length; i++) d[i] = timeMs[i + 1] - timeMs[i];
            Array.Sort(d);
            return d[d.Length / 2];
        }
    }

    /// <summary>The values in the (units, time, trials) C-order layout (read-only view, no copy).</summary>
    public ReadOnlySpan<double> Data => data;

    /// <summary>The values as read-only memory (no copy), for APIs that cannot take spans (F# closures, async code).</summary>
    public ReadOnlyMemory<double> DataMemory => data;

    /// <summary>The value of unit <paramref name="unit"/> in time bin <paramref name="time"/> of trial <paramref name="trial"/>.</summary>
    public double this[int unit, int time, int trial]
    {
        get
        {
            if ((uint)unit >= (uint)UnitCount) throw new ArgumentOutOfRangeException(nameof(unit), $"unit {unit} is outside 0..{UnitCount - 1}.");
            if ((uint)time >= (uint)TimeCount) throw new ArgumentOutOfRangeException(nameof(time), $"time {time} is outside 0..{TimeCount - 1}.");
            if ((uint)trial >= (uint)TrialCount) throw new ArgumentOutOfRangeException(nameof(trial), $"trial {trial} is outside 0..{TrialCount - 1}.");
            return data[((long)unit * TimeCount + time) * TrialCount + trial];
        }
    }

    internal int Index(int unit, int time, int trial) => (unit * TimeCount + time) * TrialCount + trial;

    /// <summary>A new frame with the same tables and time axis but other values (copied; same layout and length).</summary>
    /// <exception cref="ArgumentException">The length differs.</exception>
    public Recording WithData(ReadOnlySpan<double> newData, RecordingValueKind? valueKind = null) =>
        Derive(newData.ToArray(), timeMs, Trials, Units, valueKind ?? ValueKind, Name);

    internal Recording WithOwnedData(double[] newData, RecordingValueKind? valueKind = null) =>
        Derive(newData, timeMs, Trials, Units, valueKind ?? ValueKind, Name);

    /// <summary>A new frame with another trials table (same number of rows).</summary>
    public Recording WithTrials(ColumnTable trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.RowCount != TrialCount) throw new ArgumentException($"The trials table has {trials.RowCount} rows but the frame has {TrialCount} trials.", nameof(trials));
        return new Recording(data, timeMs, trials, Units, ValueKind, Name, declaredBinWidthMs, Provenance);
    }

    /// <summary>A new frame with another units table (same number of rows).</summary>
    public Recording WithUnits(ColumnTable units)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.RowCount != UnitCount) throw new ArgumentException($"The units table has {units.RowCount} rows but the frame has {UnitCount} units.", nameof(units));
        return new Recording(data, timeMs, Trials, units, ValueKind, Name, declaredBinWidthMs, Provenance);
    }

    /// <summary>A new frame with another name.</summary>
    public Recording WithName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new Recording(data, timeMs, Trials, Units, ValueKind, name, declaredBinWidthMs, Provenance);
    }

    /// <summary>
    /// True when both frames have the same shape, time axis, value kind, tables and values (bit-for-bit; NaN equals NaN).
    /// The name is not compared.
    /// </summary>
    public bool ContentEquals(Recording other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.ValueKind == ValueKind
            && other.timeMs.AsSpan().SequenceEqual(timeMs)
            && other.data.AsSpan().SequenceEqual(data)
            && Trials.ContentEquals(other.Trials)
            && Units.ContentEquals(other.Units);
    }

    /// <summary>A few lines describing the frame: shape, time axis, value range, and the columns of both tables.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"Recording '{Name}': {UnitCount} units × {TimeCount} time bins × {TrialCount} trials ({ValueKind})");
        if (TimeCount > 0)
            sb.AppendLine(ci, $"  time: {timeMs[0]:0.###} … {timeMs[^1]:0.###} ms (bin centres), bin width {BinWidthMs:0.###} ms");
        if (data.Length > 0)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            long finite = 0;
            foreach (double v in data)
            {
                if (double.IsNaN(v)) continue;
                finite++;
                sum += v;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            sb.AppendLine(ci, $"  values: min {min:G4}, mean {(finite > 0 ? sum / finite : double.NaN):G4}, max {max:G4}, missing {data.LongLength - finite}");
        }
        sb.AppendLine(ci, $"  trials table: {DescribeColumns(Trials)}");
        sb.Append(ci, $"  units table: {DescribeColumns(Units)}");
        if (Provenance is { } p)
        {
            sb.AppendLine().Append(ci, $"  source: {p.SourcePath} (read by {p.Reader}{(p.Options.Length > 0 ? "; " + p.Options : "")})");
            foreach (var warning in p.Warnings) sb.AppendLine().Append(ci, $"  warning: {warning}");
        }
        return sb.ToString();
    }

    private static string DescribeColumns(ColumnTable table) =>
        table.Columns.Count == 0 ? "(no columns)" : string.Join(", ", table.Columns.Select(c => $"{c.Name} ({(c is DoubleColumn ? "number" : "text")})"));

    /// <inheritdoc />
    public override string ToString() => $"Recording '{Name}' ({UnitCount} units × {TimeCount} bins × {TrialCount} trials, {ValueKind})";
}
