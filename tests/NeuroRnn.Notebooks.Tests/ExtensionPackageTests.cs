using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// NeuroRnn.Interactive as a user installs it: packed with <c>dotnet pack</c> into a local folder, <c>#i</c>'d and
/// <c>#r "nuget:"</c>'d by a notebook that is run headless by Debian's nbclient under the REAL .NET Interactive
/// (<c>dotnet-interactive</c> 1.0.712001, installed by <c>scripts/setup.sh --tests</c>) and, unchanged, by NeuroRnn's
/// kernel. Both must show the recording (HTML and plain text), a figure and a live training chart whose final frame is the
/// final iteration, through the toolkit's magic commands.
/// </summary>
public class ExtensionPackageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Iterations = 5;

    [Fact]
    public void Packed_extension_runs_the_same_notebook_in_dotnet_interactive_and_in_NeuroRnns_kernel()
    {
        DotnetInteractiveHost.Folder(); // missing tool: fail before packing
        var work = CliRunner.TempFolder("neurornn-extension");
        bool passed = false;
        try
        {
            var packages = Path.Combine(work, "packages");
            var version = $"0.1.0-ci{DateTime.UtcNow:yyyyMMddHHmmss}";
            foreach (var project in new[] { "NeuroRnn", "NeuroRnn.Charts", "NeuroRnn.Interactive" }) Pack(project, version, packages);
            Assert.Contains(PackageEntries(Path.Combine(packages, $"NeuroRnn.Interactive.{version}.nupkg")),
                e => e == "interactive-extensions/dotnet/NeuroRnn.Interactive.Extension.dll");

            var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extension", "extension-smoke.ipynb"));
            var notebook = Path.Combine(work, "extension-smoke.ipynb");
            File.WriteAllText(notebook, template
                .Replace("@PACKAGES@", packages, StringComparison.Ordinal)
                .Replace("@VERSION@", version, StringComparison.Ordinal)
                .Replace("@RECORDING@", Path.Combine(CliRunner.RepositoryRoot, "data", "v1-gratings.npz"), StringComparison.Ordinal));

            // The real .NET Interactive through Jupyter (nbclient).
            var underDotnetInteractive = Path.Combine(work, "executed-dotnet-interactive.ipynb");
            var took = DotnetInteractiveHost.RunNotebook(".net-csharp", notebook, underDotnetInteractive, work, work);
            output.WriteLine($"nbclient .net-csharp: {took.TotalSeconds:0.0} s");
            CheckOutputs(underDotnetInteractive, "dotnet-interactive");

            // NeuroRnn's kernel, same notebook.
            var underNeuroRnn = Path.Combine(work, "executed-neurornn.ipynb");
            var run = CliRunner.Run(work, TimeSpan.FromMinutes(8), "run", notebook, "--output", underNeuroRnn);
            Assert.True(run.ExitCode == 0, $"neurornn run failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
            CheckOutputs(underNeuroRnn, "neurornn");
            passed = true;
        }
        finally
        {
            // A failed run keeps its packages and executed notebooks for inspection.
            if (passed) Directory.Delete(work, recursive: true);
            else output.WriteLine($"kept {work}");
        }
    }

    [Fact]
    public void Dotnet_pack_of_the_solution_produces_every_package_and_the_tool_installs_from_the_folder()
    {
        // scripts/setup.sh builds Kernel.sln in Release, so the packages are made from that build (--no-build).
        var work = CliRunner.TempFolder("neurornn-pack");
        try
        {
            var packages = Path.Combine(work, "packages");
            var version = $"0.1.0-ci{DateTime.UtcNow:yyyyMMddHHmmss}";
            var pack = Dotnet(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(8), null, "pack", "Kernel.sln", "-c", "Release", "--no-build", "-p:Version=" + version, "-o", packages, "-nologo");
            Assert.True(pack.ExitCode == 0, $"dotnet pack Kernel.sln failed:\n{pack.Output}");
            foreach (var id in new[] { "NeuroRnn", "NeuroRnn.Charts", "NeuroRnn.Interactive", "NeuroRnn.Cli" })
                Assert.True(File.Exists(Path.Combine(packages, $"{id}.{version}.nupkg")), $"no {id}.{version}.nupkg:\n{pack.Output}");
            Assert.Contains("interactive-extensions/dotnet/NeuroRnn.Interactive.Extension.dll", PackageEntries(Path.Combine(packages, $"NeuroRnn.Interactive.{version}.nupkg")));
            Assert.DoesNotContain(PackageEntries(Path.Combine(packages, $"NeuroRnn.Interactive.{version}.nupkg")), e => e.Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", PackageEntries(Path.Combine(packages, $"NeuroRnn.Cli.{version}.nupkg")));

            // As a user installs it: the neurornn tool from the local folder, then run.
            var tools = Path.Combine(work, "tools");
            var install = Dotnet(work, TimeSpan.FromMinutes(4), null, "tool", "install", "NeuroRnn.Cli", "--version", version, "--add-source", packages, "--tool-path", tools);
            Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}");
            var info = Run(Path.Combine(tools, "neurornn"), work, TimeSpan.FromMinutes(1), null, "info");
            Assert.True(info.ExitCode == 0, info.Output);
            Assert.Matches("(?m)^backend: (mkl|managed)$", info.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private void Pack(string project, string version, string packages)
    {
        var result = Dotnet(CliRunner.RepositoryRoot, TimeSpan.FromMinutes(8), null, "pack", Path.Combine("src", project), "-c", "Release",
            "-p:Version=" + version, "-o", packages, "-nologo");
        Assert.True(result.ExitCode == 0, $"dotnet pack {project} failed:\n{result.Output}");
        Assert.True(File.Exists(Path.Combine(packages, $"{project}.{version}.nupkg")), $"no {project}.{version}.nupkg in {packages}:\n{result.Output}");
    }

    private static IReadOnlyList<string> PackageEntries(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>What both hosts must show.</summary>
    private void CheckOutputs(string executed, string host)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToArray();
        var outputs = cells.Select(c => c!["outputs"]!.AsArray().Select(o => o!.AsObject()).ToArray()).ToArray();
        for (int i = 0; i < outputs.Length; i++)
        {
            var error = outputs[i].FirstOrDefault(o => o["output_type"]!.GetValue<string>() == "error");
            Assert.True(error is null, $"{host}: cell {i} failed: {error?["ename"]}: {error?["evalue"]}");
        }
        string Text(JsonObject o, string mime) => o["data"]?[mime] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
            JsonValue value => value.GetValue<string>(),
            _ => "",
        };

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
        // #!train: one live chart, replaced in place until its final frame shows the final iteration, then the summary.
        var charts = outputs[4].Where(o => Text(o, "text/html").Contains("neurornn-plot", StringComparison.Ordinal)).ToArray();
        var chart = Assert.Single(charts);
        var html = Text(chart, "text/html");
        Assert.Contains($"iteration {Iterations},", html);
        Assert.Contains($"\"x\":[{string.Join(',', Enumerable.Range(0, Iterations))}]", html);
        Assert.Contains(outputs[4], o => Text(o, "text/plain").StartsWith("net = addition", StringComparison.Ordinal));
        // net.Statistics.Count: .NET Interactive returns plain values as HTML only (<pre>5</pre>).
        var count = Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(outputs[5], o => Text(o, "text/plain") == count || Text(o, "text/html").Contains($"<pre>{count}</pre>", StringComparison.Ordinal));
        output.WriteLine($"{host}: {string.Join(", ", outputs.Select(o => o.Length))} outputs per cell; chart {html.Length} chars");
    }

    private static (int ExitCode, string Output) Dotnet(string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run("dotnet", directory, timeout, environment, args);

    private static (int ExitCode, string Output) Run(string program, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}:\n{text}");
        }
        process.WaitForExit();
        return (process.ExitCode, text.ToString());
    }
}
