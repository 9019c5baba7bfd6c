using System.Diagnostics;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>Runs programs for the tests (the neurornn tool, bash scripts, dotnet, nbclient, Slurm's commands).</summary>
internal static class Shell
{
    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="workingDirectory"/> (default: the repository root) with an
    /// optional environment override; kills its process tree after <paramref name="timeout"/> and throws with what it printed.
    /// </summary>
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
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s.\nstdout:\n{Printed(stdout)}\nstderr:\n{Printed(stderr)}");
        }
        process.WaitForExit();
        return new CliRunner.Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
    }

    /// <summary>Runs the real neurornn tool (dotnet NeuroRnn.Cli.dll) with an environment override.</summary>
    public static CliRunner.Result Neurornn(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Run(DotnetPath(), [CliRunner.CliPath, .. args], timeout, environment);

    /// <summary>What a killed process printed (its pipes close with it; a grandchild holding them open gives up after 5 s).</summary>
    private static string Printed(Task<string> text) => text.Wait(TimeSpan.FromSeconds(5)) ? text.Result : "(still open)";

    private static string DotnetPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "dotnet"))) return Path.Combine(dir, "dotnet");
        return Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
    }
}
