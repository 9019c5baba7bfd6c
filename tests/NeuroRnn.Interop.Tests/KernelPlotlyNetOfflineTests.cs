using NeuroRnn.Notebooks.Tests;
using Xunit.Abstractions;

namespace NeuroRnn.Interop.Tests;

/// <summary>
/// Plotly.NET charts in NeuroRnn's real kernel (<c>neurornn run</c>), exported to HTML and drawn by plotly.js in headless
/// Chromium with every network request blocked (the kernel restores Plotly.NET from NuGet as a user's notebook does): a chart built with Plotly.NET in F#, a NeuroRnn figure handed to
/// Plotly.NET in C#, and a NeuroRnn figure — plotly.js rides in the first output only.
/// </summary>
public class KernelPlotlyNetOfflineTests(ITestOutputHelper output)
{
    private static string Bin(string file) => Path.Combine(AppContext.BaseDirectory, file);

    [Fact]
    public async Task Plotly_net_charts_render_offline_with_plotly_js_embedded_once()
    {
        string dir = CliRunner.TempFolder("neurornn-plotlynet-kernel");
        string notebook = Path.Combine(dir, "plotly.ipynb"), executed = Path.Combine(dir, "executed.ipynb");
        string html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");
        TestNotebook.Write(notebook,
            TestNotebook.FSharp(
                $"#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"{Bin("NeuroRnn.Interop.PlotlyNet.dll")}\"\n" +
                "open Plotly.NET\n" +
                "let xs = [ 0.0 .. 30.0 .. 330.0 ]\n" +
                "Chart.Line(x = xs, y = (xs |> List.map (fun d -> 10.0 + 8.0 * cos (2.0 * d * System.Math.PI / 180.0))), Name = \"model\")\n" +
                "|> Chart.withTitle \"Plotly.NET in F#\""),
            TestNotebook.CSharp(
                "using NeuroRnn.Analysis;\nusing NeuroRnn.Interactive;\nusing NeuroRnn.Interop.PlotlyNet;\n" +
                "var curves = TuningCurves.Compute(SampleData.V1Gratings(), new TuningCurveOptions { WindowStartMs = 0, WindowEndMs = 900 });\n" +
                "var figure = TuningChart.FromCurves(curves.Take(2).ToArray(), title: \"NeuroRnn figure handed to Plotly.NET\");\n" +
                "Plotly.NET.GenericChart chart = figure.ToGenericChart();\nchart"),
            TestNotebook.CSharp("figure"));

        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(4), "run", notebook, "--output", executed, "--html", html);
        output.WriteLine($"exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Output}\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
        var cells = TestNotebook.Outputs(executed);

        var fsharpChart = Assert.Single(TestNotebook.Texts(cells[0], "text/html"));
        Assert.Contains("if (!window.Plotly)", fsharpChart); // the first figure of the notebook carries plotly.js
        Assert.DoesNotContain("src=\"https://cdn.plot.ly", fsharpChart);
        Assert.DoesNotContain("require.config", fsharpChart); // not Plotly.NET's own CDN loader
        Assert.StartsWith("Plotly.NET chart \"Plotly.NET in F#\": 1 trace (scatter)", Assert.Single(TestNotebook.Texts(cells[0], "text/plain")));

        var handedOver = Assert.Single(TestNotebook.Texts(cells[1], "text/html"));
        Assert.DoesNotContain("if (!window.Plotly)", handedOver);
        Assert.DoesNotContain("cdn.plot.ly", handedOver);
        Assert.Contains("NeuroRnn figure handed to Plotly.NET", handedOver);
        Assert.DoesNotContain("if (!window.Plotly)", Assert.Single(TestNotebook.Texts(cells[2], "text/html")));

        var page = File.ReadAllText(html);
        Assert.Equal(1, CountOf(page, "if (!window.Plotly)"));
        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot {png}: plots {report.PlotDivs}, main-svg {report.MainSvgs}, traces [{string.Join(", ", report.TracesPerPlot)}], blocked [{string.Join(", ", report.BlockedRequests)}]");
        Assert.Empty(report.PageErrors);
        Assert.Empty(report.BlockedRequests); // nothing was even attempted from the network
        Assert.Equal(3, report.PlotDivs);
        Assert.True(report.MainSvgs >= 3, $"plotly drew {report.MainSvgs} .main-svg elements for 3 plots (screenshot {png})");
        Assert.Equal(new[] { 1, 2, 2 }, report.TracesPerPlot); // one line; one trace (with error bars) per unit
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
