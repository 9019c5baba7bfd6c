using System.Text.Json;

namespace NeuroRnn.Charts.Tests;

public class SweepMetricChartTests
{
    [Fact]
    public void Means_get_asymmetric_interval_bars_and_single_runs_faint_markers()
    {
        var figure = NeuroCharts.SweepMetric([50, 100, 200], [[0.5, 0.6, 0.7], [0.4, double.NaN, 0.8]], new SweepMetricOptions
        {
            SeriesNames = ["free", "Dale"],
            Low = [[0.4, 0.55, 0.6], [0.3, double.NaN, 0.8]],
            High = [[0.7, 0.62, 0.75], [0.45, double.NaN, 0.8]],
            PointX = [[50, 50, 100], [200]],
            PointY = [[0.45, 0.55, 0.6], [0.8]],
            XTitle = "units",
            YTitle = "R²",
            LogX = true,
        });
        using var doc = JsonDocument.Parse(figure.ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(4, data.GetArrayLength());
        var free = data[0];
        Assert.Equal("free", free.GetProperty("name").GetString());
        Assert.Equal("lines+markers", free.GetProperty("mode").GetString());
        var bars = free.GetProperty("error_y");
        Assert.Equal(0.2, bars.GetProperty("array")[0].GetDouble(), 12);       // 0.7 − 0.5 up
        Assert.Equal(0.1, bars.GetProperty("arrayminus")[0].GetDouble(), 12);  // 0.5 − 0.4 down
        var runs = data[1];
        Assert.Equal("markers", runs.GetProperty("mode").GetString());
        Assert.False(runs.GetProperty("showlegend").GetBoolean());
        Assert.Equal(3, runs.GetProperty("y").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data[2].GetProperty("y")[1].ValueKind); // a setting without finished runs is a gap
        Assert.Equal("log", doc.RootElement.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Inconsistent_inputs_are_rejected_naming_the_argument()
    {
        Assert.Contains("mean", Assert.Throws<ArgumentException>(() => NeuroCharts.SweepMetric([1, 2], [[1.0]])).Message);
        Assert.Equal("Low", Assert.Throws<ArgumentException>(() => NeuroCharts.SweepMetric([1], [[1.0]], new SweepMetricOptions { Low = [[0.5]] })).ParamName);
        var outside = Assert.Throws<ArgumentException>(() => NeuroCharts.SweepMetric([1], [[1.0]], new SweepMetricOptions { Low = [[1.5]], High = [[2.0]] }));
        Assert.Contains("does not contain its mean", outside.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuroCharts.SweepMetric([0, 1], [[1.0, 2]], new SweepMetricOptions { LogX = true }));
        Assert.Equal("PointX", Assert.Throws<ArgumentException>(() => NeuroCharts.SweepMetric([1], [[1.0]], new SweepMetricOptions { PointX = [[1, 2]], PointY = [[1.0]] })).ParamName);
    }
}
