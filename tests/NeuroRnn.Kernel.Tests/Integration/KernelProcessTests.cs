using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Tests.Integration;

/// <summary>
/// The real kernel process (<c>neurornn kernel start</c>, launched by jupyter_client's KernelManager from a kernelspec
/// written by <c>neurornn kernel install</c>) running real C# and F# cells.
/// </summary>
public sealed class KernelProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private IReadOnlyList<JsonObject> Run(string language, string checks, string extra = "")
    {
        var reports = JupyterClientScript.Run(
            $"--kernel-name {NeuroRnnCli.KernelStem}-{language} --dialect {language} --checks {checks} {extra}",
            Timeout,
            NeuroRnnCli.JupyterEnvironment);
        foreach (var report in reports)
        {
            output.WriteLine(report.ToJsonString());
        }

        return reports;
    }

    [Fact]
    public void CSharp_ProtocolChecks()
    {
        var reports = Run("csharp", "kernel_info,streams,display,execute_result,errors,completion,input,bad_signature,state,interrupt,native_libraries");
        Assert.Equal(
            ["kernel_info", "streams", "display", "execute_result", "errors", "completion_inspect_is_complete", "input", "bad_signature_rejected", "state_kept", "interrupt", "native_libraries"],
            reports.Select(r => r["check"]!.GetValue<string>()));
    }

    [Fact]
    public void FSharp_ProtocolChecks()
    {
        var reports = Run("fsharp", "kernel_info,streams,display,execute_result,errors,completion,input,state,interrupt");
        Assert.Equal(9, reports.Count);
        Assert.Equal("F#", reports[0]["language"]!.GetValue<string>());
    }

    [Fact]
    public void Restart_StartsAFreshProcess_ThenShutdown_EndsItCleanly()
    {
        var reports = Run("csharp", "restart,shutdown");
        Assert.Equal(["restart", "shutdown"], reports.Select(r => r["check"]!.GetValue<string>()));
        Assert.NotEqual(reports[0]["old_pid"]!.GetValue<int>(), reports[0]["new_pid"]!.GetValue<int>());
        Assert.Equal(reports[0]["new_pid"]!.GetValue<int>(), reports[1]["pid"]!.GetValue<int>());
        Assert.Equal(0, reports[1]["exit_code"]!.GetValue<int>());
    }

    [Fact]
    public void Soak_MixedCells_KernelAliveAndMemoryBounded()
    {
        // CI variant of the 1,000-cell soak (bench/results/kernel.md has the full run): successes, errors, interrupts.
        var report = Assert.Single(Run("csharp", "soak", "--soak-cells 150 --soak-interrupt-every 50 --soak-error-every 7"));
        Assert.Equal(3, report["interrupted"]!.GetValue<int>());
        Assert.True(report["error"]!.GetValue<int>() >= 15);
        var peak = report["peak_rss_mb"]!.GetValue<double>();
        Assert.True(peak < 1024, $"peak RSS {peak} MB after 150 cells");
    }

    [Fact]
    public void KernelInstall_IsFoundByJupyter()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"neurornn-install-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = NeuroRnnCli.Run("kernel", "install", "--prefix", prefix);
            Assert.True(code == 0, $"exit {code}: {output}{error}");
            var specs = JupyterClientScriptHelpers.FindKernelSpecs(Path.Combine(prefix, "share", "jupyter"));
            Assert.Contains("neurornn-csharp", specs);
            Assert.Contains("neurornn-fsharp", specs);
        }
        finally
        {
            if (Directory.Exists(prefix))
            {
                Directory.Delete(prefix, true);
            }
        }
    }

    [Fact]
    public void KernelInstall_DefaultsToTheUserJupyterDataDirectory_AndRejectsUserWithPrefix()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"neurornn-userdata-{Guid.NewGuid():N}");
        try
        {
            var environment = new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = dataDir };
            var (code, output, error) = NeuroRnnCli.RunWith(environment, "kernel", "install", "--user", "--name", "nr-user");
            Assert.True(code == 0, $"exit {code}: {output}{error}");
            var kernelJson = Path.Combine(dataDir, "kernels", "nr-user-csharp", "kernel.json");
            Assert.True(File.Exists(kernelJson), output);
            var argv = JsonNode.Parse(File.ReadAllText(kernelJson))!["argv"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            Assert.Equal(NeuroRnnCli.DllPath, argv[1]);
            Assert.Equal(["kernel", "start", "-f", "{connection_file}", "--language", "csharp"], argv[2..]);

            var (conflict, _, conflictError) = NeuroRnnCli.RunWith(environment, "kernel", "install", "--user", "--prefix", dataDir);
            Assert.Equal(2, conflict);
            Assert.Contains("--user and --prefix", conflictError);
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, true);
            }
        }
    }

    [Fact]
    public void KernelStart_BadConnectionFile_FailsWithTheFieldName()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-connection-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "key": "k", "signature_scheme": "hmac-sha256"}""");
        try
        {
            var (code, _, error) = NeuroRnnCli.Run("kernel", "start", "-f", file);
            Assert.Equal(2, code);
            Assert.Contains(file, error);
            Assert.Contains("\"hb_port\" is missing", error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
