using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// Runs kernel_client_checks.py with Debian's Python and jupyter_client. Missing Python or jupyter_client is a test
/// failure naming the Debian package, never a skip.
/// </summary>
internal static class JupyterClientScript
{
    public const string Python = "/usr/bin/python3";

    public static string ScriptPath => PathOf("kernel_client_checks.py");

    /// <summary>The JSON report lines of the checks; throws with the script's full output when any check fails.</summary>
    public static IReadOnlyList<JsonObject> Run(string arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        Run("kernel_client_checks.py", arguments, timeout, environment);

    /// <summary>The JSON lines printed by one of the Python scripts next to the tests; throws with its full output when it fails.</summary>
    public static IReadOnlyList<JsonObject> Run(string script, string arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var scriptPath = PathOf(script);
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install Debian's python3 and python3-jupyter-client (apt-get install python3-jupyter-client).");
        }

        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException($"The client script was not copied next to the tests: {scriptPath}");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(scriptPath);
        foreach (var argument in SplitArguments(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{script} {arguments} did not finish within {timeout}.\nstdout:\n{output}\nstderr:\n{errors}");
        }

        process.WaitForExit();
        if (process.ExitCode == 3)
        {
            throw new InvalidOperationException($"A Debian Python package is missing (python3-jupyter-client, python3-jupyter-kernel-test): {errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{script} {arguments} failed (exit {process.ExitCode}).\nstdout:\n{output}\nstderr:\n{errors}");
        }

        return output.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToArray();
    }

    private static string PathOf(string script) => Path.Combine(AppContext.BaseDirectory, "Integration", script);

    private static IEnumerable<string> SplitArguments(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
