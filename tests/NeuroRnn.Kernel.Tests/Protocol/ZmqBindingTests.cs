using System.Globalization;
using NeuroRnn.Kernel.Protocol;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class ZmqBindingTests
{
    [Fact]
    public void LibraryVersion_IsLibzmq4()
    {
        Assert.StartsWith("4.", ZmqContext.LibraryVersion);
    }

    [Fact]
    public void MissingLibrary_ErrorNamesTheDebianPackage()
    {
        var error = ZmqException.LibraryMissing(new DllNotFoundException("libzmq.so.5: cannot open shared object file"));
        Assert.Contains("libzmq5", error.Message);
        Assert.Contains("libzmq.so.5", error.Message);
        Assert.Equal(0, error.ErrorNumber);
    }

    [Fact]
    public void DealerToRouter_MultipartRoundTrip_PreservesFramesAndIdentity()
    {
        using var context = new ZmqContext();
        using var router = context.CreateSocket(ZmqSocketType.Router, 0);
        using var dealer = context.CreateSocket(ZmqSocketType.Dealer, 0);
        var port = InProcessKernel.FreePorts(1)[0];
        router.Bind($"tcp://127.0.0.1:{port}");
        dealer.SetOption(ZmqNative.OptionRoutingId, "me"u8);
        dealer.Connect($"tcp://127.0.0.1:{port}");

        byte[] big = new byte[1 << 20];
        Random.Shared.NextBytes(big);
        Assert.True(dealer.SendMultipart([[], "x"u8.ToArray(), big]));
        var received = router.ReceiveMultipart(5000);
        Assert.NotNull(received);
        Assert.Equal(["me"u8.ToArray(), [], "x"u8.ToArray(), big], received);
        Assert.Null(router.ReceiveMultipart(0));
    }

    [Fact]
    public void BindingAPortInUse_FailsWithTheEndpointInTheMessage()
    {
        using var context = new ZmqContext();
        using var first = context.CreateSocket(ZmqSocketType.Router, 0);
        using var second = context.CreateSocket(ZmqSocketType.Router, 0);
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
