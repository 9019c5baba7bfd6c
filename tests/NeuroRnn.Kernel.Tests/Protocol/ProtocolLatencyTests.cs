using NeuroRnn.Kernel.Tests.Integration;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>Timing-sensitive checks run alone (not in parallel with the suite's other tests).</summary>
[CollectionDefinition(nameof(ProtocolLatencyTests), DisableParallelization = true)]
public sealed class ProtocolLatencyCollection;

[Collection(nameof(ProtocolLatencyTests))]
public sealed class ProtocolLatencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void RealJupyterClient_TrivialCellRoundTrip_AddsLittleLatency()
    {
        using var kernel = new InProcessKernel();
        var report = Assert.Single(JupyterClientScript.Run($"--connection-file {kernel.ConnectionFile} --dialect scripted --checks bench", TimeSpan.FromSeconds(90)));
        output.WriteLine(report.ToJsonString());
        var median = report["roundtrip_median_ms"]!.GetValue<double>();

        // The protocol's share of a cell round trip (interpreter time ~0 here); generous for a loaded CI machine,
        // but a design that waits for poll timeouts or timers per message (>= 100 ms per hop) fails it.
        Assert.True(median < 150, $"median round trip {median} ms through the real client");
    }
}
