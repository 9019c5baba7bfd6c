using System.Globalization;
using NeuroRnn.Kernel.Protocol;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class ZmqBindingTests
{
    [Fact]
    public void Transport_IsManaged_NoNativeZeroMqLibraryIsLoaded()
    {
        // Bind and use every socket type the kernel uses, then look at what this process has mapped.
        using var kernel = new InProcessKernel();
        using var client = new TestKernelClient(kernel.Connection);
        client.WaitUntilReady();
        Assert.StartsWith("NetMQ 4.", ZmqTransport.Description);
        var maps = File.ReadAllText($"/proc/{Environment.ProcessId}/maps");
        Assert.DoesNotContain("libzmq", maps);
        Assert.Contains("NetMQ.dll", maps);
    }

    [Fact]
    public void DealerToRouter_MultipartRoundTrip_PreservesFramesAndIdentity()
    {
        using var router = ZmqSocket.Create(ZmqSocketType.Router, 0);
        using var dealer = ZmqSocket.Create(ZmqSocketType.Dealer, 0);
        var port = InProcessKernel.FreePorts(1)[0];
        router.Bind($"tcp://127.0.0.1:{port}");
        dealer.RoutingId = "me"u8.ToArray();
        dealer.Connect($"tcp://127.0.0.1:{port}");

        byte[] big = new byte[1 << 20];
        Random.Shared.NextBytes(big);
        Assert.True(dealer.SendMultipart([[], "x"u8.ToArray(), big]));
        var received = router.ReceiveMultipart(5000);
        Assert.NotNull(received);
        Assert.Equal(["me"u8.ToArray(), [], "x"u8.ToArray(), big], received);
        Assert.Null(router.ReceiveMultipart(0));

        // And back: the ROUTER routes by the identity frame.
        Assert.True(router.SendMultipart(["me"u8.ToArray(), "reply"u8.ToArray()]));
        Assert.Equal(["reply"u8.ToArray()], dealer.ReceiveMultipart(5000));
    }

    [Fact]
    public void RouterToAGoneIdentity_DropsTheMessageWithoutBlocking()
    {
        using var router = ZmqSocket.Create(ZmqSocketType.Router, 0);
        router.Bind($"tcp://127.0.0.1:{InProcessKernel.FreePorts(1)[0]}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        router.SendMultipart(["nobody"u8.ToArray(), "x"u8.ToArray()]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void BindingAPortInUse_FailsWithTheEndpointInTheMessage()
    {
        using var first = ZmqSocket.Create(ZmqSocketType.Router, 0);
        using var second = ZmqSocket.Create(ZmqSocketType.Router, 0);
        var endpoint = $"tcp://127.0.0.1:{InProcessKernel.FreePorts(1)[0]}";
        first.Bind(endpoint);
        var error = Assert.Throws<ZmqException>(() => second.Bind(endpoint));
        Assert.Contains(endpoint, error.Message);
    }

    [Fact]
    public void KernelListensOnlyOnTheConnectionFileAddress()
    {
        using var kernel = new InProcessKernel();
        var listening = File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A") // LISTEN
            .Select(fields => fields[1].Split(':'))
            .Where(address => int.Parse(address[1], NumberStyles.HexNumber) == kernel.Connection.ShellPort)
            .Select(address => address[0])
            .ToArray();
        Assert.Equal(["0100007F"], listening); // 127.0.0.1 only, not 0.0.0.0
    }
}
