using NeuroRnn.Data.Io;

namespace NeuroRnn.Data.Formats;

/// <summary>The CSV layouts of <see cref="CsvRecordingReader"/>.</summary>
internal enum CsvKind
{
    /// <summary>Decided by the header: a value column → long; a spike-time column without a time column → spike times; else wide.</summary>
    Auto,
    Long,
    Wide,
    SpikeTimes,
}

/// <summary>CSV recordings: long (one row per value), wide (one column per unit) and spike-time tables.</summary>
internal sealed class CsvRecordingFormat(CsvKind kind) : IRecordingFormat
{
    public string Name => kind switch
    {
        CsvKind.Long => "csv-long",
        CsvKind.Wide => "csv-wide",
        CsvKind.SpikeTimes => "spike-times",
        _ => "csv",
    };

    public string Description => kind switch
    {
        CsvKind.Long => "CSV, one row per value (trial, time, unit, value)",
        CsvKind.Wide => "CSV, one row per trial and time bin, one column per unit",
        CsvKind.SpikeTimes => "CSV spike-time table (unit, spike time) with an optional trials file",
        _ => "CSV (long, wide or spike-time table, told apart by the header)",
    };

    public IReadOnlyList<string> Extensions { get; } = kind == CsvKind.Auto ? [".csv"] : [];

    public bool Sniff(ReadOnlySpan<byte> head) => false; // text: found by extension or name

    private CsvKind Resolve(string path, RecordingReadOptions options)
    {
        if (kind != CsvKind.Auto) return kind;
        var header = CsvRecordingReader.ReadHeader(path);
        var c = options.Columns;
        if (header.Contains(c.Value)) return CsvKind.Long;
        if (options.TrialsPath is not null || header.Contains(c.Unit) && header.Contains(c.SpikeTime) && !header.Contains(c.Trial)) return CsvKind.SpikeTimes;
        if (header.Contains(c.Trial) && header.Contains(c.Time)) return CsvKind.Wide;
        throw new RecordingFormatException(path, "line 1",
            $"the header ({string.Join(", ", header)}) fits no CSV layout: long needs '{c.Trial}', '{c.Time}', '{c.Unit}', '{c.Value}'; wide needs '{c.Trial}', '{c.Time}' and one column per unit; " +
            $"a spike table needs '{c.Unit}', '{c.SpikeTime}' — map the columns with RecordingReadOptions.Columns or give Format");
    }

    public Recording Read(string path, RecordingReadOptions options, IList<string> warnings)
    {
        switch (Resolve(path, options))
        {
            case CsvKind.Long:
                return CsvRecordingReader.ReadLong(path, options.Columns, options.TimeUnit);
            case CsvKind.Wide:
                return CsvRecordingReader.ReadWide(path, options.Columns, options.TimeUnit);
            default:
                if (options.TrialsPath is { } trials)
                    return CsvRecordingReader.ReadSpikes(path, trials, options.Binning, options.Columns, options.TimeUnit).WithName(Path.GetFileNameWithoutExtension(path));
                warnings.Add($"{path}: no trials file (RecordingReadOptions.TrialsPath); the whole session is one trial on the session clock");
                return CsvRecordingReader.ReadSpikesAsSession(path, options.Binning, options.Columns, options.TimeUnit).WithName(Path.GetFileNameWithoutExtension(path));
        }
    }

    public string Describe(string path, RecordingReadOptions options)
    {
        var warnings = new List<string>();
        var recording = Read(path, options, warnings);
        return recording.Summary() + string.Concat(warnings.Select(w => Environment.NewLine + "  warning: " + w));
    }
}
