using NeuroRnn.Kernel.Tests.Integration;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>
/// The protocol server against the real Jupyter client (Debian's jupyter_client), in process with the scripted
/// interpreter, so protocol behaviour is checked independently of the C#/F# engines.
/// </summary>
public sealed class JupyterClientProtocolTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("kernel_info")]
    [InlineData("streams")]
    [InlineData("display")]
    [InlineData("execute_result")]
    [InlineData("errors")]
    [InlineData("completion")]
    [InlineData("interrupt")]
    [InlineData("input")]
    [InlineData("bad_signature")]
    [InlineData("state")]
    public void RealJupyterClient_Check(string check)
    {
        using var kernel = new InProcessKernel();
        var reports = JupyterClientScript.Run($"--connection-file {kernel.ConnectionFile} --dialect scripted --checks {check}", TimeSpan.FromSeconds(90));
        var report = Assert.Single(reports);
        Assert.Equal(check == "completion" ? "completion_inspect_is_complete" : check == "bad_signature" ? "bad_signature_rejected" : check == "state" ? "state_kept" : check, report["check"]!.GetValue<string>());
        if (check == "bad_signature")
        {
            Assert.Contains("invalid signature", kernel.LogText);
        }
    }

    [Fact]
    public void RealJupyterClient_TrivialCellRoundTrip_AddsLittleLatency()
    {
        using var kernel = new InProcessKernel();
        var report = Assert.Single(JupyterClientScript.Run($"--connection-file {kernel.ConnectionFile} --dialect scripted --checks bench", TimeSpan.FromSeconds(90)));
        output.WriteLine(report.ToJsonString());
        var median = report["roundtrip_median_ms"]!.GetValue<double>();

        // The protocol's share of a cell round trip (interpreter time ~0 here); generous for a loaded CI machine.
        Assert.True(median < 50, $"median round trip {median} ms through the real client");
    }

    [Fact]
    public void RealJupyterClient_SoakOfMixedCells_KeepsTheKernelServing()
    {
        using var kernel = new InProcessKernel();
        var report = Assert.Single(JupyterClientScript.Run(
            $"--connection-file {kernel.ConnectionFile} --dialect scripted --checks soak --soak-cells 200 --soak-interrupt-every 40 --soak-error-every 7",
            TimeSpan.FromSeconds(120)));
        Assert.Equal(5, report["interrupted"]!.GetValue<int>());
        Assert.True(report["error"]!.GetValue<int>() > 20);
    }
}
