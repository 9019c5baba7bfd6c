using System.Globalization;
using NeuroRnn.Data.Hdf5;
using PureHDF;

namespace NeuroRnn.Data.Formats;

/// <summary>One read of an NWB file (see <see cref="NwbRecordingFormat"/>).</summary>
internal sealed class NwbReader(Hdf5Source h5, RecordingReadOptions options, IList<string> warnings)
{
    private static readonly string[] SeriesTypes = ["TimeSeries", "ElectricalSeries", "SpikeEventSeries", "RoiResponseSeries", "SpatialSeries"];
    private const double DefaultBinMs = 10;

    /// <summary>The NWB objects worth listing: the units table, intervals tables and every TimeSeries.</summary>
    public static IEnumerable<string> Listing(Hdf5Source h5)
    {
        if (h5.TryGet("units") is IH5Group) yield return "/units (units table)";
        if (h5.TryGet("intervals") is IH5Group intervals)
            foreach (var table in h5.Children(intervals, "/intervals").OfType<IH5Group>()) yield return $"/intervals/{table.Name} (intervals table)";
        foreach (var (path, type) in FindSeries(h5)) yield return $"/{path} ({type})";
    }

    private static IEnumerable<(string Path, string Type)> FindSeries(Hdf5Source h5)
    {
        var result = new List<(string, string)>();
        void Scan(IH5Group group, string path, int depth)
        {
            foreach (var child in h5.Children(group, "/" + path).OfType<IH5Group>())
            {
                string childPath = path + "/" + child.Name;
                string? type = h5.StringAttribute(child, "/" + childPath, "neurodata_type");
                if (type is not null && (SeriesTypes.Contains(type) || type.EndsWith("Series", StringComparison.Ordinal))) result.Add((childPath, type));
                else if (depth < 3) Scan(child, childPath, depth + 1);
            }
        }
        foreach (var top in new[] { "acquisition", "processing" })
            if (h5.TryGet(top) is IH5Group g) Scan(g, top, 0);
        return result;
    }

    public Recording Read()
    {
        string? version = h5.StringAttribute(h5.Root, "/", "nwb_version");
        bool hasUnits = h5.TryGet("units") is IH5Group;
        var series = FindSeries(h5).ToArray();
        if (version is null)
        {
            if (!hasUnits && series.Length == 0)
                throw h5.Fail("/", "is an HDF5 file but not NWB: no nwb_version attribute, no /units table and no TimeSeries in /acquisition or /processing");
            warnings.Add($"{h5.Path}: '/' has no nwb_version attribute; read as NWB from its layout");
        }
        string source = options.Data?.Trim('/') ?? (hasUnits ? "units" : series.Length == 1 ? series[0].Path
            : throw h5.Fail("/", series.Length == 0 ? "has neither a /units table nor a TimeSeries to read"
                : $"has no /units table and {series.Length} TimeSeries ({string.Join(", ", series.Select(s => "/" + s.Path))}); choose one with RecordingReadOptions.Data"));
        var trials = ReadTrials();
        var recording = source == "units" ? ReadUnits(trials) : ReadSeries(source, trials);
        return recording.WithName(Path.GetFileNameWithoutExtension(h5.Path) + (source == "units" ? "" : ":" + source));
    }

    // ------------------------------------------------------------------ trials / stimulus intervals

    private sealed record TrialTable(ColumnTable Table, double[] AlignSeconds, double[] DurationSeconds, string Path);

