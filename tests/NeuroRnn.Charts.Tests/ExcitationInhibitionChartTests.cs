using System.Text.Json;
using NeuroRnn.Charts;

namespace NeuroRnn.Charts.Tests;

public class ExcitationInhibitionChartTests
{
    [Fact]
    public void TheTimeCourseDrawsExcitationInhibitionAndNetOnTheTimeAxis()
    {
        var figure = NeuroCharts.ExcitationInhibitionCurrents([0, 10, 20], [1, 2, 3], [-1, -1.5, -2.5], [0, 0.5, 0.5]);
        using var doc = JsonDocument.Parse(figure.ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(["excitatory", "inhibitory", "net"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(-1.5, data[1].GetProperty("y")[1].GetDouble());
        Assert.Equal(20, data[2].GetProperty("x")[2].GetDouble());
    }

    [Fact]
    public void TheBalanceScatterPlotsInhibitionAgainstExcitationPerGroup()
    {
        var figure = NeuroCharts.ExcitationInhibitionBalance([1, 2, 3], [0.9, 2.2, 2.5], [0, 0, 1],
            new ExcitationInhibitionOptions { GroupNames = ["E units", "I units"] });
        using var doc = JsonDocument.Parse(figure.ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength()); // two groups and the identity line
        Assert.Equal("E units", data[0].GetProperty("name").GetString());
        Assert.Equal(2.2, data[0].GetProperty("x")[1].GetDouble());
        Assert.Equal(2, data[0].GetProperty("y")[1].GetDouble());
    }

    [Fact]
    public void MismatchedLengthsNameTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => NeuroCharts.ExcitationInhibitionCurrents([0, 10], [1, 2], [-1], [0, 0]));
        Assert.Equal("inhibitory", e.ParamName);
    }
}
