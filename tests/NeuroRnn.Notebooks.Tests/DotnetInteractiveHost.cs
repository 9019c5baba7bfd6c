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
        var run = Shell.Run("/usr/bin/python3", [script, kernel, notebook, executed], TimeSpan.FromMinutes(12), environment, workingDirectory);
        if (run.ExitCode == 3) throw new InvalidOperationException($"Debian's python3-nbclient is missing: {run.Error}");
        if (run.ExitCode != 0) throw new InvalidOperationException($"nbclient run of {Path.GetFileName(notebook)} under {kernel} failed:\n{run.Error}\n{run.Output}");
        return run.Elapsed;
    }

    /// <summary>The local package folder of <c>scripts/pack-local.sh</c>: NEURORNN_PACKAGES or artifacts/packages.</summary>
    public static string PackageFolder { get; } = Environment.GetEnvironmentVariable("NEURORNN_PACKAGES") is { Length: > 0 } set
        ? Path.GetFullPath(set, CliRunner.RepositoryRoot)
        : Path.Combine(CliRunner.RepositoryRoot, "artifacts", "packages");

    /// <summary>
    /// The version of the toolkit's packages in <see cref="PackageFolder"/>, where notebooks/nuget.config points: the one
    /// scripts/test.sh packed (NEURORNN_PACKED_VERSION), else packed here with <c>scripts/pack-local.sh</c> from the
    /// current Release build (a new version each time). Once per test process.
    /// </summary>
    public static string PackLocal() => Packed.Value;

    /// <summary>The package <paramref name="id"/> of <see cref="PackLocal"/>'s version.</summary>
    public static string PackedFile(string id) => Path.Combine(PackageFolder, $"{id}.{PackLocal()}.nupkg");

    private static readonly Lazy<string> Packed = new(() =>
    {
        if (Environment.GetEnvironmentVariable("NEURORNN_PACKED_VERSION") is { Length: > 0 } packed)
        {
            var interactive = Path.Combine(PackageFolder, $"NeuroRnn.Interactive.{packed}.nupkg");
            return File.Exists(interactive) ? packed
                : throw new InvalidOperationException($"NEURORNN_PACKED_VERSION={packed}, but {interactive} does not exist: unset it or run scripts/pack-local.sh.");
        }
        var run = Shell.Run("bash", [Path.Combine("scripts", "pack-local.sh"), "--no-build"], TimeSpan.FromMinutes(15));
        if (run.ExitCode != 0) throw new InvalidOperationException($"scripts/pack-local.sh failed:\n{run.Error}\n{run.Output}");
        return run.Output.Trim().Split('\n')[^1].Trim();
    }, LazyThreadSafetyMode.ExecutionAndPublication);
}
