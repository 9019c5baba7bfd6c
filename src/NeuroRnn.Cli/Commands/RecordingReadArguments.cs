using System.CommandLine;
using NeuroRnn.Data;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// The command-line face of <see cref="RecordingReadOptions"/>, shared by <c>data summary</c> and <c>fit</c> so both open
/// files through the one front door <see cref="Recording.Read(string, RecordingReadOptions?)"/> with the same flags.
/// </summary>
internal sealed class RecordingReadArguments
{
    private readonly Option<string?> format = new("--format") { Description = $"File format (default: sniffed): {string.Join(", ", RecordingFormats.Names)}" };
    private readonly Option<string?> dataName = new("--data-name") { Description = "MAT variable / NPZ member with the data, or NWB object (units, acquisition/X, processing/M/X)" };
    private readonly Option<string?> timeName = new("--time-name") { Description = "MAT variable / NPZ member with the time axis (default time_ms)" };
    private readonly Option<string?> trialsName = new("--trials-name") { Description = "MAT trials variable, or NWB intervals table (default intervals/trials)" };
    private readonly Option<string?> trialsFile = new("--trials-file") { Description = "Trials CSV of a spike-time table (alignment column + stimulus columns)" };
    private readonly Option<string?> dims = new("--dims") { Description = "Order of the array's axes, e.g. time,units,trials (default units,time,trials)" };
    private readonly Option<string?> timeUnit = new("--time-unit") { Description = "Unit of times in tables and time vectors: ms (default) or s" };
    private readonly Option<string?> unitColumn = new("--unit-column") { Description = "Column with the unit id (default unit)" };
    private readonly Option<string?> spikeTimeColumn = new("--spike-time-column") { Description = "Column with spike times (default time_ms)" };
    private readonly Option<string?> timeColumn = new("--time-column") { Description = "Column with the time of a value in long/wide tables (default time_ms)" };
    private readonly Option<string?> trialColumn = new("--trial-column") { Description = "Column with the trial id (default trial)" };
    private readonly Option<string?> valueColumn = new("--value-column") { Description = "Column with the value in long tables (default value)" };
    private readonly Option<string?> alignColumn = new("--align-column") { Description = "Trials column with the event each trial is aligned to, on the session clock (default onset_ms; NWB start_time)" };
    private readonly Option<double?> windowStart = new("--window-start-ms") { Description = "Binning window start relative to the alignment event, ms" };
    private readonly Option<double?> windowEnd = new("--window-end-ms") { Description = "Binning window end relative to the alignment event, ms" };
    private readonly Option<double?> binMs = new("--read-bin-ms") { Description = "Bin width when reading spike times or series, ms (default 10)" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { format, dataName, timeName, trialsName, trialsFile, dims, timeUnit, unitColumn, spikeTimeColumn, timeColumn, trialColumn, valueColumn, alignColumn, windowStart, windowEnd, binMs })
            command.Options.Add(option);
    }

    /// <summary>The reading options the flags give.</summary>
    /// <exception cref="ArgumentException">A flag's value is invalid (the message names it).</exception>
    public RecordingReadOptions Bind(ParseResult result)
    {
        var defaults = new RecordingReadOptions();
        var columns = defaults.Columns;
        columns = columns with
        {
            Unit = result.GetValue(unitColumn) ?? columns.Unit,
            SpikeTime = result.GetValue(spikeTimeColumn) ?? columns.SpikeTime,
            Time = result.GetValue(timeColumn) ?? columns.Time,
            Trial = result.GetValue(trialColumn) ?? columns.Trial,
            Value = result.GetValue(valueColumn) ?? columns.Value,
            AlignTo = result.GetValue(alignColumn) ?? columns.AlignTo,
        };
        SpikeBinningOptions? binning = null;
        if (result.GetValue(windowStart) is not null || result.GetValue(windowEnd) is not null || result.GetValue(binMs) is not null)
        {
            var b = new SpikeBinningOptions();
            binning = b with
            {
                WindowStartMs = result.GetValue(windowStart) ?? b.WindowStartMs,
                WindowEndMs = result.GetValue(windowEnd) ?? b.WindowEndMs,
                BinMs = result.GetValue(binMs) ?? b.BinMs,
            };
            try { binning.Validate(); }
            catch (ArgumentException e) { throw new ArgumentException($"--window-start-ms/--window-end-ms/--read-bin-ms: {e.Message}", e); }
        }
        return defaults with
        {
            Format = result.GetValue(format),
            Data = result.GetValue(dataName),
            Time = result.GetValue(timeName),
            Trials = result.GetValue(trialsName),
            TrialsPath = result.GetValue(trialsFile),
            DimensionOrder = ParseDims(result.GetValue(dims)),
            TimeUnit = result.GetValue(timeUnit) switch
            {
                null or "ms" => TimeUnit.Milliseconds,
                "s" => TimeUnit.Seconds,
                var other => throw new ArgumentException($"--time-unit must be ms or s, not '{other}'."),
            },
            Columns = columns,
            Binning = binning,
        };
    }

    private static RecordingDimension[]? ParseDims(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Select(p => p.ToLowerInvariant() switch
        {
            "units" or "unit" => RecordingDimension.Units,
            "time" => RecordingDimension.Time,
            "trials" or "trial" => RecordingDimension.Trials,
            _ => throw new ArgumentException($"--dims: '{p}' is not one of units, time, trials (give all three in the array's order, e.g. time,units,trials)."),
        }).ToArray();
    }
}
