using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// Runs notebooks/00-getting-started (C# and its F# twin) as a user would: the toolkit packed into artifacts/packages
/// (<c>scripts/pack-local.sh</c>, where notebooks/nuget.config points) and referenced with <c>#r "nuget:"</c>, the kernel
/// started in the notebooks folder. Under NeuroRnn's kernel (<c>neurornn run</c>, exported HTML rendered in headless
/// Chromium) and, for the C# notebook, under the REAL dotnet-interactive 1.0.712001 through nbclient — where Deedle 8.1
/// needs a newer FSharp.Core than the host runs (NeuroRnn.Interop.Deedle binds one for it).
/// </summary>
public class GettingStartedNotebookTests(ITestOutputHelper output)
{
    private static string Notebooks => Path.Combine(CliRunner.RepositoryRoot, "notebooks");

    [Theory]
    [InlineData("00-getting-started.ipynb")]
    [InlineData("00-getting-started-fsharp.ipynb")]
    public async Task Getting_started_notebook_runs_in_NeuroRnns_kernel_shows_deedle_tables_and_its_plot_renders(string name)
    {
        output.WriteLine($"packed {DotnetInteractiveHost.PackLocal()}");
        string dir = CliRunner.TempFolder("neurornn-notebook-00");
        string executed = Path.Combine(dir, "executed.ipynb"), html = Path.Combine(dir, "page.html"), png = Path.Combine(dir, "page.png");

        var run = CliRunner.Run(Notebooks, TimeSpan.FromMinutes(6), "run", name, "--output", executed, "--html", html);
        output.WriteLine($"neurornn run: exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Output}\n{run.Error}");
        Assert.True(run.ExitCode == 0, $"neurornn run {name} exited with {run.ExitCode}.\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        Assert.True(run.Elapsed < TimeSpan.FromMinutes(5), $"the notebook took {run.Elapsed.TotalSeconds:0} s; it must finish in 5 minutes.");
        CheckOutputs(executed, "neurornn");

        var report = await BrowserCheck.InspectAsync(html, png);
        output.WriteLine($"screenshot: {png}; plots {report.PlotDivs}, main-svg {report.MainSvgs}, traces [{string.Join(", ", report.TracesPerPlot)}], blocked {report.BlockedRequests.Count}");
        Assert.Empty(report.PageErrors);
        Assert.Equal(2, report.PlotDivs);
        Assert.True(report.MainSvgs > 0, $"plotly drew nothing (screenshot {png})");
        Assert.Equal(new[] { 4, 1 }, report.TracesPerPlot);
        Assert.Empty(report.BlockedRequests);
    }

    [Fact]
    public void Getting_started_notebook_runs_unchanged_in_the_real_dotnet_interactive()
    {
        DotnetInteractiveHost.Folder(); // missing tool: fail before packing
        output.WriteLine($"packed {DotnetInteractiveHost.PackLocal()}");
        string dir = CliRunner.TempFolder("neurornn-notebook-00-di");
        string executed = Path.Combine(dir, "executed.ipynb");
        var took = DotnetInteractiveHost.RunNotebook(".net-csharp", Path.Combine(Notebooks, "00-getting-started.ipynb"), executed, Notebooks, dir);
        output.WriteLine($"nbclient .net-csharp: {took.TotalSeconds:0.0} s");
        CheckOutputs(executed, "dotnet-interactive");
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>What both hosts must show: every cell ran, the recording, the Deedle tables, the round trip, the figure.</summary>
    private static void CheckOutputs(string executed, string host)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToArray();
        Assert.Equal(7, cells.Length);
        for (int i = 0; i < cells.Length; i++)
        {
            var outputs = cells[i]!["outputs"]!.AsArray();
            Assert.True(outputs.Count > 0, $"{host}: code cell {i + 1} has no output");
            Assert.All(outputs, o => Assert.True((string?)o!["output_type"] != "error", $"{host}: code cell {i + 1} failed: {o!.ToJsonString()}"));
        }
        string Html(int cell) => string.Join("\n", cells[cell]!["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"]).Where(d => d is not null).Select(Text));
        string All(int cell) => string.Join("\n", cells[cell]!["outputs"]!.AsArray().Select(o => Text(o!["text"] ?? o["data"]?["text/plain"])));

        Assert.Contains("neurornn-recording", Html(1));
        Assert.Contains("Deedle frame: 240 rows × ", Html(2));       // the trials as a Deedle frame (our table, not the host's object tree)
        Assert.Contains(">direction_deg</th>", Html(2));
        Assert.Contains("Deedle series: 12 keys, 12 values", Html(3)); // population rate per direction
        Assert.Contains("240 rows × 7 columns", All(4));
        Assert.Contains("population_rate_hz", All(4));
        Assert.Contains("neurornn-plot", Html(5));
        Assert.Contains("Deedle frame: 12 rows × 6 columns", Html(5)); // tuning means by angle
        // LiveOutput: one output, replaced in place until it shows the last unit (.NET Interactive's own display(x).Update
        // would have left "Unit 0" there).
        var live = cells[6]!["outputs"]!.AsArray();
        Assert.True(live.Count == 1, $"{host}: the live output cell has {live.Count} outputs, not one replaced in place");
        Assert.Contains("neurornn-plot", Html(6));
        Assert.Contains("Unit 4", Html(6));
        Assert.DoesNotContain("Unit 0", Html(6));
    }

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
