using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Runs notebooks/06-your-own-data.ipynb headless with the real <c>neurornn run</c> (it writes its own NWB file, reads
/// it, tests tuning and fits a Poisson RNN), checks what its cells printed, and renders the exported HTML in Chromium.
/// </summary>
public class YourOwnDataNotebookTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Your_own_data_notebook_runs_headless_and_reports_nwb_tuning_and_a_poisson_fit()
    {
        const string name = "06-your-own-data.ipynb";
        string notebooks = Path.Combine(CliRunner.RepositoryRoot, "notebooks");
        string dir = CliRunner.TempFolder("neurornn-notebook-06");
        string executed = Path.Combine(dir, "executed.ipynb"), html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");

        var run = CliRunner.Run(notebooks, TimeSpan.FromMinutes(5), "run", Path.Combine(notebooks, name), "--output", executed, "--html", html);
        output.WriteLine($"neurornn run {name}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run {name} exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(3), $"{name} took {run.Elapsed.TotalSeconds:0} s; it must finish in 3 minutes.");

        var notebook = JsonNode.Parse(File.ReadAllText(executed))!;
        var codeCells = notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToArray();
        string Text(int cell) => string.Concat(codeCells[cell]!["outputs"]!.AsArray()
            .Where(o => (string?)o!["output_type"] == "stream").Select(o => string.Concat(o!["text"]!.AsArray().Select(t => (string?)t))));
        for (int i = 0; i < codeCells.Length; i++)
        {
            var outputs = codeCells[i]!["outputs"]!.AsArray();
            Assert.True(outputs.Count > 0, $"code cell {i + 1} of {name} has no output");
            Assert.All(outputs, o => Assert.True((string?)o!["output_type"] != "error", $"code cell {i + 1} has an error output: {o.ToJsonString()}"));
        }
        Assert.Contains("read by nwb", Text(1));                                   // the front door sniffed the NWB file
        Assert.Contains("40 units × 150 time bins × 96 trials", Text(1));
        Assert.Matches(@"\d+ of 40 units are orientation tuned at p < 0\.01 \(responses in Hz\)", Text(2));
        Assert.Contains("loss Poisson", Text(4));
        Assert.Matches(@"held-out trial-averaged R² 0\.\d{3}", Text(4));

        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot: {png}; plots {report.PlotDivs}, traces [{string.Join(", ", report.TracesPerPlot)}]");
        Assert.Empty(report.PageErrors);
        Assert.True(report.PlotDivs >= 2, $"{report.PlotDivs} plot divs rendered, expected 2 (screenshot {png})");
        Assert.All(report.TracesPerPlot, n => Assert.True(n > 0, $"a plot has no data (screenshot {png})"));
    }
}
