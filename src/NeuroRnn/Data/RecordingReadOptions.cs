namespace NeuroRnn.Data;

/// <summary>The unit of time values in a source file (spike times, time columns, time vectors).</summary>
public enum TimeUnit
{
    /// <summary>Milliseconds (NeuroRnn's own unit).</summary>
    Milliseconds,
    /// <summary>Seconds (NWB, most spike sorters).</summary>
    Seconds,
}

/// <summary>One of the three axes of a <see cref="Recording"/>, to say in which order a source array stores them.</summary>
public enum RecordingDimension
{
    /// <summary>Units (neurons, channels).</summary>
    Units,
    /// <summary>Time bins.</summary>
    Time,
    /// <summary>Trials.</summary>
    Trials,
}

/// <summary>
/// Column names of table files (CSV): which column holds what. The defaults are NeuroRnn's own names; map them when a
/// file uses others (e.g. <c>Columns = new() { Unit = "cluster", SpikeTime = "t" }</c> with <see cref="RecordingReadOptions.TimeUnit"/> = Seconds).
/// </summary>
public sealed record RecordingColumns
{
    /// <summary>Trial id (long and wide tables; optional in a spike table's trials file). Default <c>trial</c>.</summary>
    public string Trial { get; init; } = "trial";

    /// <summary>Time of a value (long and wide tables). Default <c>time_ms</c>.</summary>
    public string Time { get; init; } = "time_ms";

    /// <summary>Unit id (long tables and spike tables). Default <c>unit</c>.</summary>
    public string Unit { get; init; } = "unit";

    /// <summary>The value (long tables). Default <c>value</c>.</summary>
    public string Value { get; init; } = "value";

    /// <summary>Spike time on the session clock (spike tables). Default <c>time_ms</c>.</summary>
    public string SpikeTime { get; init; } = "time_ms";

    /// <summary>
    /// In a trials file or table: the event each trial is aligned to, as a time on the session clock (the same clock as
    /// the spike times). Default <c>onset_ms</c> for CSV trials files and <c>start_time</c> for NWB trials tables.
    /// </summary>
    public string? AlignTo { get; init; }
}

/// <summary>
/// Options of <see cref="Recording.Read(string, RecordingReadOptions?)"/>, the one front door for recording files. Every
/// option has a default that reads NeuroRnn's own files and standard NWB files as they are.
/// </summary>
public sealed record RecordingReadOptions
{
    /// <summary>
    /// The format by name (<c>npz</c>, <c>npy</c>, <c>mat</c>, <c>mat73</c>, <c>nwb</c>, <c>csv-long</c>, <c>csv-wide</c>,
    /// <c>spike-times</c>; see <see cref="RecordingFormats.Names"/>); null (default) sniffs the file's first bytes, then
    /// its extension and, for CSV, its header.
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// Which array holds the data: the MAT variable or NPZ member (default <c>data</c>), or in an NWB file the object path
    /// of a TimeSeries (<c>acquisition/lfp</c>, <c>processing/ecephys/binned</c>) or <c>units</c> (default: the units
    /// table when there is one, else the only TimeSeries).
    /// </summary>
    public string? Data { get; init; }

    /// <summary>The MAT variable / NPZ member with the time axis (default <c>time_ms</c>).</summary>
    public string? Time { get; init; }

    /// <summary>
    /// The trials table: MAT variable (default <c>trials</c>), NWB intervals table (default <c>intervals/trials</c>;
    /// a stimulus presentation table such as <c>intervals/gratings</c> works the same way).
    /// </summary>
    public string? Trials { get; init; }

    /// <summary>The MAT variable with the units table (default <c>units</c>).</summary>
    public string? Units { get; init; }

    /// <summary>A separate trials file for spike tables (CSV with the alignment column and stimulus columns).</summary>
    public string? TrialsPath { get; init; }

    /// <summary>The order in which a MAT or NPY array stores the axes (MATLAB's dimension order). Default units, time, trials.</summary>
    public IReadOnlyList<RecordingDimension>? DimensionOrder { get; init; }

    /// <summary>Column names of table files.</summary>
    public RecordingColumns Columns { get; init; } = new();

    /// <summary>The unit of time values in tables and time vectors (NWB files are always in seconds). Default ms.</summary>
    public TimeUnit TimeUnit { get; init; } = TimeUnit.Milliseconds;

    /// <summary>
    /// Binning of spike times around each trial's alignment event (window relative to the event, bin width); null = the
    /// format's default: −300 … 1200 ms in 10 ms bins for spike tables, 0 … the shortest trial in 10 ms bins for NWB.
    /// For continuous NWB series the window is cut the same way and samples are averaged per bin.
    /// </summary>
    public SpikeBinningOptions? Binning { get; init; }

    /// <summary>What the numbers mean; null = the format's own (counts for binned spikes, NPZ's stored kind…).</summary>
    public RecordingValueKind? ValueKind { get; init; }

    /// <summary>The options that differ from the defaults, as text for the recording's provenance.</summary>
    public string Describe()
    {
        var defaults = new RecordingReadOptions();
        var parts = new List<string>();
        void Add(string name, object? value, object? @default)
        {
            if (!Equals(value, @default)) parts.Add($"{name}={value}");
        }
        Add(nameof(Format), Format, null);
        Add(nameof(Data), Data, null);
        Add(nameof(Time), Time, null);
        Add(nameof(Trials), Trials, null);
        Add(nameof(Units), Units, null);
        Add(nameof(TrialsPath), TrialsPath, null);
        if (DimensionOrder is not null) parts.Add($"{nameof(DimensionOrder)}={string.Join(",", DimensionOrder)}");
        var c = Columns ?? defaults.Columns;
        var d = defaults.Columns;
        var mapped = new[] { (nameof(c.Trial), c.Trial, d.Trial), (nameof(c.Time), c.Time, d.Time), (nameof(c.Unit), c.Unit, d.Unit),
            (nameof(c.Value), c.Value, d.Value), (nameof(c.SpikeTime), c.SpikeTime, d.SpikeTime), (nameof(c.AlignTo), c.AlignTo, d.AlignTo) }
            .Where(x => x.Item2 != x.Item3).Select(x => $"{x.Item1}={x.Item2}").ToArray();
        if (mapped.Length > 0) parts.Add($"{nameof(Columns)}: {string.Join(", ", mapped)}");
        Add(nameof(TimeUnit), TimeUnit, defaults.TimeUnit);
        if (Binning is not null) parts.Add($"{nameof(Binning)}=[{Binning.WindowStartMs}, {Binning.WindowEndMs}) ms in {Binning.BinMs} ms bins");
        Add(nameof(ValueKind), ValueKind, null);
        return string.Join("; ", parts);
    }

    /// <summary>Milliseconds per time unit.</summary>
    internal double MillisecondsPerUnit => TimeUnit == TimeUnit.Seconds ? 1000 : 1;
}
