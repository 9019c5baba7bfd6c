using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace NeuroRnn.Data.Io;

/// <summary>
/// Reads recordings from CSV files (comma-separated, header row, invariant culture: '.' decimal point; an empty field is a
/// missing value):
/// <list type="bullet">
/// <item>tidy/long: columns <c>trial, time_ms, unit, value</c> (one row per value) plus optional per-trial columns (e.g.
/// <c>orientation</c>) that must be constant within a trial — <see cref="ReadLong(string, RecordingColumns?, TimeUnit)"/>;</item>
/// <item>wide: columns <c>trial, time_ms</c> then one column per unit (one row per trial and time bin) — <see cref="ReadWide(string, RecordingColumns?, TimeUnit)"/>;</item>
/// <item>spike times: <c>unit, time_ms</c> plus a trials file <c>trial, onset_ms, …stimulus columns</c>, binned into counts — <see cref="ReadSpikes(string, string, SpikeBinningOptions?, RecordingColumns?, TimeUnit)"/>.</item>
/// </list>
/// Trials and units appear in order of first occurrence, time bins sorted. A column whose non-empty values all parse as
/// numbers becomes a number column, otherwise a text column. Every problem is a <see cref="RecordingFormatException"/>
/// naming the file, line and column.
/// </summary>
public static class CsvRecordingReader
{
    /// <summary>Reads a tidy/long CSV (<c>trial, time_ms, unit, value</c> + per-trial columns; other names through <paramref name="columns"/>).</summary>
    /// <exception cref="RecordingFormatException">The file is unreadable or malformed.</exception>
    public static Recording ReadLong(string path, RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = OpenText(path);
        return ReadLong(reader, path, columns, timeUnit);
    }

    /// <summary>Reads a tidy/long CSV from a reader.</summary>
    /// <exception cref="RecordingFormatException">The text is malformed or a mapped column is missing (all missing columns are named).</exception>
    public static Recording ReadLong(TextReader reader, string sourceName, RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        columns ??= new RecordingColumns();
        var table = CsvTable.Read(reader, sourceName);
        table.TimeScale = timeUnit == TimeUnit.Seconds ? 1000 : 1;
        var found = table.RequireAll((nameof(RecordingColumns.Trial), columns.Trial), (nameof(RecordingColumns.Time), columns.Time),
            (nameof(RecordingColumns.Unit), columns.Unit), (nameof(RecordingColumns.Value), columns.Value));
        int trialCol = found[0], timeCol = found[1], unitCol = found[2], valueCol = found[3];
        var extra = Enumerable.Range(0, table.Header.Length).Where(c => c != trialCol && c != timeCol && c != unitCol && c != valueCol).ToArray();
        var trialIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var trialFirstRow = new List<int>();
        var unitNames = new List<string?>();
        var times = new SortedSet<double>();
        foreach (var (row, line) in table.RowsWithLines())
        {
            string trial = row[trialCol], unit = row[unitCol];
            if (trial.Length == 0) throw table.Fail(line, columns.Trial, "the trial is empty");
            if (unit.Length == 0) throw table.Fail(line, columns.Unit, "the unit is empty");
            if (trialIndex.TryAdd(trial, trialFirstRow.Count)) trialFirstRow.Add(line);
            if (unitIndex.TryAdd(unit, unitNames.Count)) unitNames.Add(unit);
            times.Add(table.Time(row, timeCol, line));
        }
        int K = trialIndex.Count, U = unitIndex.Count, T = times.Count;
        GuardSize(table, (long)U * T * K, table.Rows.Count);
        var timeArray = times.ToArray();
        var timeIndex = new Dictionary<double, int>();
        for (int t = 0; t < T; t++) timeIndex[timeArray[t]] = t;
        var data = new double[U * T * K];
        Array.Fill(data, double.NaN);
        var seen = new bool[data.Length];
        var extraValues = extra.Select(_ => new string[K]).ToArray();
        foreach (var (row, line) in table.RowsWithLines())
        {
            int k = trialIndex[row[trialCol]], u = unitIndex[row[unitCol]], t = timeIndex[table.Time(row, timeCol, line)];
            int i = (u * T + t) * K + k;
            if (seen[i]) throw table.Fail(line, columns.Value, $"a second value for trial '{row[trialCol]}', unit '{row[unitCol]}', time {row[timeCol]} ms");
            seen[i] = true;
            data[i] = table.Number(row, valueCol, line, required: false);
            for (int e = 0; e < extra.Length; e++)
            {
                string v = row[extra[e]];
                if (extraValues[e][k] is null) extraValues[e][k] = v;
                else if (extraValues[e][k] != v)
                    throw table.Fail(line, table.Header[extra[e]], $"per-trial column changes within trial '{row[trialCol]}' ('{extraValues[e][k]}' then '{v}')");
            }
        }
        var trialIds = new string?[K];
        foreach (var (id, k) in trialIndex) trialIds[k] = id;
        var trialColumns = new List<TableColumn> { CsvTable.InferColumn(columns.Trial, trialIds) };
        for (int e = 0; e < extra.Length; e++) trialColumns.Add(CsvTable.InferColumn(table.Header[extra[e]], extraValues[e]));
        return Build(table, data, timeArray, new ColumnTable(K, trialColumns), new ColumnTable(U, new TableColumn[] { StringColumn.Own("unit", unitNames.ToArray()) }));
    }

