using NetMQ;
using NetMQ.Sockets;

namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>
/// One ZeroMQ socket with multipart send/receive, on NetMQ (a managed implementation of ZeroMQ's wire protocol
/// ZMTP 3, so no native library is needed). Like ZeroMQ sockets themselves this class is not thread-safe: one
/// thread uses it at a time (callers that share one serialise with a lock).
/// </summary>
internal sealed class ZmqSocket : IDisposable
{
    /// <summary>How long a send may wait for a peer before the message counts as undeliverable.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    private readonly NetMQSocket _socket;
    private List<byte[]>? _frames;
    private int _disposed;

    private ZmqSocket(NetMQSocket socket, ZmqSocketType type)
    {
        _socket = socket;
        Type = type;
    }

    /// <summary>The socket's pattern.</summary>
    public ZmqSocketType Type { get; }

    /// <summary>
    /// Creates a socket. <paramref name="lingerMilliseconds"/> is how long queued outgoing messages (a final
    /// shutdown reply) may still be delivered after the socket is disposed.
    /// </summary>
    public static ZmqSocket Create(ZmqSocketType type, int lingerMilliseconds = 1000)
    {
        NetMQSocket socket = type switch
        {
            ZmqSocketType.Publisher => new PublisherSocket(),
            ZmqSocketType.Subscriber => new SubscriberSocket(),
            ZmqSocketType.Request => new RequestSocket(),
            ZmqSocketType.Reply => new ResponseSocket(),
            ZmqSocketType.Dealer => new DealerSocket(),
            ZmqSocketType.Router => new RouterSocket(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown ZeroMQ socket type."),
        };
        socket.Options.Linger = TimeSpan.FromMilliseconds(lingerMilliseconds);
        return new ZmqSocket(socket, type);
    }

    /// <summary>The identity a DEALER presents to the ROUTER it connects to (set before connecting).</summary>
    public byte[] RoutingId
    {
        set => Socket.Options.Identity = value;
    }

    /// <summary>A restarted front end reconnects with the same identity: let it take over the old connection (ROUTER).</summary>
    public bool RouterHandover
    {
        set => Socket.Options.RouterHandover = value;
    }

    /// <summary>Subscribes a SUB socket to every topic.</summary>
    public void SubscribeToAll() => ((SubscriberSocket)Socket).SubscribeToAnyTopic();

    /// <summary>Binds to an endpoint such as <c>tcp://127.0.0.1:5555</c>.</summary>
    public void Bind(string endpoint)
    {
        try
        {
            Socket.Bind(endpoint);
        }
        catch (Exception e) when (e is NetMQException or ArgumentException or System.Net.Sockets.SocketException)
        {
            throw new ZmqException($"Cannot bind a ZeroMQ {Type} socket to '{endpoint}': {e.Message}", e);
        }
    }

    /// <summary>Connects to an endpoint (client side; used by tests).</summary>
    public void Connect(string endpoint)
    {
        try
        {
            Socket.Connect(endpoint);
        }
        catch (Exception e) when (e is NetMQException or ArgumentException)
        {
            throw new ZmqException($"Cannot connect a ZeroMQ {Type} socket to '{endpoint}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Sends all frames as one multipart message. Returns false when it cannot be delivered instead (no peer took it
    /// within a few seconds, or the socket is being closed). A ROUTER drops messages for peers that are gone.
    /// </summary>
    public bool SendMultipart(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("A ZeroMQ message needs at least one frame.", nameof(frames));
        }

        try
        {
            return Socket.TrySendMultipartBytes(SendTimeout, frames);
        }
        catch (TerminatingException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever, 0: just check) for a message and receives
    /// all its frames; null when none arrived in time.
    /// </summary>
    public List<byte[]>? ReceiveMultipart(int timeoutMilliseconds)
    {
        var timeout = timeoutMilliseconds < 0 ? SendReceiveForever : TimeSpan.FromMilliseconds(timeoutMilliseconds);
        var frames = _frames ?? new List<byte[]>(8);
        _frames = null;
        if (!Socket.TryReceiveMultipartBytes(timeout, ref frames!))
        {
            // Keep the list for the next call: polling loops would otherwise allocate one per timeout.
            _frames = frames;
            return null;
        }

        return frames;
    }

    private static readonly TimeSpan SendReceiveForever = TimeSpan.FromMilliseconds(-1);

    private NetMQSocket Socket
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _socket;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
        }
    }
}
