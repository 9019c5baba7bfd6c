using System.Text.Json.Nodes;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// NeuroRnn.Interactive as a user installs it: packed into the local folder by <c>scripts/pack-local.sh</c> (one
/// <c>dotnet pack</c> of Kernel.sln, <see cref="DotnetInteractiveHost.PackLocal"/>), <c>#i</c>'d and
/// <c>#r "nuget:"</c>'d by a notebook that is run headless by Debian's nbclient under the REAL .NET Interactive
/// (<c>dotnet-interactive</c> 1.0.712001, installed by <c>scripts/setup.sh --tests</c>) and, unchanged, by NeuroRnn's
/// kernel. Both must show the recording (HTML and plain text), a figure and a live training chart whose final frame is the
/// final iteration, through the toolkit's magic commands; and, after an F# cell, a NeuroRnn figure as a Plotly.NET chart
/// through NeuroRnn.Interop.PlotlyNet (its extension.dib registers the formatters; FSharpCoreBinding gives Plotly.NET the
/// FSharp.Core 10.1 it needs beside the tool's 10.0).
/// </summary>
public class ExtensionPackageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Iterations = 5;

    [Fact]
    public void Packed_extension_runs_the_same_notebook_in_dotnet_interactive_and_in_NeuroRnns_kernel() =>
        RunInBothHosts("extension-smoke.ipynb", ".net-csharp", CheckOutputs);

    [Fact]
    public void Packed_toolkit_runs_an_FSharp_notebook_with_LiveOutput_in_dotnet_interactive_and_in_NeuroRnns_kernel() =>
        RunInBothHosts("fsharp-live-smoke.ipynb", ".net-fsharp", CheckFSharpOutputs);

    /// <summary>
    /// Fills in the test notebook <paramref name="template"/> (Extension/) with the packed version, runs it under the real
    /// .NET Interactive (kernelspec <paramref name="kernel"/>) and under NeuroRnn's kernel, and checks both executed notebooks.
    /// </summary>
    private void RunInBothHosts(string template, string kernel, Action<string, string> check)
    {
        DotnetInteractiveHost.Folder(); // missing tool: fail before packing
        var version = DotnetInteractiveHost.PackLocal();
        Assert.Contains(PackageEntries(DotnetInteractiveHost.PackedFile("NeuroRnn.Interactive")),
            e => e == "interactive-extensions/dotnet/NeuroRnn.Interactive.Extension.dll");
        var work = CliRunner.TempFolder("neurornn-extension");
        bool passed = false;
        try
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extension", template));
            var notebook = Path.Combine(work, template);
            File.WriteAllText(notebook, text
                .Replace("@PACKAGES@", DotnetInteractiveHost.PackageFolder, StringComparison.Ordinal)
                .Replace("@VERSION@", version, StringComparison.Ordinal)
                .Replace("@RECORDING@", Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz"), StringComparison.Ordinal));

            // The real .NET Interactive through Jupyter (nbclient).
            var underDotnetInteractive = Path.Combine(work, "executed-dotnet-interactive.ipynb");
            var took = DotnetInteractiveHost.RunNotebook(kernel, notebook, underDotnetInteractive, work, work);
            output.WriteLine($"nbclient {kernel}: {took.TotalSeconds:0.0} s");
            check(underDotnetInteractive, "dotnet-interactive");

            // NeuroRnn's kernel, same notebook.
            var underNeuroRnn = Path.Combine(work, "executed-neurornn.ipynb");
            var run = CliRunner.Run(work, TimeSpan.FromMinutes(8), "run", notebook, "--output", underNeuroRnn);
            Assert.True(run.ExitCode == 0, $"neurornn run failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
            check(underNeuroRnn, "neurornn");
            passed = true;
        }
        finally
        {
            // A failed run keeps its executed notebooks for inspection.
            if (passed) Directory.Delete(work, recursive: true);
            else output.WriteLine($"kept {work}");
        }
    }

    [Fact]
    public void Dotnet_pack_of_the_solution_produces_every_package_and_the_tool_installs_from_the_folder()
    {
        // scripts/pack-local.sh packs Kernel.sln from its Release build (scripts/setup.sh builds it).
        var version = DotnetInteractiveHost.PackLocal();
        foreach (var id in new[] { "NeuroRnn", "NeuroRnn.Charts", "NeuroRnn.Interactive", "NeuroRnn.Interop.Deedle", "NeuroRnn.Interop.PlotlyNet", "NeuroRnn.Kernel", "NeuroRnn.Cli" })
            Assert.True(File.Exists(DotnetInteractiveHost.PackedFile(id)), $"no {id}.{version}.nupkg in {DotnetInteractiveHost.PackageFolder}");
        var interactive = PackageEntries(DotnetInteractiveHost.PackedFile("NeuroRnn.Interactive"));
        Assert.Contains("interactive-extensions/dotnet/NeuroRnn.Interactive.Extension.dll", interactive);
        Assert.DoesNotContain(interactive, e => e.Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", PackageEntries(DotnetInteractiveHost.PackedFile("NeuroRnn.Cli")));

        // As a user installs it: the neurornn tool from the local folder, then run.
        var work = CliRunner.TempFolder("neurornn-tool");
        try
        {
            var tools = Path.Combine(work, "tools");
            var install = Shell.Run("dotnet", ["tool", "install", "NeuroRnn.Cli", "--version", version, "--add-source", DotnetInteractiveHost.PackageFolder, "--tool-path", tools], TimeSpan.FromMinutes(4), workingDirectory: work);
            Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}\n{install.Error}");
            var info = Shell.Run(Path.Combine(tools, "neurornn"), ["info"], TimeSpan.FromMinutes(1), workingDirectory: work);
            Assert.True(info.ExitCode == 0, info.Output + info.Error);
            Assert.Matches("(?m)^backend: (mkl|managed)$", info.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<string> PackageEntries(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>The outputs of each code cell of an executed notebook; a cell that failed fails the test.</summary>
    private static JsonObject[][] CodeOutputs(string executed, string host)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToArray();
        var outputs = cells.Select(c => c!["outputs"]!.AsArray().Select(o => o!.AsObject()).ToArray()).ToArray();
        for (int i = 0; i < outputs.Length; i++)
        {
            var error = outputs[i].FirstOrDefault(o => o["output_type"]!.GetValue<string>() == "error");
            Assert.True(error is null, $"{host}: cell {i} failed: {error?["ename"]}: {error?["evalue"]}");
        }
        return outputs;
    }

    /// <summary>An output's data of one MIME type ("" when it has none).</summary>
    private static string Text(JsonObject o, string mime) => o["data"]?[mime] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    /// <summary>
    /// One live training chart, replaced in place until its final frame shows the final iteration (.NET Interactive's
    /// own display(x).Update(y) would leave the first frame), then, in the next cell, the iteration count.
    /// </summary>
    private static string CheckLiveTrainingChart(JsonObject[] chartCell, JsonObject[] countCell)
    {
        var charts = chartCell.Where(o => Text(o, "text/html").Contains("neurornn-plot", StringComparison.Ordinal)).ToArray();
        var html = Text(Assert.Single(charts), "text/html");
        Assert.Contains($"iteration {Iterations},", html);
        Assert.Contains($"\"x\":[{string.Join(',', Enumerable.Range(0, Iterations))}]", html);
        // .NET Interactive returns plain values as HTML only (<pre>5</pre>).
        var count = Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(countCell, o => Text(o, "text/plain") == count || Text(o, "text/html").Contains($"<pre>{count}</pre>", StringComparison.Ordinal));
        return html;
    }

    /// <summary>What both hosts must show for extension-smoke.ipynb.</summary>
    private void CheckOutputs(string executed, string host)
    {
        var outputs = CodeOutputs(executed, host);

        // #!load-recording defines rec and says so.
        Assert.Contains(outputs[1], o => Text(o, "text/plain").StartsWith("rec = Recording 'synthetic V1 gratings", StringComparison.Ordinal));
        // rec: the toolkit's HTML and its short plain text (not an object dump).
        var shown = Assert.Single(outputs[2], o => Text(o, "text/html").Contains("neurornn-recording", StringComparison.Ordinal));
        Assert.Contains("<th>direction_deg</th>", Text(shown, "text/html"));
        var plain = Text(shown, "text/plain");
        Assert.StartsWith("Recording 'synthetic V1 gratings (seed 1)': 200 units × 150 time bins × 240 trials", plain);
        Assert.Contains("trials table: trial (number), direction_deg (number)", plain);
        Assert.True(plain.Split('\n').Length <= 10, $"{host}: plain text is not a short summary:\n{plain}");
        // #!plot tuning: a plotly figure.
        Assert.Contains(outputs[3], o => Text(o, "text/html").Contains("neurornn-plot", StringComparison.Ordinal));
        // #!train: one live chart replaced in place, then the summary; net.Statistics.Count.
        var html = CheckLiveTrainingChart(outputs[4], outputs[5]);
        Assert.Contains(outputs[4], o => Text(o, "text/plain").StartsWith("net = addition", StringComparison.Ordinal));
        // An F# cell ran (in .NET Interactive: the host's FSharp.Core 10.0 is loaded) …
        Assert.Contains(outputs[6], o => (Text(o, "text/plain") + Text(o, "text/html")).Contains("F# kernel: 42", StringComparison.Ordinal));
        // … and still the Plotly.NET adapter (Plotly.NET 6.0 needs FSharp.Core 10.1) shows a chart: our offline HTML, not
        // Plotly.NET's own output, which loads plotly.js from a CDN.
        var plotly = Assert.Single(outputs[8], o => Text(o, "text/html").Length > 0);
        var plotlyHtml = Text(plotly, "text/html");
        Assert.Contains("neurornn-plot", plotlyHtml);
        Assert.Contains("addition as a Plotly.NET chart", plotlyHtml);
        Assert.DoesNotContain("cdn.plot.ly", plotlyHtml);
        output.WriteLine($"{host}: {string.Join(", ", outputs.Select(o => o.Length))} outputs per cell; chart {html.Length} chars");
    }

    /// <summary>What both hosts must show for fsharp-live-smoke.ipynb: the recording's view, a LiveOutput training chart.</summary>
    private void CheckFSharpOutputs(string executed, string host)
    {
        var outputs = CodeOutputs(executed, host);
        Assert.Equal(4, outputs.Length);
        Assert.Contains(outputs[1], o => Text(o, "text/html").Contains("neurornn-recording", StringComparison.Ordinal));
        var html = CheckLiveTrainingChart(outputs[2], outputs[3]);
        output.WriteLine($"{host}: {string.Join(", ", outputs.Select(o => o.Length))} outputs per cell; chart {html.Length} chars");
    }
}
