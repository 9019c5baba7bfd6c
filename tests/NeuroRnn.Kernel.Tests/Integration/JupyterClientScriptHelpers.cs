using System.Diagnostics;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>Small one-off questions to Debian's jupyter_client.</summary>
internal static class JupyterClientScriptHelpers
{
    /// <summary>The kernelspec names jupyter_client finds with <c>JUPYTER_PATH=<paramref name="jupyterPath"/></c>.</summary>
    public static IReadOnlyList<string> FindKernelSpecs(string jupyterPath)
    {
        var start = new ProcessStartInfo(JupyterClientScript.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("from jupyter_client.kernelspec import KernelSpecManager\nfor name in sorted(KernelSpecManager().find_kernel_specs()): print(name)");
        start.Environment["JUPYTER_PATH"] = jupyterPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {JupyterClientScript.Python}.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"jupyter_client could not list kernelspecs (is python3-jupyter-client installed?): {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
