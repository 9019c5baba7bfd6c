using NeuroRnn.Kernel.Tests.Integration;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>
/// The protocol server against the real Jupyter client (Debian's jupyter_client), in process with the scripted
/// interpreter, so protocol behaviour is checked independently of the C#/F# engines.
/// </summary>
public sealed class JupyterClientProtocolTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void RealJupyterClient_AllProtocolChecks()
    {
        // One client process for all checks keeps the suite fast; each check reports one line or fails with details.
        string[] checks = ["kernel_info", "streams", "display", "execute_result", "errors", "completion", "interrupt", "input", "bad_signature", "state"];
        using var kernel = new InProcessKernel();
        var reports = JupyterClientScript.Run($"--connection-file {kernel.ConnectionFile} --dialect scripted --checks {string.Join(',', checks)}", TimeSpan.FromSeconds(120));
        foreach (var report in reports)
        {
            output.WriteLine(report.ToJsonString());
        }

        Assert.Equal(
            ["kernel_info", "streams", "display", "execute_result", "errors", "completion_inspect_is_complete", "interrupt", "input", "bad_signature_rejected", "state_kept"],
            reports.Select(r => r["check"]!.GetValue<string>()));
        Assert.Contains("invalid signature", kernel.LogText);
        Assert.Equal(2, ((ScriptedInterpreter)kernel.Interpreter).Executed.Count(code => code == "=7"));
    }

    [Fact]
    public void RealJupyterClient_SoakOfMixedCells_KeepsTheKernelServing()
    {
        using var kernel = new InProcessKernel();
        var report = Assert.Single(JupyterClientScript.Run(
            $"--connection-file {kernel.ConnectionFile} --dialect scripted --checks soak --soak-cells 200 --soak-interrupt-every 40 --soak-error-every 7",
            TimeSpan.FromSeconds(120)));
        output.WriteLine(report.ToJsonString());
        Assert.Equal(5, report["interrupted"]!.GetValue<int>());
        Assert.True(report["error"]!.GetValue<int>() > 20);
    }
}
