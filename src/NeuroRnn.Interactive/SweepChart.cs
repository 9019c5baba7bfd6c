using System.Globalization;
using System.Net;
using System.Text;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Sweeps;

namespace NeuroRnn.Interactive;

/// <summary>Charts and an HTML table of a gathered parameter sweep (<see cref="SweepTable"/>), for notebooks.</summary>
public static class SweepChart
{
    /// <summary>
    /// <paramref name="metric"/> against the swept parameter <paramref name="x"/>: the mean over seeds with its
    /// <paramref name="level"/> t-interval, every single run as a faint marker, and one series per value of
    /// <paramref name="series"/> (if given). Every other parameter must be constant, so that each point is one setting.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown metric or parameter, a non-numeric x, or another parameter that varies.</exception>
    public static Figure Metric(SweepTable table, string metric, string x, string? series = null, double level = 0.95, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(x);
        if (!table.ParameterColumns.Contains(x)) throw new ArgumentException($"The sweep has no parameter \"{x}\"; its parameters: {string.Join(", ", table.ParameterColumns)}.", nameof(x));
        if (table.Table[x] is not DoubleColumn) throw new ArgumentException($"Parameter \"{x}\" is not numeric; pass it as series instead.", nameof(x));
        if (series is not null && !table.ParameterColumns.Contains(series)) throw new ArgumentException($"The sweep has no parameter \"{series}\".", nameof(series));
        var others = table.SweptColumns.Where(p => p != x && p != series).ToArray();
        if (others.Length > 0) throw new ArgumentException($"Parameter(s) {string.Join(", ", others)} also vary; pass one as series.", nameof(series));
        var summary = table.Summarize(metric, level);

        double XOf(IReadOnlyDictionary<string, SweepValue> setting) => setting[x].AsDouble() ?? double.NaN;
        string SeriesOf(IReadOnlyDictionary<string, SweepValue> setting) => series is null ? metric : $"{series}={setting[series].Text}";
        var xs = summary.Rows.Select(r => XOf(r.Setting)).Distinct().Order().ToArray();
        var names = summary.Rows.Select(r => SeriesOf(r.Setting)).Distinct().ToArray();
        double[][] Grid() => names.Select(_ => Enumerable.Repeat(double.NaN, xs.Length).ToArray()).ToArray();
        double[][] mean = Grid(), low = Grid(), high = Grid();
        foreach (var row in summary.Rows)
        {
            int s = Array.IndexOf(names, SeriesOf(row.Setting)), i = Array.IndexOf(xs, XOf(row.Setting));
            mean[s][i] = row.Mean;
            low[s][i] = double.IsNaN(row.Low) ? row.Mean : row.Low;
            high[s][i] = double.IsNaN(row.High) ? row.Mean : row.High;
        }
        var values = table.Table.GetDoubles(metric);
        var pointX = names.Select(_ => new List<double>()).ToArray();
        var pointY = names.Select(_ => new List<double>()).ToArray();
        foreach (var (run, i) in table.Status.Runs.Select((r, i) => (r, i)))
        {
            if (run.State != SweepRunState.Completed || !double.IsFinite(values[i])) continue;
            int s = Array.IndexOf(names, SeriesOf(run.Run.Setting));
            pointX[s].Add(XOf(run.Run.Setting));
            pointY[s].Add(values[i]);
        }
        return NeuroCharts.SweepMetric(xs, mean, new SweepMetricOptions
        {
            Title = title ?? $"{table.Status.Spec.Name}: {metric} (mean, {level.ToString("P0", CultureInfo.InvariantCulture)} interval over seeds)",
            XTitle = x,
            YTitle = metric,
            SeriesNames = names,
            Low = low,
            High = high,
            PointX = pointX,
            PointY = pointY,
        });
    }

    /// <summary>The table's display columns as an HTML table (state coloured), with the sweep's status as caption.</summary>
    public static string Html(SweepTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.DisplayColumns;
        var html = new StringBuilder("<table class=\"neurornn-sweep\" style=\"font-family:monospace;border-collapse:collapse\">");
        html.Append("<caption style=\"text-align:left\">").Append(WebUtility.HtmlEncode($"{table.Status.Spec.Name}: {table.Status}")).Append("</caption><tr>");
        foreach (var c in columns) html.Append("<th style=\"padding:2px 8px;text-align:right\">").Append(WebUtility.HtmlEncode(c)).Append("</th>");
        html.Append("</tr>");
        for (int row = 0; row < table.Table.RowCount; row++)
        {
            html.Append("<tr>");
            foreach (var c in columns)
            {
                string cell = SweepTable.Cell(table.Table[c], row);
                string color = c != "state" ? "" : cell switch { "completed" => "color:#2a7d2a;", "failed" => "color:#c0392b;", "running" => "color:#b58900;", "interrupted" => "color:#d35400;", _ => "color:#888;" };
                html.Append("<td style=\"padding:2px 8px;text-align:right;").Append(color).Append("\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }
}