    /// <summary>Reads a wide CSV (<c>trial, time_ms</c>, then one column per unit).</summary>
    /// <exception cref="RecordingFormatException">The file is unreadable or malformed.</exception>
    public static Recording ReadWide(string path, RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = OpenText(path);
        return ReadWide(reader, path, columns, timeUnit);
    }

    /// <summary>Reads a wide CSV from a reader.</summary>
    /// <exception cref="RecordingFormatException">The text is malformed.</exception>
    public static Recording ReadWide(TextReader reader, string sourceName, RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        columns ??= new RecordingColumns();
        var table = CsvTable.Read(reader, sourceName);
        table.TimeScale = timeUnit == TimeUnit.Seconds ? 1000 : 1;
        var found = table.RequireAll((nameof(RecordingColumns.Trial), columns.Trial), (nameof(RecordingColumns.Time), columns.Time));
        int trialCol = found[0], timeCol = found[1];
        var unitCols = Enumerable.Range(0, table.Header.Length).Where(c => c != trialCol && c != timeCol).ToArray();
        if (unitCols.Length == 0) throw table.Fail(1, "header", "no unit columns after trial and time_ms");
        var trialIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var times = new SortedSet<double>();
        foreach (var (row, line) in table.RowsWithLines())
        {
            if (row[trialCol].Length == 0) throw table.Fail(line, columns.Trial, "the trial is empty");
            trialIndex.TryAdd(row[trialCol], trialIndex.Count);
            times.Add(table.Time(row, timeCol, line));
        }
        int K = trialIndex.Count, U = unitCols.Length, T = times.Count;
        GuardSize(table, (long)U * T * K, (long)table.Rows.Count * U);
        var timeArray = times.ToArray();
        var timeIndex = new Dictionary<double, int>();
        for (int t = 0; t < T; t++) timeIndex[timeArray[t]] = t;
        var data = new double[U * T * K];
        Array.Fill(data, double.NaN);
        var seen = new bool[T * K];
        foreach (var (row, line) in table.RowsWithLines())
        {
            int k = trialIndex[row[trialCol]], t = timeIndex[table.Time(row, timeCol, line)];
            if (seen[t * K + k]) throw table.Fail(line, columns.Time, $"a second row for trial '{row[trialCol]}' at {row[timeCol]} ms");
            seen[t * K + k] = true;
            for (int u = 0; u < U; u++) data[(u * T + t) * K + k] = table.Number(row, unitCols[u], line, required: false);
        }
        var trialIds = new string?[K];
        foreach (var (id, k) in trialIndex) trialIds[k] = id;
        var unitNames = unitCols.Select(c => (string?)table.Header[c]).ToArray();
        return Build(table, data, timeArray, new ColumnTable(K, new[] { CsvTable.InferColumn(columns.Trial, trialIds) }),
            new ColumnTable(U, new TableColumn[] { StringColumn.Own("unit", unitNames) }));
    }

