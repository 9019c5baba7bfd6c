using System.Diagnostics;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>
/// A real single-node Slurm cluster for the sweep tests, started by the fixture itself (CI runs no services):
/// <c>scripts/slurm-local.sh start</c> writes the configuration and starts munged, slurmctld and slurmd. If that is not
/// possible (no root, slurm-wlm or munge missing) the tests fail with the script's output — never skip.
/// </summary>
public sealed class SlurmCluster
{
    public SlurmCluster()
    {
        string script = Path.Combine(CliRunner.RepositoryRoot, "scripts", "slurm-local.sh");
        var result = Shell.Run("bash", [script, "start"], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Cannot start the local Slurm cluster (`{script} start` exited with {result.ExitCode}); the sweep tests need it. Install slurm-wlm and munge (scripts/setup.sh --tests) and run as root.\n{result.Output}\n{result.Error}");
        Log = result.Output;
    }

    public string Log { get; }
}

/// <summary>Runs a program with an optional environment override.</summary>
internal static class Shell
{
    public static CliRunner.Result Run(string program, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? CliRunner.RepositoryRoot };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        process.WaitForExit();
        return new CliRunner.Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
    }

    /// <summary>Runs the real neurornn tool (dotnet NeuroRnn.Cli.dll) with an environment override.</summary>
    public static CliRunner.Result Neurornn(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(DotnetPath(), [CliRunner.CliPath, .. args], timeout, environment);

    private static string DotnetPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "dotnet"))) return Path.Combine(dir, "dotnet");
        return Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
    }
}
