using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroRnn.Data;

namespace NeuroRnn.Sweeps;

/// <summary>
/// All runs of a sweep in one table — one row per run with its index, id, state, seed, the spec's parameters, the
/// metrics of completed runs (NaN otherwise), iterations, timings and errors — as a <see cref="ColumnTable"/> (no
/// recording involved), so charts and data-frame interop take it as it is. Gathered at any time: while a sweep runs the
/// table is partial.
/// </summary>
public sealed class SweepTable
{
    private SweepTable(ColumnTable table, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, SweepStatus status)
    {
        Table = table;
        ParameterColumns = parameters;
        MetricColumns = metrics;
        Status = status;
    }

    /// <summary>The table: <c>index, id, state, seed</c>, the parameters, the metrics, <c>iterations_done, seconds, attempts, host, error, log</c>.</summary>
    public ColumnTable Table { get; }

    /// <summary>Names of the parameter columns (the spec's swept and fixed parameters).</summary>
    public IReadOnlyList<string> ParameterColumns { get; }

    /// <summary>The parameter columns whose value differs between runs (the swept ones; fixed values are constant).</summary>
    public IReadOnlyList<string> SweptColumns => ParameterColumns
        .Where(p => Enumerable.Range(0, Table.RowCount).Select(i => Table[p].FormatValue(i)).Distinct().Count() > 1).ToArray();

    /// <summary>Names of the metric columns (the union over completed runs).</summary>
    public IReadOnlyList<string> MetricColumns { get; }

    /// <summary>The status the table was gathered from.</summary>
    public SweepStatus Status { get; }

    /// <summary>Gathers the table of <paramref name="status"/> (e.g. <see cref="SweepStatus.Read"/> or <see cref="SlurmSweepRunner.Status"/>).</summary>
    public static SweepTable Gather(SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var runs = status.Runs;
        var summaries = runs.Select(r => r.State == SweepRunState.Completed ? ReadMetrics(r.Run.Folder) : null).ToArray();
        var parameterNames = runs.SelectMany(r => r.Run.Setting.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var metricNames = summaries.Where(s => s is not null).SelectMany(s => s!.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var reserved = new HashSet<string>(["index", "id", "state", "seed", "iterations_done", "seconds", "attempts", "host", "error", "log", .. parameterNames], StringComparer.Ordinal);
        var clash = metricNames.FirstOrDefault(reserved.Contains);
        if (clash is not null) throw new InvalidDataException($"Metric \"{clash}\" of sweep {status.Spec.Name} has the name of a parameter or table column; rename it in the job kind.");
        var columns = new List<TableColumn>
        {
            new DoubleColumn("index", runs.Select(r => (double)r.Run.Index)),
            new StringColumn("id", runs.Select(r => r.Run.Id)),
            new StringColumn("state", runs.Select(r => r.State.ToString().ToLowerInvariant())),
            new DoubleColumn("seed", runs.Select(r => (double)r.Run.Seed)),
        };
        foreach (var name in parameterNames)
        {
            var values = runs.Select(r => r.Run.Setting.TryGetValue(name, out var v) ? v : null).ToArray();
            columns.Add(values.All(v => v is null || v.Kind == SweepValueKind.Number)
                ? new DoubleColumn(name, values.Select(v => v?.AsDouble() ?? double.NaN))
                : new StringColumn(name, values.Select(v => v?.Text)));
        }
        foreach (var name in metricNames)
            columns.Add(new DoubleColumn(name, summaries.Select(s => s is not null && s.TryGetValue(name, out double v) ? v : double.NaN)));
        columns.Add(new DoubleColumn("iterations_done", runs.Select(r => (double?)r.Record?.Iterations ?? double.NaN)));
        columns.Add(new DoubleColumn("seconds", runs.Select(r => r.Record is { } rec && rec.State != SweepRunState.Running ? rec.TotalSeconds : double.NaN)));
        columns.Add(new DoubleColumn("attempts", runs.Select(r => (double)(r.Record?.Attempts ?? 0))));
        columns.Add(new StringColumn("host", runs.Select(r => r.Record?.Host)));
        columns.Add(new StringColumn("error", runs.Select(r => r.State == SweepRunState.Failed ? r.Record?.Error : null)));
        columns.Add(new StringColumn("log", runs.Select(r => r.LogPath)));
        return new SweepTable(new ColumnTable(runs.Count, columns), parameterNames, metricNames, status);
    }

    /// <summary>Gathers the table of <paramref name="spec"/> from its run folders (no scheduler queried).</summary>
    public static SweepTable Gather(SweepSpec spec) => Gather(SweepStatus.Read(spec));

    /// <summary>
    /// Mean and confidence interval of <paramref name="metric"/> over the seeds of each setting (completed runs only).
    /// </summary>
    /// <exception cref="ArgumentException">No such metric column.</exception>
    public SweepSummary Summarize(string metric, double level = 0.95) => SweepSummary.Of(this, metric, level);

    /// <summary>The table as CSV (invariant culture; NaN as empty).</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Table.ColumnNames.Select(Csv)));
        for (int i = 0; i < Table.RowCount; i++)
            text.AppendLine(string.Join(',', Table.Columns.Select(c => Csv(Cell(c, i)))));
        return text.ToString();
    }

    /// <summary>Columns without per-run paths, for display: index, state, seed, parameters, metrics, iterations, seconds.</summary>
    public IReadOnlyList<string> DisplayColumns =>
        ["index", "state", "seed", .. SweptColumns, .. MetricColumns, "iterations_done", "seconds"];

    /// <summary>The text of cell (<paramref name="column"/>, <paramref name="row"/>) as shown in tables.</summary>
    public static string Cell(TableColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column switch
        {
            DoubleColumn d => double.IsNaN(d[row]) ? "" : d[row].ToString("G6", CultureInfo.InvariantCulture),
            _ => column.FormatValue(row),
        };
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static Dictionary<string, double>? ReadMetrics(string folder)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, SweepRunFiles.Summary)));
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (doc.RootElement.TryGetProperty("metrics", out var m))
                foreach (var p in m.EnumerateObject()) metrics[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : double.NaN;
            return metrics;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
