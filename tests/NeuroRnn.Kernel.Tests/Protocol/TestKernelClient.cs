using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>A minimal Jupyter client built on the kernel's own ZeroMQ transport, for in-process protocol tests.</summary>
internal sealed class TestKernelClient : IDisposable
{
    private readonly WireCodec _codec;
    private readonly string _session = Guid.NewGuid().ToString("N");

    public TestKernelClient(ConnectionInfo connection, string? key = null)
    {
        _codec = new WireCodec(new MessageSigner(key ?? connection.Key));
        var identity = Encoding.ASCII.GetBytes(_session);
        Shell = Connect(ZmqSocketType.Dealer, connection.Endpoint(connection.ShellPort), identity);
        Control = Connect(ZmqSocketType.Dealer, connection.Endpoint(connection.ControlPort), identity);
        Stdin = Connect(ZmqSocketType.Dealer, connection.Endpoint(connection.StdinPort), identity);
        IoPub = ZmqSocket.Create(ZmqSocketType.Subscriber, 0);
        IoPub.SubscribeToAll();
        IoPub.Connect(connection.Endpoint(connection.IOPubPort));
        Heartbeat = Connect(ZmqSocketType.Request, connection.Endpoint(connection.HeartbeatPort), null);
    }

    public ZmqSocket Shell { get; }

    public ZmqSocket Control { get; }

    public ZmqSocket Stdin { get; }

    public ZmqSocket IoPub { get; }

    public ZmqSocket Heartbeat { get; }

    /// <summary>
    /// Sends kernel_info requests until one is answered, which also proves iopub is subscribed (PUB drops early messages).
    /// Every request sent gets its reply read here: a probe answered late (a loaded machine) otherwise left its
    /// kernel_info_reply on the shell socket, where a test waiting for "no reply" found it.
    /// </summary>
    public void WaitUntilReady()
    {
        var watch = Stopwatch.StartNew();
        int sent = 0, answered = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var id = Send(Shell, "kernel_info_request", new JsonObject());
            sent++;
            var reply = Receive(Shell, TimeSpan.FromMilliseconds(500));
            if (reply is not null) answered++;
            if (reply is not null && IoPubUntilIdle(id, TimeSpan.FromMilliseconds(500)) is not null)
            {
                while (answered < sent && Receive(Shell, TimeSpan.FromSeconds(10)) is not null) answered++;
                if (answered < sent) throw new TimeoutException($"{sent - answered} of {sent} kernel_info probes were never answered.");
                Thread.Sleep(50); // the late probes' iopub status messages, then drained
                DrainIoPub();
                return;
            }
        }

        throw new TimeoutException("The in-process kernel did not answer kernel_info within 10 s.");
    }

    public string Send(ZmqSocket socket, string type, JsonObject content)
    {
        var message = Build(type, content);
        socket.SendMultipart(_codec.Encode(message));
        return message.MessageId;
    }

    public JupyterMessage Build(string type, JsonObject content) => new(
        [],
        new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = _session,
            ["username"] = "test",
            ["date"] = MessageFactory.Timestamp(DateTimeOffset.UtcNow),
            ["msg_type"] = type,
            ["version"] = "5.3",
        },
        new JsonObject(),
        new JsonObject(),
        content,
        []);

    public List<byte[]> Encode(JupyterMessage message) => _codec.Encode(message);

    public JupyterMessage? Receive(ZmqSocket socket, TimeSpan timeout)
    {
        var frames = socket.ReceiveMultipart((int)timeout.TotalMilliseconds);
        return frames is null ? null : _codec.Decode(frames, out _) ?? throw new InvalidDataException("The kernel sent a message that does not verify.");
    }

    private readonly List<(ZmqSocket Socket, JupyterMessage Message)> _unclaimed = [];

    /// <summary>The reply to a request; replies to other requests that arrive first are kept for their own callers.</summary>
    public JupyterMessage ReceiveReply(ZmqSocket socket, string requestId, TimeSpan? timeout = null)
    {
        var earlier = _unclaimed.FindIndex(u => u.Socket == socket && ParentId(u.Message) == requestId);
        if (earlier >= 0)
        {
            var found = _unclaimed[earlier].Message;
            _unclaimed.RemoveAt(earlier);
            return found;
        }

        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (watch.Elapsed < limit)
        {
            var message = Receive(socket, TimeSpan.FromMilliseconds(100));
            if (message is not null && ParentId(message) == requestId)
            {
                return message;
            }

            if (message is not null)
            {
                _unclaimed.Add((socket, message));
            }
        }

        throw new TimeoutException($"No reply to {requestId} within {limit}.");
    }

    /// <summary>iopub messages for a request, up to and including its status idle; null on timeout.</summary>
    public List<JupyterMessage>? IoPubUntilIdle(string requestId, TimeSpan timeout)
    {
        var messages = new List<JupyterMessage>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var message = Receive(IoPub, TimeSpan.FromMilliseconds(50));
            if (message is null || ParentId(message) != requestId)
            {
                continue;
            }

            messages.Add(message);
            if (message.MessageType == "status" && message.ContentString("execution_state") == "idle")
            {
                return messages;
            }
        }

        return null;
    }

    public void DrainIoPub()
    {
        while (Receive(IoPub, TimeSpan.FromMilliseconds(50)) is not null)
        {
        }
    }

    public static string ParentId(JupyterMessage message) =>
        message.ParentHeader["msg_id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : string.Empty;

    public void Dispose()
    {
        Shell.Dispose();
        Control.Dispose();
        Stdin.Dispose();
        IoPub.Dispose();
        Heartbeat.Dispose();
    }

    private ZmqSocket Connect(ZmqSocketType type, string endpoint, byte[]? identity)
    {
        var socket = ZmqSocket.Create(type, 0);
        if (identity is not null)
        {
            socket.RoutingId = identity;
        }

        socket.Connect(endpoint);
        return socket;
    }
}
