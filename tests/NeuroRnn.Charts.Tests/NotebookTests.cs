using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace NeuroRnn.Charts.Tests;

/// <summary>Tests that touch the process-wide "plotly.js already embedded" flag run in one collection, one at a time.</summary>
[CollectionDefinition("notebook state", DisableParallelization = true)]
public class NotebookStateCollection;

[Collection("notebook state")]
public class NotebookTests
{
    private static readonly Figure Small = Figure.Of(new BarTrace { X = new[] { "a" }, Y = new[] { 1.0 } });

    private static bool EmbedsLibrary(string html) => html.Contains("plotly.js v" + PlotlyJs.Version, StringComparison.Ordinal);

    [Fact]
    public void Only_the_first_notebook_figure_embeds_plotly_until_reset()
    {
        NotebookOutput.ResetPlotlyEmbedding();
        Assert.False(NotebookOutput.PlotlyEmbedded);
        var first = NotebookOutput.Html(Small);
        var second = NotebookOutput.Html(Small);
        Assert.True(EmbedsLibrary(first));
        Assert.True(NotebookOutput.PlotlyEmbedded);
        Assert.False(EmbedsLibrary(second));
        Assert.Contains("window.__neurornnPlotlyQueue", second);
        NotebookOutput.ResetPlotlyEmbedding();
        Assert.True(EmbedsLibrary(NotebookOutput.Html(Small)));
    }

    [Fact]
    public void Mime_bundle_has_html_plotly_json_and_plain_text()
    {
        NotebookOutput.ResetPlotlyEmbedding();
        var bundle = Small.WithTitle("bars").ToMimeBundle();
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], bundle.Keys.Order());
        using var doc = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]);
        Assert.Equal("bar", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.True(doc.RootElement.TryGetProperty("layout", out _));
        Assert.True(doc.RootElement.TryGetProperty("config", out _));
        Assert.True(EmbedsLibrary(bundle["text/html"]));
        Assert.False(EmbedsLibrary(Small.ToMimeBundle()["text/html"]));
        Assert.Equal("Figure 'bars' (1 trace: bar)", bundle["text/plain"]);
    }

    /// <summary>Does exactly what a host following the formatter-source convention does, by reflection only.</summary>
    [Fact]
    public void Formatter_source_convention_works_as_a_host_uses_it()
    {
        var attribute = typeof(Figure).GetCustomAttributes(inherit: true)
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var attributeType = attribute.GetType();
        var sourceType = (Type)attributeType.GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attributeType.GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(["text/html"], preferred);

        Assert.NotNull(sourceType.GetConstructor(Type.EmptyTypes));
        var create = Assert.Single(sourceType.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == "CreateTypeFormatters");
        Assert.Empty(create.GetParameters());
        Assert.True(typeof(IEnumerable).IsAssignableFrom(create.ReturnType));
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable)create.Invoke(source, null)!).Cast<object>().ToArray();

        var byMime = new Dictionary<string, string>();
        NotebookOutput.ResetPlotlyEmbedding();
        foreach (var formatter in formatters)
        {
            var type = formatter.GetType();
            Assert.True(type.IsPublic);
            var mime = (string)type.GetProperty("MimeType")!.GetValue(formatter)!;
            Assert.Equal(typeof(Figure), (Type)type.GetProperty("Type")!.GetValue(formatter)!);
            var format = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == "Format");
            Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(bool), format.ReturnType);

            var writer = new StringWriter();
            Assert.True((bool)format.Invoke(formatter, [Small, writer])!);
            byMime[mime] = writer.ToString();
            Assert.False((bool)format.Invoke(formatter, ["not a figure", new StringWriter()])!);
        }
        Assert.Equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"], byMime.Keys.Order());
        Assert.Equal("Figure (1 trace: bar)", byMime["text/plain"]);
        Assert.Contains("Plotly.newPlot", byMime["text/html"]);
        Assert.True(EmbedsLibrary(byMime["text/html"]));
        using var doc = JsonDocument.Parse(byMime["application/vnd.plotly.v1+json"]);
        Assert.Equal("bar", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
    }
}
