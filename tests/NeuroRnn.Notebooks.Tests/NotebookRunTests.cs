using Xunit.Abstractions;
using System.Text.Json.Nodes;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Runs the tutorial notebooks with the real <c>neurornn run</c>, then renders the exported HTML in headless Chromium.
/// Screenshots are kept in the system temp folder (path printed on failure and in the test output).
/// </summary>
public class NotebookRunTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("01-v1-orientation-tuning.ipynb", 5)]
    [InlineData("01-v1-orientation-tuning-fsharp.ipynb", 5)]
    [InlineData("02-context-dependent-integration.ipynb", 10)]
    [InlineData("02-context-dependent-integration-fsharp.ipynb", 10)]
    [InlineData("03-sparse-recordings.ipynb", 5)]
    [InlineData("03-sparse-recordings-fsharp.ipynb", 5)]
    [InlineData("04-multi-area-checkerboard.ipynb", 2)]
    [InlineData("04-multi-area-checkerboard-fsharp.ipynb", 2)]
    [InlineData("05-v1-excitation-inhibition.ipynb", 2)]
    [InlineData("05-v1-excitation-inhibition-fsharp.ipynb", 2)]
    [InlineData("07-parameter-sweeps-fsharp.ipynb", 1)]
    public async Task Tutorial_notebook_runs_headless_and_its_figures_render(string name, int expectedFigures)
    {
        string notebooks = Path.Combine(CliRunner.RepositoryRoot, "notebooks");
        string dir = CliRunner.TempFolder("neurornn-notebook");
        string executed = Path.Combine(dir, "executed.ipynb"), html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");

        var run = CliRunner.Run(notebooks, TimeSpan.FromMinutes(6), "run", Path.Combine(notebooks, name), "--output", executed, "--html", html);
        output.WriteLine($"neurornn run {name}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run {name} exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(5), $"{name} took {run.Elapsed.TotalSeconds:0} s; the tutorial must finish in 5 minutes.");

        var notebook = JsonNode.Parse(File.ReadAllText(executed))!;
        var codeCells = notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToArray();
        Assert.NotEmpty(codeCells);
        for (int i = 0; i < codeCells.Length; i++)
        {
            var outputs = codeCells[i]!["outputs"]!.AsArray();
            Assert.True(outputs.Count > 0, $"code cell {i + 1} of {name} has no output");
            foreach (var o in outputs)
                Assert.True((string?)o!["output_type"] != "error", $"code cell {i + 1} of {name} has an error output: {o.ToJsonString()}");
        }

        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot: {png}; plots {report.PlotDivs}, main-svg {report.MainSvgs}, traces [{string.Join(", ", report.TracesPerPlot)}], blocked {report.BlockedRequests.Count}");
        Assert.Empty(report.PageErrors);
        Assert.True(report.PlotDivs >= expectedFigures, $"{report.PlotDivs} plot divs rendered, expected at least {expectedFigures} (screenshot {png})");
        Assert.True(report.MainSvgs > 0, $"plotly drew no .main-svg (screenshot {png})");
        Assert.All(report.TracesPerPlot, n => Assert.True(n > 0, $"a plot has no data (traces per plot: {string.Join(", ", report.TracesPerPlot)}; screenshot {png})"));
    }
}
