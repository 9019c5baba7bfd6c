using System.Text.RegularExpressions;

namespace NeuroRnn.Charts.Tests;

public class HtmlTests
{
    private static readonly Figure Small = Figure.Of(ScatterTrace.LineOf(new[] { 0.0, 1 }, new[] { 1.0, 2 }, "a")).WithTitle("small");

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [Fact]
    public void Fragment_is_a_div_and_a_script_drawing_into_it()
    {
        var html = Small.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded });
        var id = Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("neurornn-plot-", id);
        Assert.Contains($"window.Plotly.newPlot(\"{id}\", figure.data, figure.layout, figure.config)", html);
        Assert.Contains("if (window.Plotly) { draw(); return; }", html);
        Assert.Equal(1, Count(html, "<div"));
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain(PlotlyJs.CdnUrl, html);
        Assert.True(html.Length < 4000);
    }

    [Fact]
    public void Each_fragment_gets_a_unique_div_id_unless_one_is_given()
    {
        var a = Small.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded });
        var b = Small.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded });
        string Id(string h) => Regex.Match(h, "<div id=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual(Id(a), Id(b));
        Assert.Equal("my-plot", Id(Small.ToHtml(new HtmlOptions { DivId = "my-plot", PlotlyJs = PlotlyJsMode.AlreadyLoaded })));
    }

    [Fact]
    public void Embedded_fragment_inlines_plotly_once_behind_a_guard()
    {
        var html = Small.ToHtml();
        Assert.Contains("if (!window.Plotly) {", html);
        Assert.Equal(1, Count(html, "plotly.js v" + PlotlyJs.Version));
        Assert.True(html.Length > 3_000_000);
        Assert.DoesNotContain(PlotlyJs.CdnUrl, html);
        // The library script must come before the drawing script.
        Assert.True(html.IndexOf("plotly.js v", StringComparison.Ordinal) < html.IndexOf("newPlot(\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Cdn_fragment_loads_the_pinned_version_once_per_page()
    {
        var html = Small.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Cdn });
        Assert.Contains($"script.src = \"https://cdn.plot.ly/plotly-{PlotlyJs.Version}.min.js\"", html);
        Assert.Contains("window.__neurornnPlotlyLoading", html);
        Assert.True(html.Length < 6000);
    }

    [Fact]
    public void Standalone_page_has_the_library_once_in_the_head_and_every_figure()
    {
        var page = new HtmlPage { Title = "T <&>", Figures = [Small, Small], Headings = ["one", "two"] }.ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<title>T &lt;&amp;&gt;</title>", page);
        Assert.Equal(1, Count(page, "plotly.js v" + PlotlyJs.Version));
        Assert.True(page.IndexOf("plotly.js v", StringComparison.Ordinal) < page.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Equal(2, Count(page, "class=\"neurornn-plot\""));
        Assert.Contains("<div id=\"plot-1\"", page);
        Assert.Contains("<div id=\"plot-2\"", page);

        var cdn = new HtmlPage { Figures = [Small] }.ToHtml(PlotlyJsMode.Cdn);
        Assert.Contains($"<script type=\"text/javascript\" charset=\"utf-8\" src=\"{PlotlyJs.CdnUrl}\"></script>", cdn);
        Assert.DoesNotContain("plotly.js v", cdn);
    }

    [Fact]
    public void SaveHtml_writes_a_standalone_page()
    {
        var path = Path.Combine(TestPaths.OutputDirectory("html"), "save-html.html");
        Small.SaveHtml(path, PlotlyJsMode.Cdn);
        var text = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", text);
        Assert.Contains("<title>small</title>", text);
    }

    [Fact]
    public void Html_uses_typed_arrays_for_large_data_by_default()
    {
        var big = Figure.Of(new ScatterGlTrace { X = new double[5000], Y = new double[5000] });
        Assert.Contains("\"bdata\"", big.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded }));
        Assert.DoesNotContain("\"bdata\"", big.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded, BinaryArrays = false }));
    }

    [Fact]
    public void Layout_size_sets_the_div_size()
    {
        var html = Small.WithLayout(l => l.WithSize(640, 480)).ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded });
        Assert.Contains("style=\"width:640px;height:480px;\"", html);
    }
}
