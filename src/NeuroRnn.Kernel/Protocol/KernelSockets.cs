using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The transport of one kernel: the five ZeroMQ sockets bound to the connection file's address — shell, control and
/// stdin ROUTER, iopub PUB, heartbeat REP.
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    private readonly List<ZmqSocket> _all = [];

    /// <summary>Binds all five sockets; on failure the ones already bound are closed again.</summary>
    /// <exception cref="ZmqException">A port cannot be bound.</exception>
    public KernelSockets(ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            Shell = Bind(ZmqSocketType.Router, connection, connection.ShellPort);
            Control = Bind(ZmqSocketType.Router, connection, connection.ControlPort);
            Stdin = Bind(ZmqSocketType.Router, connection, connection.StdinPort);
            IoPub = Bind(ZmqSocketType.Publisher, connection, connection.IOPubPort);
            Heartbeat = Bind(ZmqSocketType.Reply, connection, connection.HeartbeatPort);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public ZmqSocket Shell { get; }

    public ZmqSocket Control { get; }

    public ZmqSocket Stdin { get; }

    public ZmqSocket IoPub { get; }

    public ZmqSocket Heartbeat { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var socket in _all)
        {
            socket.Dispose();
        }
    }

    private ZmqSocket Bind(ZmqSocketType type, ConnectionInfo connection, int port)
    {
        var socket = ZmqSocket.Create(type);
        _all.Add(socket);
        if (type == ZmqSocketType.Router)
        {
            // A restarted front end reconnects with the same identity; let it take over the old connection.
            socket.RouterHandover = true;
        }

        socket.Bind(connection.Endpoint(port));
        return socket;
    }
}
