using System.Text.Json;
using NeuroRnn.Interactive;
using NeuroRnn.Sweeps;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The notebook adapter from a gathered sweep to the chart builder and an HTML table.</summary>
public class SweepAdapterTests
{
    /// <summary>A job whose metric is known: y = x² + seed/10.</summary>
    private sealed class SquareKind : ISweepJob
    {
        public string Name => "adapter-square";
        public string Description => "x² plus a seed offset";
        public IReadOnlyList<SweepParameter> Parameters { get; } =
        [
            new("x", SweepParameterType.Number, null, "x") { Required = true },
            new("shift", SweepParameterType.Number, SweepValue.Number(0), "added to y"),
        ];
        public SweepJobOutcome Run(SweepJobContext c) =>
            new(new Dictionary<string, double> { ["y"] = c.Number("x") * c.Number("x") + c.Number("shift") + c.Run.Seed / 10.0 }, 1);
    }

    [Fact]
    public void A_gathered_sweep_becomes_a_metric_chart_with_seed_intervals_and_an_html_table()
    {
        SweepJobs.Register(new SquareKind());
        string dir = CliRunner.TempFolder("sweep-adapter");
        var spec = SweepSpecJson.Parse("""{ "name": "sq", "kind": "adapter-square", "grid": { "x": [1, 2, 3], "shift": [0, 10] }, "seeds": [1, 2, 3], "output": "o" }""", dir);
        var status = LocalSweepRunner.Run(spec);
        Assert.True(status.AllCompleted, status.ToString());
        var table = SweepTable.Gather(spec);

        var figure = SweepChart.Metric(table, "y", x: "x", series: "shift");
        using var doc = JsonDocument.Parse(figure.ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(4, data.GetArrayLength()); // two series, each with its single runs
        Assert.Equal("shift=0", data[0].GetProperty("name").GetString());
        Assert.Equal("shift=10", data[2].GetProperty("name").GetString());
        // Mean over seeds 1, 2, 3 at x = 2, shift = 10: 4 + 10 + 0.2; the t-interval half-width t(0.975, 2)·0.1/√3.
        Assert.Equal(14.2, data[2].GetProperty("y")[1].GetDouble(), 10);
        double half = 4.302652729911275 * 0.1 / Math.Sqrt(3);
        Assert.Equal(half, data[2].GetProperty("error_y").GetProperty("array")[1].GetDouble(), 9);
        Assert.Equal(9, data[1].GetProperty("y").GetArrayLength());

        Assert.Contains("also vary", Assert.Throws<ArgumentException>(() => SweepChart.Metric(table, "y", x: "x")).Message);
        Assert.Contains("no metric \"z\"", Assert.Throws<ArgumentException>(() => SweepChart.Metric(table, "z", x: "x", series: "shift")).Message);

        string html = SweepChart.Html(table);
        Assert.Contains("sq: 18 runs: 18 completed", html);
        Assert.Equal(18 + 1, html.Split("<tr>").Length - 1);
    }
}