    /// <summary>
    /// Reads spike times (<c>unit, time_ms</c>: one row per spike, times on the session clock) and a trials file (one row
    /// per trial; the alignment column, default <c>onset_ms</c>, is the event each trial is aligned to, on the same clock;
    /// every column, including an optional <c>trial</c> id, becomes a trials-table column) and bins the spikes in a window
    /// around each trial's event. The recording's time axis is relative to that event (0 = the event).
    /// </summary>
    /// <exception cref="RecordingFormatException">A file is unreadable or malformed, a mapped column is missing (all are named), or the spike table is empty.</exception>
    public static Recording ReadSpikes(string spikesPath, string trialsPath, SpikeBinningOptions? options = null,
        RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        ArgumentNullException.ThrowIfNull(spikesPath);
        ArgumentNullException.ThrowIfNull(trialsPath);
        using var spikes = OpenText(spikesPath);
        using var trials = OpenText(trialsPath);
        return ReadSpikes(spikes, spikesPath, trials, trialsPath, options, columns, timeUnit);
    }

    /// <summary>Reads spike times and trials from readers and bins them.</summary>
    /// <exception cref="RecordingFormatException">The text is malformed, a mapped column is missing, or the spike table is empty.</exception>
    public static Recording ReadSpikes(TextReader spikes, string spikesName, TextReader trials, string trialsName, SpikeBinningOptions? options = null,
        RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        columns ??= new RecordingColumns();
        var (unitNames, trains) = ReadSpikeTrains(spikes, spikesName, columns, timeUnit);
        var trialTable = CsvTable.Read(trials, trialsName);
        trialTable.TimeScale = timeUnit == TimeUnit.Seconds ? 1000 : 1;
        string align = columns.AlignTo ?? "onset_ms";
        int onsetCol = trialTable.RequireAll((nameof(RecordingColumns.AlignTo), align))[0];
        if (trialTable.Rows.Count == 0) throw new RecordingFormatException(trialsName, "all rows", "the trials file has a header but no trials");
        var onsets = trialTable.RowsWithLines().Select(r => trialTable.Time(r.Row, onsetCol, r.Line)).ToArray();
        var tableColumns = Enumerable.Range(0, trialTable.Header.Length)
            .Select(c => CsvTable.InferColumn(trialTable.Header[c], trialTable.Rows.Select(r => (string?)r[c]).ToArray()));
        options ??= new SpikeBinningOptions();
        long cells = (long)unitNames.Length * onsets.Length * Math.Max(1, options.BinCount);
        if (cells > Array.MaxLength) throw new RecordingFormatException(spikesName, "all rows", $"{unitNames.Length} units × {onsets.Length} trials × {options.BinCount} bins is too large");
        return SpikeBinner.Bin(trains, onsets, options,
            new ColumnTable(onsets.Length, tableColumns), new ColumnTable(unitNames.Length, new TableColumn[] { StringColumn.Own("unit", unitNames) }));
    }

