using System.Diagnostics;
using System.Text;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// The REAL .NET Interactive (<c>dotnet-interactive</c> 1.0.712001, installed with its Jupyter kernelspecs by
/// <c>scripts/setup.sh --tests</c>) driven headless through Debian's nbclient, and the toolkit packed as NuGet packages
/// the way a user installs them (<c>scripts/pack-local.sh</c>).
/// </summary>
internal static class DotnetInteractiveHost
{
    public const string ToolVersion = "1.0.712001";

    /// <summary>The tool folder (NEURORNN_DOTNET_INTERACTIVE or setup.sh's default); missing is a failure, not a skip.</summary>
    public static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("NEURORNN_DOTNET_INTERACTIVE") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "neurornn", $"dotnet-interactive-{ToolVersion}");
        var spec = Path.Combine(folder, "jupyter", "kernels", ".net-csharp", "kernel.json");
        if (!File.Exists(Path.Combine(folder, "dotnet-interactive")) || !File.Exists(spec))
            throw new InvalidOperationException($"The dotnet-interactive tool {ToolVersion} and its kernelspecs are not in {folder}: run scripts/setup.sh --tests.");
        if (!File.ReadAllText(spec).Contains("--http-local-only", StringComparison.Ordinal))
            throw new InvalidOperationException($"{spec} lacks --http-local-only: run scripts/setup.sh --tests.");
        return folder;
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> under the kernelspec <paramref name="kernel"/> (".net-csharp", ".net-fsharp") with
    /// nbclient in <paramref name="workingDirectory"/> (the kernel's folder, as Jupyter starts it beside the notebook) and
    /// writes the executed notebook. Cell errors stay in the outputs for the caller to check; a dead kernel fails.
    /// </summary>
    public static TimeSpan RunNotebook(string kernel, string notebook, string executed, string workingDirectory, string scratch)
    {
        var tool = Folder();
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = tool + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["JUPYTER_PATH"] = Path.Combine(tool, "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(scratch, "runtime"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(scratch, "data"),
            ["JUPYTER_PLATFORM_DIRS"] = "0",
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        var script = Path.Combine(AppContext.BaseDirectory, "Extension", "run_nbclient.py");
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = Run("/usr/bin/python3", workingDirectory, TimeSpan.FromMinutes(12), environment, script, kernel, notebook, executed);
        if (exitCode == 3) throw new InvalidOperationException($"Debian's python3-nbclient is missing: {output}");
        if (exitCode != 0) throw new InvalidOperationException($"nbclient run of {Path.GetFileName(notebook)} under {kernel} failed:\n{output}");
        return clock.Elapsed;
    }

    /// <summary>
    /// Packs the toolkit into artifacts/packages with <c>scripts/pack-local.sh</c> (a new version each time, from the
    /// current Release build), where notebooks/nuget.config points. Once per test process.
    /// </summary>
    public static string PackLocal() => Packed.Value;

    private static readonly Lazy<string> Packed = new(() =>
    {
        var (exitCode, output) = Run("bash", CliRunner.RepositoryRoot, TimeSpan.FromMinutes(15), null, Path.Combine("scripts", "pack-local.sh"), "--no-build");
        if (exitCode != 0) throw new InvalidOperationException($"scripts/pack-local.sh failed:\n{output}");
        return output.Trim().Split('\n')[^1].Trim();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static (int ExitCode, string Output) Run(string program, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}:\n{stdout}\n{stderr}");
        }
        process.WaitForExit();
        // stdout last: callers read a printed result (pack-local.sh's version) from its final line.
        return (process.ExitCode, stderr.ToString() + stdout);
    }
}
