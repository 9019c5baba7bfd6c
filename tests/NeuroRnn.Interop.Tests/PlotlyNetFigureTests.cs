using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Interactive;
using NeuroRnn.Interop.PlotlyNet;
using Newtonsoft.Json.Linq;
using Plotly.NET;
using Figure = NeuroRnn.Charts.Figure;

namespace NeuroRnn.Interop.Tests;

public class PlotlyNetFigureTests
{
    private static Figure TuningFigure()
    {
        var curves = TuningCurves.Compute(SampleData.V1Gratings(), new TuningCurveOptions { WindowStartMs = 0, WindowEndMs = 900 });
        return TuningChart.FromCurves(curves.Take(3).ToArray(), title: "Recorded tuning <i>curves</i>");
    }

    [Fact]
    public void A_neurornn_figure_becomes_a_plotly_net_chart_with_the_same_plotly_json()
    {
        var figure = TuningFigure();
        var chart = figure.ToGenericChart();

        var expected = Normalized(JObject.Parse(figure.ToJson()));
        var actual = Normalized(JObject.Parse(GenericChart.toJson(chart)));
        Assert.Equal(expected["data"]!.Count(), GenericChart.getTraces(chart).Count());
        foreach (var part in new[] { "data", "layout", "config" })
            Assert.True(JToken.DeepEquals(expected[part], actual[part]), $"{part} differs:\nNeuroRnn:   {Clip(expected[part])}\nPlotly.NET: {Clip(actual[part])}");
    }

    [Fact]
    public void The_member_json_used_where_plotly_nets_globals_cannot_start_equals_plotly_nets_own_json()
    {
        // Under .NET Interactive, GenericChart.toJson fails (Plotly.NET's Giraffe.ViewEngine binds to the host's older
        // FSharp.Core) and the formatters write the JSON from the chart's members: it must say the same to plotly.js.
        var chart = TuningFigure().ToGenericChart();
        var styled = GenericChart.setLayout(GenericChart.getLayout(chart), chart);
        foreach (var shown in new[] { chart, styled })
        {
            var own = Normalized(JObject.Parse(GenericChart.toJson(shown)));
            var members = Normalized(JObject.Parse(PlotlyNetFormatting.MemberJson(shown)));
            foreach (var part in new[] { "data", "layout", "config" })
                Assert.True(JToken.DeepEquals(own[part], members[part]), $"{part} differs:\nPlotly.NET: {Clip(own[part])}\nmembers:    {Clip(members[part])}");
        }
    }

    private static string Clip(JToken? token)
    {
        var text = token?.ToString(Newtonsoft.Json.Formatting.None) ?? "(missing)";
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }

    /// <summary>Integers as doubles: 30 and 30.0 are the same number to plotly.js (Plotly.NET writes number arrays as doubles).</summary>
    private static JObject Normalized(JObject json)
    {
        foreach (var value in json.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.Integer).ToList())
            value.Replace(new JValue(value.Value<double>()));
        return json;
    }

    [Fact]
    public void The_chart_can_be_styled_further_with_plotly_net()
    {
        var chart = TuningFigure().ToGenericChart();
        var styled = GenericChart.setLayout(GenericChart.getLayout(chart), chart); // Plotly.NET's own functions apply
        var layout = GenericChart.getLayout(styled);
        var title = layout.TryGetPropertyValue("title");
        Assert.NotNull(title);
        Assert.Equal("Recorded tuning <i>curves</i>", ((DynamicObj.DynamicObj)title.Value).TryGetPropertyValue("text").Value);
        var first = GenericChart.getTraces(styled).First();
        Assert.Equal("scatter", first.TryGetPropertyValue("type").Value);
        Assert.IsType<double[]>(first.TryGetPropertyValue("x").Value);
        Assert.StartsWith("Plotly.NET chart \"Recorded tuning <i>curves</i>\": ", PlotlyNetFormatting.Summary(styled));
    }

    [Fact]
    public void Chart_html_draws_offline_and_escapes_script_ends()
    {
        NotebookOutput.ResetPlotlyEmbedding();
        var chart = TuningFigure().WithTitle("</script><script>alert(1)</script>").ToGenericChart();
        var first = PlotlyNetFormatting.Html(chart);
        var second = PlotlyNetFormatting.Html(chart);
        Assert.Contains("if (!window.Plotly)", first);           // carries plotly.js
        Assert.True(first.Length > 1_000_000, $"first chart HTML is {first.Length} chars; the embedded plotly.js is missing");
        Assert.DoesNotContain("if (!window.Plotly)", second);    // later charts use it
        Assert.True(second.Length < 100_000);
        Assert.DoesNotContain("src=\"https://cdn.plot.ly", first);
        Assert.DoesNotContain("script.src", first);
        Assert.DoesNotContain("cdn.plot.ly", second);
        Assert.DoesNotContain("</script><script>alert", second);
        Assert.Contains("\\u003c/script>\\u003cscript>alert(1)", second);
        NotebookOutput.ResetPlotlyEmbedding();
    }

    [Fact]
    public void Bad_figure_json_is_refused_and_does_not_use_up_the_library()
    {
        NotebookOutput.ResetPlotlyEmbedding();
        var e = Assert.Throws<ArgumentException>(() => NotebookOutput.Html("{\"layout\": {}}"));
        Assert.Equal("figureJson", e.ParamName);
        Assert.Contains("\"data\" array", e.Message);
        Assert.Throws<ArgumentException>(() => NotebookOutput.Html("not json"));
        Assert.False(NotebookOutput.PlotlyEmbedded);
        Assert.Contains("if (!window.Plotly)", NotebookOutput.Html("{\"data\": [], \"layout\": {\"height\": 300}}"));
        NotebookOutput.ResetPlotlyEmbedding();
    }
}