    /// <summary>
    /// Reads a spike table without a trials file: the whole session is one trial on the session clock (time 0 = the clock's
    /// zero), binned from <see cref="SpikeBinningOptions.WindowStartMs"/> (default: the first bin holding the earliest spike)
    /// to the last spike.
    /// </summary>
    /// <exception cref="RecordingFormatException">The file is unreadable, a mapped column is missing, or the table is empty.</exception>
    public static Recording ReadSpikesAsSession(string spikesPath, SpikeBinningOptions? options = null, RecordingColumns? columns = null, TimeUnit timeUnit = TimeUnit.Milliseconds)
    {
        ArgumentNullException.ThrowIfNull(spikesPath);
        using var spikes = OpenText(spikesPath);
        var (unitNames, trains) = ReadSpikeTrains(spikes, spikesPath, columns ?? new RecordingColumns(), timeUnit);
        double bin = options?.BinMs ?? new SpikeBinningOptions().BinMs;
        double first = trains.Where(t => t.Length > 0).Min(t => t.Min()), last = trains.Where(t => t.Length > 0).Max(t => t.Max());
        var window = options ?? new SpikeBinningOptions
        {
            BinMs = bin,
            WindowStartMs = Math.Floor(first / bin) * bin,
            WindowEndMs = (Math.Floor(last / bin) + 1) * bin,
        };
        if ((window.WindowEndMs - window.WindowStartMs) / window.BinMs > 10_000_000)
            throw new RecordingFormatException(spikesPath, "all rows", $"the spikes span {first} … {last} ms, more than 10 million bins of {window.BinMs} ms; give a coarser Binning");
        return SpikeBinner.Bin(trains, new[] { 0.0 }, window, Recording.DefaultTrials(1),
            new ColumnTable(unitNames.Length, new TableColumn[] { StringColumn.Own("unit", unitNames) }));
    }

    private static (string?[] Units, double[][] Trains) ReadSpikeTrains(TextReader spikes, string spikesName, RecordingColumns columns, TimeUnit timeUnit)
    {
        var spikeTable = CsvTable.Read(spikes, spikesName);
        spikeTable.TimeScale = timeUnit == TimeUnit.Seconds ? 1000 : 1;
        var found = spikeTable.RequireAll((nameof(RecordingColumns.Unit), columns.Unit), (nameof(RecordingColumns.SpikeTime), columns.SpikeTime));
        int unitCol = found[0], spikeTimeCol = found[1];
        if (spikeTable.Rows.Count == 0)
            throw new RecordingFormatException(spikesName, "all rows", $"the spike table has a header but no spikes (columns {string.Join(", ", spikeTable.Header)})");
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var trains = new List<List<double>>();
        foreach (var (row, line) in spikeTable.RowsWithLines())
        {
            if (row[unitCol].Length == 0) throw spikeTable.Fail(line, columns.Unit, "the unit is empty");
            if (unitIndex.TryAdd(row[unitCol], trains.Count)) trains.Add(new List<double>());
            trains[unitIndex[row[unitCol]]].Add(spikeTable.Time(row, spikeTimeCol, line));
        }
        var unitNames = new string?[unitIndex.Count];
        foreach (var (id, u) in unitIndex) unitNames[u] = id;
        return (unitNames, trains.Select(t => t.ToArray()).ToArray());
    }

