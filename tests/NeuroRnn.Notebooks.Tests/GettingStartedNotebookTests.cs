using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Runs notebooks/00-getting-started.ipynb with the real <c>neurornn run</c> from the notebooks folder (where Jupyter
/// starts a kernel, so its relative <c>#r</c> of the Deedle adapter's project resolves), then checks the Deedle tables
/// and renders the exported HTML in headless Chromium.
/// </summary>
public class GettingStartedNotebookTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Getting_started_notebook_runs_shows_deedle_tables_and_its_plot_renders()
    {
        string notebooks = Path.Combine(CliRunner.RepositoryRoot, "notebooks");
        string dir = CliRunner.TempFolder("neurornn-notebook-00");
        string executed = Path.Combine(dir, "executed.ipynb"), html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");

        var run = CliRunner.Run(notebooks, TimeSpan.FromMinutes(6), "run", "00-getting-started.ipynb", "--output", executed, "--html", html);
        output.WriteLine($"neurornn run: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Output}\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run 00-getting-started.ipynb exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(5), $"the notebook took {run.Elapsed.TotalSeconds:0} s; it must finish in 5 minutes.");

        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToArray();
        Assert.Equal(5, cells.Length);
        for (int i = 0; i < cells.Length; i++)
        {
            var outputs = cells[i]!["outputs"]!.AsArray();
            Assert.True(outputs.Count > 0, $"code cell {i + 1} has no output");
            Assert.All(outputs, o => Assert.True((string?)o!["output_type"] != "error", $"code cell {i + 1} failed: {o!.ToJsonString()}"));
        }
        string Html(int cell) => string.Join("\n", cells[cell]!["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"]).Where(d => d is not null).Select(Text));
        string All(int cell) => string.Join("\n", cells[cell]!["outputs"]!.AsArray().Select(o => Text(o!["text"] ?? o["data"]?["text/plain"])));

        Assert.Contains("neurornn-recording", Html(0));
        Assert.Contains("Deedle frame: 240 rows × ", Html(1));       // the trials as a Deedle frame
        Assert.Contains(">direction_deg</th>", Html(1));
        Assert.Contains("Deedle series: 12 keys, 12 values", Html(2)); // population rate per direction
        Assert.Contains("240 rows × ", All(3));
        Assert.Contains("population_rate_hz", All(3));
        Assert.Contains("Deedle frame: 12 rows × 6 columns", Html(4)); // tuning means by angle

        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot: {png}; plots {report.PlotDivs}, main-svg {report.MainSvgs}, traces [{string.Join(", ", report.TracesPerPlot)}], blocked {report.BlockedRequests.Count}");
        Assert.Empty(report.PageErrors);
        Assert.Equal(1, report.PlotDivs);
        Assert.True(report.MainSvgs > 0, $"plotly drew nothing (screenshot {png})");
        Assert.Equal(new[] { 4 }, report.TracesPerPlot);
        Assert.Empty(report.BlockedRequests);
    }

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
