using System.Globalization;
using MathNet.Numerics.Distributions;
using NeuroRnn.Data;

namespace NeuroRnn.Sweeps;

/// <summary>One setting's statistics of a metric over its seeds.</summary>
/// <param name="Setting">The setting's parameter values (without the seed).</param>
/// <param name="N">Completed runs (seeds) contributing.</param>
/// <param name="Mean">Mean over those runs (NaN when none).</param>
/// <param name="StandardDeviation">Sample standard deviation (NaN for fewer than two).</param>
/// <param name="Low">Lower end of the t-interval mean ± t(level, N−1)·sd/√N (NaN for fewer than two).</param>
/// <param name="High">Upper end.</param>
public sealed record SweepSummaryRow(IReadOnlyDictionary<string, SweepValue> Setting, int N, double Mean, double StandardDeviation, double Low, double High);

/// <summary>
/// Mean and confidence interval of one metric over the seeds of each setting of a sweep (settings in sweep order).
/// The interval is Student's t interval of the mean, which assumes roughly normal seed-to-seed variation; with 3–5 seeds
/// it is wide, as it should be.
/// </summary>
public sealed class SweepSummary
{
    private SweepSummary(string metric, double level, IReadOnlyList<string> parameters, IReadOnlyList<string> swept, IReadOnlyList<SweepSummaryRow> rows)
    {
        SweptColumns = swept;
        Metric = metric;
        Level = level;
        ParameterColumns = parameters;
        Rows = rows;
    }

    /// <summary>The metric summarised.</summary>
    public string Metric { get; }

    /// <summary>Confidence level of the intervals (e.g. 0.95).</summary>
    public double Level { get; }

    /// <summary>The parameters that define a setting.</summary>
    public IReadOnlyList<string> ParameterColumns { get; }

    /// <summary>The parameters that differ between settings.</summary>
    public IReadOnlyList<string> SweptColumns { get; }

    /// <summary>One row per setting.</summary>
    public IReadOnlyList<SweepSummaryRow> Rows { get; }

    /// <summary>The summary as a table: the parameters, then <c>n, mean, sd, ci_low, ci_high</c>.</summary>
    public ColumnTable ToTable()
    {
        var columns = new List<TableColumn>();
        foreach (var p in ParameterColumns)
        {
            var values = Rows.Select(r => r.Setting.TryGetValue(p, out var v) ? v : null).ToArray();
            columns.Add(values.All(v => v is null || v.Kind == SweepValueKind.Number)
                ? new DoubleColumn(p, values.Select(v => v?.AsDouble() ?? double.NaN))
                : new StringColumn(p, values.Select(v => v?.Text)));
        }
        columns.Add(new DoubleColumn("n", Rows.Select(r => (double)r.N)));
        columns.Add(new DoubleColumn("mean", Rows.Select(r => r.Mean)));
        columns.Add(new DoubleColumn("sd", Rows.Select(r => r.StandardDeviation)));
        columns.Add(new DoubleColumn("ci_low", Rows.Select(r => r.Low)));
        columns.Add(new DoubleColumn("ci_high", Rows.Select(r => r.High)));
        return new ColumnTable(Rows.Count, columns);
    }

    internal static SweepSummary Of(SweepTable table, string metric, double level)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metric);
        if (!(level > 0 && level < 1)) throw new ArgumentException($"The confidence level must be in (0, 1), got {level}.", nameof(level));
        if (!table.MetricColumns.Contains(metric))
            throw new ArgumentException($"The sweep has no metric \"{metric}\"{(table.MetricColumns.Count == 0 ? " (no run has completed yet)" : $"; its metrics: {string.Join(", ", table.MetricColumns)}")}.", nameof(metric));
        var values = table.Table.GetDoubles(metric);
        var rows = new List<SweepSummaryRow>();
        foreach (var group in table.Status.Runs.Select((r, i) => (r, i)).GroupBy(x => x.r.Run.SettingKey))
        {
            var x = group.Where(g => g.r.State == SweepRunState.Completed && double.IsFinite(values[g.i])).Select(g => values[g.i]).ToArray();
            double mean = x.Length == 0 ? double.NaN : x.Average();
            double sd = x.Length < 2 ? double.NaN : Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            double half = x.Length < 2 ? double.NaN : StudentT.InvCDF(0, 1, x.Length - 1, (1 + level) / 2) * sd / Math.Sqrt(x.Length);
            rows.Add(new SweepSummaryRow(group.First().r.Run.Setting, x.Length, mean, sd, mean - half, mean + half));
        }
        return new SweepSummary(metric, level, table.ParameterColumns, table.SweptColumns, rows);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join('\n', Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(", ", r.Setting.Where(p => SweptColumns.Contains(p.Key)).Select(p => $"{p.Key}={p.Value.Text}"))}: {Metric} {r.Mean:G4} [{r.Low:G4}, {r.High:G4}] (n = {r.N})")));
}
