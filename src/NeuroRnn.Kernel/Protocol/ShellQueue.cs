namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The shell channel's incoming requests in arrival order. After a failed cell with stop_on_error, everything already
/// waiting on the socket is taken off it at once and the execute requests among it are marked to be aborted; they
/// are then served in order with the rest (other request types normally).
/// </summary>
internal sealed class ShellQueue
{
    private readonly RequestChannel _channel;
    private readonly Queue<(JupyterMessage Request, bool Abort)> _pending = new();

    public ShellQueue(RequestChannel channel) => _channel = channel;

    /// <summary>The next request (waiting up to <paramref name="timeoutMilliseconds"/> for one), or null.</summary>
    public (JupyterMessage Request, bool Abort)? Next(int timeoutMilliseconds)
    {
        if (_pending.TryDequeue(out var pending))
        {
            return pending;
        }

        return _channel.Receive(timeoutMilliseconds) is { } request ? (request, false) : null;
    }

    /// <summary>Marks the execute requests waiting now to be aborted (stop_on_error).</summary>
    public void AbortWaitingExecutes(Func<bool> stopping)
    {
        while (!stopping() && _channel.Receive(0) is { } queued)
        {
            _pending.Enqueue((queued, queued.MessageType == "execute_request"));
        }
    }
}
