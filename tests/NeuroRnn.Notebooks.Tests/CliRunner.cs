using System.Reflection;
using System.Runtime.CompilerServices;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>Finds and runs the real <c>neurornn</c> tool built alongside these tests.</summary>
internal static class CliRunner
{
    /// <summary>Environment variable that overrides where NeuroRnn.Cli.dll is.</summary>
    public const string OverrideVariable = "NEURORNN_CLI";

    /// <summary>The repository root (the folder with Kernel.sln), found upwards from the test assembly or the working directory.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// NeuroRnn.Cli.dll of the same configuration as this test assembly: NEURORNN_CLI if set; else the artifacts layout
    /// (…/bin/NeuroRnn.Notebooks.Tests/&lt;config&gt;/ → …/bin/NeuroRnn.Cli/&lt;config&gt;/); else
    /// src/NeuroRnn.Cli/bin/&lt;Configuration&gt;/net10.0/.
    /// </summary>
    public static string CliPath { get; } = FindCli();

    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    /// <summary>Runs <c>dotnet NeuroRnn.Cli.dll args…</c> in <paramref name="workingDirectory"/>, killing it after <paramref name="timeout"/>.</summary>
    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] args) =>
        Shell.Run("dotnet", [CliPath, .. args], timeout, workingDirectory: workingDirectory);

    /// <summary>A fresh temporary folder.</summary>
    public static string TempFolder(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        // The source path recorded at compile time covers builds into an artifacts folder outside the repository.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(SourcePath()) ?? "" })
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Cannot find the repository root (Kernel.sln) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }

    /// <summary>The tool's assembly (the command is still called neurornn).</summary>
    private const string CliAssembly = "NeuroRnn.Cli.dll";

    private static string SourcePath([CallerFilePath] string path = "") => path;

    private static string FindCli()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new InvalidOperationException($"{OverrideVariable}={fromEnvironment} does not exist.");
        var configuration = typeof(CliRunner).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var candidates = new List<string>();
        // Artifacts layout: <artifacts>/bin/NeuroRnn.Notebooks.Tests/<pivot>/ next to <artifacts>/bin/NeuroRnn.Cli/<pivot>/.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (baseDir.Parent is { Name: "NeuroRnn.Notebooks.Tests", Parent: { } bin })
            candidates.Add(Path.Combine(bin.FullName, "NeuroRnn.Cli", baseDir.Name, "NeuroRnn.Cli.dll"));
        // Classic layout: tests/NeuroRnn.Notebooks.Tests/bin/<Configuration>/net10.0/ and src/NeuroRnn.Cli/bin/<Configuration>/net10.0/.
        candidates.Add(Path.Combine(RepositoryRoot, "src", "NeuroRnn.Cli", "bin", configuration, "net10.0", "NeuroRnn.Cli.dll"));
        foreach (var candidate in candidates)
            if (File.Exists(candidate)) return candidate;
        throw new InvalidOperationException(
            $"NeuroRnn.Cli.dll ({configuration}) not found; looked at: {string.Join(", ", candidates)}. Build src/NeuroRnn.Cli (the test project references it) or set {OverrideVariable}.");
    }
}
