using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Runs notebooks/07-parameter-sweeps.ipynb headless with the real <c>neurornn run</c> (a 9-fit local sweep, its table,
/// its seed summary and chart, a rerun that redoes nothing, the Slurm script), checks what it printed and renders the page.
/// </summary>
public class SweepNotebookTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sweep_notebook_runs_nine_fits_gathers_them_and_renders_the_chart()
    {
        const string name = "07-parameter-sweeps.ipynb";
        string notebooks = Path.Combine(CliRunner.RepositoryRoot, "notebooks");
        string dir = CliRunner.TempFolder("neurornn-notebook-07");
        string executed = Path.Combine(dir, "executed.ipynb"), html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");

        var run = CliRunner.Run(notebooks, TimeSpan.FromMinutes(6), "run", Path.Combine(notebooks, name), "--output", executed, "--html", html);
        output.WriteLine($"neurornn run {name}: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run {name} exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(5), $"{name} took {run.Elapsed.TotalSeconds:0} s; it must finish in 5 minutes.");

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
        Assert.Contains("9 runs into", Text(0));
        Assert.Contains("9 runs: 9 completed", Text(1));
        Assert.Contains("v1-size-by-seed: 9 runs: 9 completed", codeCells[1]!["outputs"]!.ToJsonString());
        Assert.Matches(@"units=12: r2_heldout -?\d\.\d+ \[.+\] \(n = 3\)", Text(2));
        Assert.Matches(@"units=48: r2_heldout -?\d\.\d+ \[.+\] \(n = 3\)", Text(2));
        Assert.Contains("second run: 9 runs: 9 completed; attempts per run: 1 1 1 1 1 1 1 1 1", Text(3));
        Assert.Contains("#SBATCH --array=0-8", Text(3));

        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot: {png}; plots {report.PlotDivs}, traces [{string.Join(", ", report.TracesPerPlot)}]");
        Assert.Empty(report.PageErrors);
        Assert.True(report.PlotDivs >= 1, $"{report.PlotDivs} plot divs rendered, expected the sweep chart (screenshot {png})");
        Assert.All(report.TracesPerPlot, n => Assert.True(n > 0, $"a plot has no data (screenshot {png})"));
    }
}