    /// <summary>The header row of a CSV file (for format detection).</summary>
    /// <exception cref="RecordingFormatException">The file is unreadable or empty.</exception>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = OpenText(path);
        string? line = reader.ReadLine() ?? throw new RecordingFormatException(path, "line 1", "the file is empty (a header row is required)");
        using var csv = new CsvReader(new StringReader(line), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, TrimOptions = TrimOptions.Trim });
        if (!csv.Read()) throw new RecordingFormatException(path, "line 1", "the file is empty (a header row is required)");
        return Enumerable.Range(0, csv.Parser.Count).Select(i => csv.Parser[i] ?? "").ToArray();
    }

    private static void GuardSize(CsvTable table, long cells, long values)
    {
        // A long/wide file lists every value, so the frame cannot be much larger than the file; a huge product means
        // inconsistent ids (or a corrupt file) and must not turn into a huge allocation.
        if (cells > 64 * values + 1_000_000 || cells > Array.MaxLength)
            throw table.Fail(0, "all rows", $"the trial, time and unit ids span {cells} cells for only {values} values; ids are inconsistent");
    }

    private static Recording Build(CsvTable table, double[] data, double[] time, ColumnTable trials, ColumnTable units)
    {
        try
        {
            return Recording.FromOwned(data, time, trials, units, RecordingValueKind.Other, Path.GetFileNameWithoutExtension(table.Source));
        }
        catch (ArgumentException e)
        {
            throw new RecordingFormatException(table.Source, "all rows", e.Message, e);
        }
    }

    private static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingFormatException(path, "file", e.Message, e);
        }
    }

    /// <summary>A parsed CSV: header and rows of raw fields, each with its line number.</summary>
    private sealed class CsvTable
    {
        public required string Source { get; init; }
        public required string[] Header { get; init; }
        public required List<string[]> Rows { get; init; }
        public required List<int> Lines { get; init; }

        public IEnumerable<(string[] Row, int Line)> RowsWithLines()
        {
            for (int i = 0; i < Rows.Count; i++) yield return (Rows[i], Lines[i]);
        }

        public static CsvTable Read(TextReader reader, string source)
        {
            ArgumentNullException.ThrowIfNull(reader);
            ArgumentNullException.ThrowIfNull(source);
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, TrimOptions = TrimOptions.Trim };
            int line = 1;
            try
            {
                using var csv = new CsvReader(reader, config, leaveOpen: true);
                if (!csv.Read()) throw new RecordingFormatException(source, "line 1", "the file is empty (a header row is required)");
                var header = Fields(csv);
                var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null) throw new RecordingFormatException(source, "line 1", $"the header names column '{duplicate.Key}' twice");
                if (header.Any(string.IsNullOrWhiteSpace)) throw new RecordingFormatException(source, "line 1", "the header has an empty column name");
                var rows = new List<string[]>();
                var lines = new List<int>();
                while (csv.Read())
                {
                    line = csv.Parser.RawRow;
                    var fields = Fields(csv);
                    if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
                    if (fields.Length != header.Length)
                        throw new RecordingFormatException(source, $"line {line}", $"{fields.Length} fields but the header has {header.Length}");
                    rows.Add(fields);
                    lines.Add(line);
                }
                return new CsvTable { Source = source, Header = header, Rows = rows, Lines = lines };
            }
            catch (CsvHelperException e)
            {
                throw new RecordingFormatException(source, $"line {line}", $"malformed CSV: {e.Message.Split('\n')[0]}", e);
            }
        }

        private static string[] Fields(CsvReader csv)
        {
            var fields = new string[csv.Parser.Count];
            for (int i = 0; i < fields.Length; i++) fields[i] = csv.Parser[i] ?? "";
            return fields;
        }

        /// <summary>Multiplies time values into ms (1000 for seconds).</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>The indices of the named columns; every missing one is named in one error, with the option that maps it.</summary>
        public int[] RequireAll(params (string Option, string Name)[] columns)
        {
            var indices = columns.Select(c => Array.IndexOf(Header, c.Name)).ToArray();
            var missing = columns.Where((c, i) => indices[i] < 0).Select(c => $"'{c.Name}' (RecordingColumns.{c.Option})").ToArray();
            if (missing.Length > 0)
                throw new RecordingFormatException(Source, "line 1",
                    $"no column {string.Join(", no column ", missing)}; the header has {string.Join(", ", Header)} — map the columns with RecordingReadOptions.Columns");
            return indices;
        }

        /// <summary>A required time value converted to ms.</summary>
        public double Time(string[] row, int column, int line) => Number(row, column, line, required: true) * TimeScale;

        public double Number(string[] row, int column, int line, bool required)
        {
            string text = row[column];
            if (text.Length == 0)
                return required ? throw Fail(line, Header[column], "the value is empty") : double.NaN;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw Fail(line, Header[column], $"'{Truncate(text)}' is not a number");
            if (required && !double.IsFinite(v)) throw Fail(line, Header[column], $"'{Truncate(text)}' is not a finite number");
            return v;
        }

        public RecordingFormatException Fail(int line, string column, string problem) =>
            new(Source, line > 0 ? $"line {line}, column '{column}'" : column, problem);

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

        public static TableColumn InferColumn(string name, string?[] values)
        {
            var numbers = new double[values.Length];
            bool numeric = true;
            for (int i = 0; i < values.Length && numeric; i++)
            {
                if (string.IsNullOrEmpty(values[i])) numbers[i] = double.NaN;
                else numeric = double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
            }
            return numeric ? DoubleColumn.Own(name, numbers) : StringColumn.Own(name, values.Select(v => string.IsNullOrEmpty(v) ? null : v).ToArray());
        }
    }
}
