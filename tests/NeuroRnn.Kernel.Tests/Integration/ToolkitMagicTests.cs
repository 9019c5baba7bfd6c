
namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// NeuroRnn's toolkit magics (declared in NeuroRnn.Interactive by convention, with no reference to the kernel) in the
/// real kernel process, driven by Debian's jupyter_client: loading, describing, plotting, live training, completion,
/// help and user errors that name the option or file.
/// </summary>
public sealed class ToolkitMagicTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void ToolkitMagics_RunInTheRealKernel()
    {
        var root = RepositoryRoot();
        var notARecording = Path.Combine(Path.GetTempPath(), $"neurornn-not-a-recording-{Guid.NewGuid():N}.txt");
        File.WriteAllText(notARecording, "this is no recording\n");
        try
        {
            var reports = JupyterClientScript.Run("toolkit_magic_checks.py",
                $"--kernel-name {NeuroRnnCli.KernelStem}-csharp --recording {Path.Combine(root, "data", "v1-gratings.npz")} --not-a-recording {notARecording}",
                TimeSpan.FromMinutes(8), NeuroRnnCli.JupyterEnvironment);
            foreach (var report in reports) output.WriteLine(report.ToJsonString());
            Assert.Equal(["load_and_describe", "plot", "train_live_chart", "completion", "help_and_backend", "errors", "fsharp"],
                reports.Select(r => r["check"]!.GetValue<string>()));
        }
        finally
        {
            File.Delete(notARecording);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "data", "v1-gratings.npz"))) return directory.FullName;
        }
        throw new InvalidOperationException($"data/v1-gratings.npz not found above {AppContext.BaseDirectory}.");
    }
}
