using System.Diagnostics;
using System.Reflection;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// The built <c>neurornn</c> CLI (the test project builds it; its path is recorded at build time) and kernelspecs
/// installed with its own <c>kernel install --prefix</c> into a private directory, for jupyter_client to launch.
/// </summary>
internal static class NeuroRnnCli
{
    private static readonly Lazy<string> InstalledPrefix = new(InstallKernelspecs);

    /// <summary>The CLI's entry dll.</summary>
    public static string DllPath
    {
        get
        {
            var path = typeof(NeuroRnnCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NeuroRnnCliPath")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException($"The neurornn CLI build output was not found (recorded path: '{path}'); build the test project, which builds src/NeuroRnn.Cli.");
            }

            return path;
        }
    }

    /// <summary>The dotnet host running these tests, so the kernel uses the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    /// <summary>Environment for jupyter_client: only our kernelspecs, private runtime directory.</summary>
    public static IReadOnlyDictionary<string, string> JupyterEnvironment => new Dictionary<string, string>
    {
        ["JUPYTER_PATH"] = Path.Combine(InstalledPrefix.Value, "share", "jupyter"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(InstalledPrefix.Value, "runtime"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(InstalledPrefix.Value, "data"),
        ["JUPYTER_PLATFORM_DIRS"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public const string KernelStem = "neurornn-test";

    /// <summary>Runs the CLI and returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>Runs the CLI with extra environment variables and returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Output, string Error) RunWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunIn(null, TimeSpan.FromSeconds(60), environment, arguments);

    /// <summary>Runs the CLI in <paramref name="workingDirectory"/> (null: this process's) with a time limit.</summary>
    public static (int ExitCode, string Output, string Error) RunIn(string? workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"neurornn {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string InstallKernelspecs()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"neurornn-kernel-it-{Environment.ProcessId}");
        Directory.CreateDirectory(prefix);
        var (code, output, error) = Run("kernel", "install", "--prefix", prefix, "--name", KernelStem);
        if (code != 0)
        {
            throw new InvalidOperationException($"neurornn kernel install failed ({code}):\n{output}\n{error}");
        }

        return prefix;
    }
}
