using System.Diagnostics;
using System.Text;

namespace NeuroRnn.Kernel.Magics;

/// <summary>Runs the .NET SDK's <c>dotnet</c> command (restore, build) for directives, with a time limit and interrupts.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>; returns its exit code and combined output.</summary>
    /// <exception cref="MagicCommandException">It could not start or ran longer than <paramref name="timeout"/> (then it is stopped).</exception>
    /// <exception cref="OperationCanceledException">The cell was interrupted (the process is stopped).</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directive, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The kernel may run under 'dotnet test' or 'dotnet run': their MSBuild settings must not leak into this build.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" }) start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new MagicCommandException($"{directive}: could not start 'dotnet {arguments[0]}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new MagicCommandException($"{directive}: 'dotnet {arguments[0]}' took longer than {timeout.TotalSeconds:0} s and was stopped.");
        }
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }

    /// <summary>The distinct error lines of MSBuild/NuGet output, without project paths and target-framework suffixes.</summary>
    public static IReadOnlyList<string> Errors(string output) =>
        output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains(": error ", StringComparison.OrdinalIgnoreCase) || l.StartsWith("error ", StringComparison.OrdinalIgnoreCase))
            .Select(Clean)
            .Distinct()
            .ToArray();

    private static string Clean(string line)
    {
        // "/p/restore.csproj : error NU1101: Unable to find package X… [/p/restore.csproj]" → "error NU1101: Unable to find package X…"
        // "/p/Lib.cs(3,5): error CS0103: … [/p/Lib.csproj]" keeps its file and position.
        var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
        var text = bracket > 0 && line.EndsWith(']') ? line[..bracket] : line;
        var projectError = text.IndexOf(" : error ", StringComparison.OrdinalIgnoreCase);
        return projectError > 0 ? text[(projectError + 3)..] : text;
    }

    private static string Executable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
