using NeuroRnn.Notebooks.Tests;
using Xunit.Abstractions;

namespace NeuroRnn.Interop.Tests;

/// <summary>
/// Deedle frames and series in NeuroRnn's real kernel (<c>neurornn run</c>): the adapter is loaded with <c>#r</c>, which
/// registers its formatters; the kernel itself knows nothing of Deedle. Also runs Deedle from an F# cell, on the
/// kernel's FSharp.Core 11 (Deedle 8.1 declares FSharp.Core &lt; 11).
/// </summary>
public class KernelDeedleDisplayTests(ITestOutputHelper output)
{
    private static string AdapterDll => Path.Combine(AppContext.BaseDirectory, "NeuroRnn.Interop.Deedle.dll");

    // F# cells reference what they open themselves (as with #r "nuget: Deedle, 8.1.0"); the test uses the restored copy next to it.
    private static string DeedleDll => Path.Combine(AppContext.BaseDirectory, "Deedle.dll");

    [Fact]
    public void Frames_and_series_show_as_html_tables_in_the_real_kernel()
    {
        string dir = CliRunner.TempFolder("neurornn-deedle-kernel");
        string notebook = Path.Combine(dir, "deedle.ipynb"), executed = Path.Combine(dir, "executed.ipynb");
        TestNotebook.Write(notebook,
            TestNotebook.CSharp($"#r \"{AdapterDll}\"\nusing Deedle;\nusing NeuroRnn.Interop.Deedle;\nvar recording = NeuroRnn.Interactive.SampleData.V1Gratings();\nrecording.TrialsFrame()"),
            TestNotebook.CSharp("new Series<string, double>(new[] { \"r2\", \"loss\" }, new[] { 0.9, double.NaN })"),
            TestNotebook.CSharp("var wide = recording.WithTrialsFrame(recording.TrialsFrame().SortRows(\"direction_deg\"));\nwide.Trials.ContentEquals(recording.Trials)"),
            TestNotebook.FSharp($"#r \"{DeedleDll}\"\n" + "open Deedle\nlet f = Frame.ofColumns [ \"rate\" => Series.ofValues [ 1.5; nan; 3.0 ] ]\nf.AddColumn(\"area\", [ \"V1\"; \"LM\"; \"V1\" ])\nf"),
            TestNotebook.CSharp("try { recording.WithTrialsFrame(recording.TrialsFrame().Where(r => r.Key > 0)); } catch (ArgumentException e) { Console.WriteLine(e.Message); }"));

        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(4), "run", notebook, "--output", executed);
        output.WriteLine($"exit {run.ExitCode} in {run.Elapsed.TotalSeconds:0.0} s\n{run.Output}\n{run.Error}");
        Assert.True(File.Exists(executed), $"no executed notebook; exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        var cells = TestNotebook.Outputs(executed);

        var frameHtml = Assert.Single(TestNotebook.Texts(cells[0], "text/html"));
        Assert.Contains("class=\"neurornn-deedle\"", frameHtml);
        Assert.Contains("Deedle frame: 240 rows × ", frameHtml);
        Assert.Contains("⋮ 220 more rows", frameHtml);
        Assert.Contains(">direction_deg</th>", frameHtml);
        Assert.StartsWith("Deedle frame: 240 rows", Assert.Single(TestNotebook.Texts(cells[0], "text/plain")));

        var seriesHtml = Assert.Single(TestNotebook.Texts(cells[1], "text/html"));
        Assert.Contains("<tr><th>r2</th><td>0.9</td></tr>", seriesHtml);
        Assert.Contains("class=\"missing\"", seriesHtml);

        Assert.Contains("True", Assert.Single(TestNotebook.Texts(cells[2], "text/plain")));

        var fsharpHtml = TestNotebook.Texts(cells[3], "text/html");
        Assert.True(fsharpHtml.Length == 1, $"the F# cell showed no HTML table: {TestNotebook.Problems(cells[3])}{cells[3].ToJsonString()}");
        Assert.Contains("Deedle frame: 3 rows × 2 columns", fsharpHtml[0]);
        Assert.Contains("<td>LM</td>", fsharpHtml[0]);

        Assert.Contains("none for trial 0", cells[4].ToJsonString());
        Assert.Equal(0, run.ExitCode);
    }
}