    private TrialTable? ReadTrials()
    {
        string path = (options.Trials ?? "intervals/trials").Trim('/');
        if (h5.TryGet(path) is not IH5Group group)
        {
            string available = h5.TryGet("intervals") is IH5Group intervals
                ? string.Join(", ", h5.Children(intervals, "/intervals").Select(c => "/intervals/" + c.Name)) : "none";
            if (options.Trials is not null) throw h5.Fail("/" + path, $"no such intervals table (intervals tables: {available})");
            warnings.Add($"{h5.Path}: no /{path} table (intervals tables: {available}); the whole session is one trial aligned at t = 0");
            return null;
        }
        var columns = ReadTableColumns(group, "/" + path, out int rows);
        if (rows == 0) throw h5.Fail("/" + path, "the trials table has no rows");
        string align = options.Columns.AlignTo ?? "start_time";
        var alignColumn = columns.FirstOrDefault(c => c.Name == align) as DoubleColumn
            ?? throw h5.Fail("/" + path, $"has no numeric column '{align}' to align to (RecordingColumns.AlignTo); columns: {string.Join(", ", columns.Select(c => c.Name))}");
        var alignTimes = alignColumn.ToArray();
        var duration = new double[rows];
        var stop = columns.FirstOrDefault(c => c.Name == "stop_time") as DoubleColumn;
        var start = columns.FirstOrDefault(c => c.Name == "start_time") as DoubleColumn;
        for (int k = 0; k < rows; k++) duration[k] = stop is null ? double.NaN : stop[k] - alignTimes[k];
        if (start is null || stop is null) warnings.Add($"{h5.Path}: /{path} lacks start_time or stop_time (required by NWB)");
        // Event times relative to each trial's alignment, in ms on the recording's time axis: "<column>_ms".
        var relative = columns.OfType<DoubleColumn>().Where(c => c.Name.EndsWith("_time", StringComparison.Ordinal))
            .Select(c => (TableColumn)DoubleColumn.Own(c.Name + "_ms", Enumerable.Range(0, rows).Select(k => (c[k] - alignTimes[k]) * 1000).ToArray()))
            .Where(c => columns.All(existing => existing.Name != c.Name)).ToList();
        return new TrialTable(new ColumnTable(rows, columns.Concat(relative)), alignTimes, duration, "/" + path);
    }

    /// <summary>The 1-D columns of a DynamicTable (ragged columns with an _index and non-column datasets skipped).</summary>
    private List<TableColumn> ReadTableColumns(IH5Group group, string path, out int rows, params string[] skip)
    {
        var children = h5.Children(group, path);
        var names = children.Select(c => c.Name).ToHashSet();
        string? listed = h5.StringAttribute(group, path, "colnames");
        var order = (listed?.Split(',') ?? Array.Empty<string>()).Where(names.Contains).Concat(names.Order(StringComparer.Ordinal)).Distinct().ToList();
        rows = -1;
        if (children.FirstOrDefault(c => c.Name == "id") is IH5Dataset id) rows = (int)h5.ElementCount(id, path + "/id");
        var columns = new List<TableColumn>();
        foreach (string name in order)
        {
            if (skip.Contains(name) || name == "id" || name.EndsWith("_index", StringComparison.Ordinal)) continue;
            if (children.First(c => c.Name == name) is not IH5Dataset dataset) continue;
            string childPath = path + "/" + name;
            if (names.Contains(name + "_index"))
            {
                warnings.Add($"{h5.Path}: {childPath} is a ragged column (several values per row); skipped");
                continue;
            }
            var dims = h5.Dimensions(dataset, childPath);
            if (dims.Length != 1)
            {
                warnings.Add($"{h5.Path}: {childPath} has {dims.Length} dimensions; only 1-D columns are read");
                continue;
            }
            if (rows < 0) rows = (int)dims[0];
            if ((int)dims[0] != rows)
            {
                warnings.Add($"{h5.Path}: {childPath} has {dims[0]} rows but the table has {rows}; skipped");
                continue;
            }
            var type = h5.Guard(childPath, () => dataset.Type.Class);
            if (type is H5DataTypeClass.String or H5DataTypeClass.VariableLength)
                columns.Add(StringColumn.Own(name, h5.ReadStrings(dataset, childPath).Select(v => string.IsNullOrEmpty(v) ? null : v).ToArray()));
            else if (NumericConversion.Kind(h5.Guard(childPath, () => dataset.Type)) is not null)
                columns.Add(DoubleColumn.Own(name, h5.ReadDoubles(dataset, childPath)));
            else
                warnings.Add($"{h5.Path}: {childPath} holds {type} values; skipped");
        }
        rows = Math.Max(rows, 0);
        return columns;
    }

