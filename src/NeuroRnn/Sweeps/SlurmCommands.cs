using System.Diagnostics;

namespace NeuroRnn.Sweeps;

/// <summary>Runs Slurm's client commands, finding them on PATH first so that a missing one is a clear error.</summary>
internal static class SlurmCommands
{
    /// <summary>The full path of <paramref name="command"/> on PATH, or null.</summary>
    public static string? Find(string command)
    {
        if (command.Contains('/')) return File.Exists(command) ? command : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Throws unless every command is on PATH.</summary>
    public static void Require(params string[] commands)
    {
        foreach (var c in commands)
            if (Find(c) is null)
                throw new SlurmUnavailableException(c,
                    $"The Slurm runner needs `{c}`, which is not on PATH ({Environment.GetEnvironmentVariable("PATH")}). Run on a Slurm login node, install Slurm's client commands (Debian: slurm-client), or use --runner local. Nothing was submitted.");
    }

    /// <summary>Runs <paramref name="command"/>; returns its standard output, or throws with its error output.</summary>
    public static string Run(string command, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        Require(command);
        var info = new ProcessStartInfo(Find(command)!) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = standardInput is not null, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new SlurmUnavailableException(command, $"`{command}` could not be started.");
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new SlurmUnavailableException(command, $"`{command} {string.Join(' ', arguments)}` failed (exit code {process.ExitCode}): {stderr.Result.Trim()}");
        return stdout;
    }
}