    private SpikeBinningOptions Window(TrialTable? trials, double sessionEndSeconds)
    {
        if (options.Binning is { } given) return given;
        if (trials is null)
            return new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = (Math.Floor(sessionEndSeconds * 1000 / DefaultBinMs) + 1) * DefaultBinMs, BinMs = DefaultBinMs };
        double shortest = trials.DurationSeconds.Where(d => d > 0).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(shortest))
            throw h5.Fail(trials.Path, "has no positive stop_time − alignment durations; give RecordingReadOptions.Binning (window and bin width)");
        double end = Math.Floor(shortest * 1000 / DefaultBinMs + 1e-6) * DefaultBinMs; // 0.8 s → 80 bins despite 0.8·1000/10 = 79.999…
        return new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = Math.Max(end, DefaultBinMs), BinMs = DefaultBinMs };
    }

    // ------------------------------------------------------------------ units table

    private Recording ReadUnits(TrialTable? trials)
    {
        var group = (IH5Group)h5.TryGet("units")!;
        if (h5.TryGet("units/spike_times") is not IH5Dataset timesSet)
            throw h5.Fail("/units", "has no spike_times column");
        var spikeTimes = h5.ReadDoubles(timesSet, "/units/spike_times");
        double[] ends;
        if (h5.TryGet("units/spike_times_index") is IH5Dataset indexSet) ends = h5.ReadDoubles(indexSet, "/units/spike_times_index");
        else
        {
            warnings.Add($"{h5.Path}: /units has no spike_times_index; all spike times are taken as one unit");
            ends = [spikeTimes.Length];
        }
        int unitCount = ends.Length;
        if (unitCount == 0) throw h5.Fail("/units", "the units table has no units");
        var trains = new double[unitCount][];
        long previous = 0;
        for (int u = 0; u < unitCount; u++)
        {
            double end = ends[u];
            if (!(end >= previous && end <= spikeTimes.Length) || end != Math.Floor(end))
                throw h5.Fail("/units/spike_times_index", $"entry {u} = {end} is not a cumulative end offset in {previous} … {spikeTimes.Length}");
            trains[u] = new double[(long)end - previous];
            for (long i = previous; i < (long)end; i++) trains[u][i - previous] = spikeTimes[i] * 1000;
            previous = (long)end;
        }
        if (spikeTimes.Length == 0) warnings.Add($"{h5.Path}: /units/spike_times is empty; every count is 0");

        var columns = ReadTableColumns(group, "/units", out _, "spike_times", "electrodes", "waveform_mean", "waveform_sd", "obs_intervals");
        columns.RemoveAll(c => c.Length != unitCount);
        string[] ids;
        if (h5.TryGet("units/id") is IH5Dataset idSet) ids = h5.ReadDoubles(idSet, "/units/id").Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        else
        {
            warnings.Add($"{h5.Path}: /units has no id column; units are numbered 0 … {unitCount - 1}");
            ids = Enumerable.Range(0, unitCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        if (ids.Length != unitCount) throw h5.Fail("/units/id", $"has {ids.Length} entries but spike_times_index has {unitCount}");
        // The NWB id becomes the 'unit' column unless the table has its own 'unit' column (then it is kept as 'id').
        columns.Insert(0, StringColumn.Own(columns.Any(c => c.Name == "unit") ? "id" : "unit", ids.Select(i => (string?)i).ToArray()));
        columns.AddRange(Electrodes(unitCount));
        var units = new ColumnTable(unitCount, columns);

        double sessionEnd = spikeTimes.Length == 0 ? 0 : spikeTimes.Max();
        var window = Window(trials, sessionEnd);
        var onsets = trials?.AlignSeconds.Select(s => s * 1000).ToArray() ?? [0.0];
        var trialTable = trials?.Table ?? Recording.DefaultTrials(1);
        return SpikeBinner.Bin(trains, onsets, window, trialTable, units);
    }

    /// <summary>The electrode of each unit (first region entry) and, from the electrodes table, its location and group.</summary>
    private IEnumerable<TableColumn> Electrodes(int unitCount)
    {
        if (h5.TryGet("units/electrodes") is not IH5Dataset region) return [];
        var values = h5.ReadDoubles(region, "/units/electrodes");
        double[] first = new double[unitCount];
        if (h5.TryGet("units/electrodes_index") is IH5Dataset index)
        {
            var ends = h5.ReadDoubles(index, "/units/electrodes_index");
            if (ends.Length != unitCount) throw h5.Fail("/units/electrodes_index", $"has {ends.Length} entries for {unitCount} units");
            for (int u = 0; u < unitCount; u++)
            {
                long start = u == 0 ? 0 : (long)ends[u - 1];
                first[u] = start < (long)ends[u] && start < values.Length ? values[start] : double.NaN;
            }
        }
        else if (values.Length == unitCount) first = values;
        else throw h5.Fail("/units/electrodes", $"has {values.Length} entries for {unitCount} units and no electrodes_index");
        var result = new List<TableColumn> { DoubleColumn.Own("electrode", first) };
        const string tablePath = "general/extracellular_ephys/electrodes";
        if (h5.TryGet(tablePath) is not IH5Group table)
        {
            warnings.Add($"{h5.Path}: /units has an electrodes column but the file has no /{tablePath} table; only electrode indices are kept");
            return result;
        }
        var electrodeColumns = ReadTableColumns(table, "/" + tablePath, out int rows);
        foreach (var name in new[] { "location", "group_name" })
        {
            if (electrodeColumns.FirstOrDefault(c => c.Name == name) is not StringColumn column) continue;
            result.Add(StringColumn.Own("electrode_" + name, first.Select(e => e >= 0 && e < rows && e == Math.Floor(e) ? column[(int)e] : null).ToArray()));
        }
        if (first.Any(e => !double.IsNaN(e) && !(e >= 0 && e < rows)))
            warnings.Add($"{h5.Path}: /units/electrodes points outside the {rows} rows of /{tablePath}");
        return result;
    }

    // ------------------------------------------------------------------ time series

    private Recording ReadSeries(string path, TrialTable? trials)
    {
        if (h5.TryGet(path) is not IH5Group group)
            throw h5.Fail("/" + path, $"no such TimeSeries (series in the file: {string.Join(", ", FindSeries(h5).Select(s => "/" + s.Path))})");
        if (h5.TryGet(path + "/data") is not IH5Dataset dataSet) throw h5.Fail("/" + path, "has no data dataset");
        var dims = h5.Dimensions(dataSet, "/" + path + "/data");
        if (dims.Length is 0 or > 2) throw h5.Fail("/" + path + "/data", $"has {dims.Length} dimensions; a TimeSeries read as a recording needs time × channels (1-D or 2-D)");
        int samples = (int)dims[0], channels = dims.Length == 2 ? (int)dims[1] : 1;
        if (samples == 0) throw h5.Fail("/" + path + "/data", "has no samples");
        var values = h5.ReadDoubles(dataSet, "/" + path + "/data");
        double conversion = h5.NumberAttribute(dataSet, "/" + path + "/data", "conversion") is [var c, ..] ? c : 1;
        double offset = h5.NumberAttribute(dataSet, "/" + path + "/data", "offset") is [var o, ..] ? o : 0;
        if (conversion != 1 || offset != 0)
            for (int i = 0; i < values.Length; i++) values[i] = values[i] * conversion + offset;
        string unit = h5.StringAttribute(dataSet, "/" + path + "/data", "unit") ?? "";

        var times = new double[samples];
        if (h5.TryGet(path + "/timestamps") is IH5Dataset stampsSet)
        {
            var stamps = h5.ReadDoubles(stampsSet, "/" + path + "/timestamps");
            if (stamps.Length != samples) throw h5.Fail("/" + path + "/timestamps", $"has {stamps.Length} entries but data has {samples} samples");
            for (int i = 0; i < samples; i++) times[i] = stamps[i] * 1000;
        }
        else if (h5.TryGet(path + "/starting_time") is IH5Dataset startSet)
        {
            double start = h5.ReadDoubles(startSet, "/" + path + "/starting_time") is [var s, ..] ? s : 0;
            double rate = h5.NumberAttribute(startSet, "/" + path + "/starting_time", "rate") is [var r, ..] ? r : double.NaN;
            if (!(rate > 0)) throw h5.Fail("/" + path + "/starting_time", "has no positive 'rate' attribute (samples per second)");
            for (int i = 0; i < samples; i++) times[i] = (start + i / rate) * 1000;
        }
        else throw h5.Fail("/" + path, "has neither timestamps nor starting_time; the samples have no times");

        var units = new ColumnTable(channels, new TableColumn[]
        {
            StringColumn.Own("unit", Enumerable.Range(0, channels).Select(i => (string?)("ch" + i.ToString(CultureInfo.InvariantCulture))).ToArray()),
        });
        if (!string.IsNullOrEmpty(unit)) warnings.Add($"{h5.Path}: /{path} values are in '{unit}' (NWB 'unit' attribute, after 'conversion')");
        var kind = options.ValueKind ?? RecordingValueKind.Other;
        if (trials is null && options.Binning is null)
        {
            // Continuous: the samples themselves, one trial.
            var data = new double[channels * samples];
            for (int t = 0; t < samples; t++)
                for (int ch = 0; ch < channels; ch++) data[ch * samples + t] = values[t * channels + ch];
            try
            {
                return Recording.FromOwned(data, times, Recording.DefaultTrials(1), units, kind, path);
            }
            catch (ArgumentException e)
            {
                throw h5.Fail("/" + path + "/timestamps", e.Message, e);
            }
        }
        // Binned around each trial's alignment: mean of the samples in each bin (NaN where a bin has none).
        var window = Window(trials, times[^1] / 1000);
        var onsets = trials?.AlignSeconds.Select(s => s * 1000).ToArray() ?? [0.0];
        int K = onsets.Length, T = window.BinCount;
        if ((long)channels * T * K > Array.MaxLength) throw h5.Fail("/" + path, $"{channels} channels × {T} bins × {K} trials is too large");
        var sum = new double[channels * T * K];
        var count = new int[T * K];
        for (int k = 0; k < K; k++)
        {
            double from = onsets[k] + window.WindowStartMs, to = from + T * window.BinMs;
            int i = SpikeBinner.LowerBound(times, from);
            for (; i < samples && times[i] < to; i++)
            {
                int bin = (int)Math.Floor((times[i] - from) / window.BinMs);
                if ((uint)bin >= (uint)T) continue;
                count[bin * K + k]++;
                for (int ch = 0; ch < channels; ch++) sum[(ch * T + bin) * K + k] += values[i * channels + ch];
            }
        }
        int empty = 0;
        for (int ch = 0; ch < channels; ch++)
            for (int j = 0; j < T * K; j++)
            {
                int n = count[j];
                if (n == 0 && ch == 0) empty++;
                sum[ch * T * K + j] = n > 0 ? sum[ch * T * K + j] / n : double.NaN;
            }
        if (empty > 0) warnings.Add($"{h5.Path}: /{path}: {empty} of {T * K} bins hold no sample (missing values)");
        var binTimes = Enumerable.Range(0, T).Select(t => window.WindowStartMs + (t + 0.5) * window.BinMs).ToArray();
        return Recording.FromOwned(sum, binTimes, trials?.Table ?? Recording.DefaultTrials(1), units, kind, path, window.BinMs);
    }
}
