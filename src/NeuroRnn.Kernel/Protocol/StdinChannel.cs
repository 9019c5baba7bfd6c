using System.Text.Json.Nodes;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The stdin channel: sends <c>input_request</c> to the front end that sent the running execute_request (ROUTER
/// routing uses that request's identities — Jupyter clients give their shell and stdin sockets the same identity)
/// and waits for its <c>input_reply</c>, cancellably.
/// </summary>
internal sealed class StdinChannel
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(50);
    private readonly ZmqSocket _socket;
    private readonly WireCodec _codec;
    private readonly MessageFactory _factory;
    private readonly ProtocolLog _log;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public StdinChannel(ZmqSocket socket, WireCodec codec, MessageFactory factory, ProtocolLog log)
    {
        _socket = socket;
        _codec = codec;
        _factory = factory;
        _log = log;
    }

    /// <summary>Asks for one line of input on behalf of <paramref name="request"/>.</summary>
    /// <exception cref="OperationCanceledException">The cell was interrupted while waiting.</exception>
    public async Task<string> RequestInputAsync(JupyterMessage request, string prompt, bool password, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The wait polls the socket on a dedicated thread, so a synchronous Console.ReadLine bridge blocking on
            // this task, or user code saturating the thread pool, cannot starve it.
            return await Task.Factory.StartNew(
                () => Exchange(request, prompt, password, cancellationToken),
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Exchange(JupyterMessage request, string prompt, bool password, CancellationToken cancellationToken)
    {
        // Replies to an earlier, abandoned request (interrupted while waiting) must not answer this one.
        while (_socket.ReceiveMultipart(0) is not null)
        {
        }

        var inputRequest = _factory.Create(
            "input_request",
            new JsonObject { ["prompt"] = prompt, ["password"] = password },
            request,
            request.Identities);
        if (!_socket.SendMultipart(_codec.Encode(inputRequest)))
        {
            throw new InvalidOperationException("The front end that asked for this cell is no longer connected to stdin.");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frames = _socket.ReceiveMultipart((int)PollSlice.TotalMilliseconds);
            if (frames is null)
            {
                continue;
            }

            var reply = _codec.Decode(frames, out var rejection);
            if (reply is null)
            {
                _log.Write($"dropped a message on stdin: {rejection}");
                continue;
            }

            if (reply.MessageType != "input_reply")
            {
                _log.Write($"ignored unexpected '{reply.MessageType}' on stdin");
                continue;
            }

            var parentId = reply.ParentHeader["msg_id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
            if (parentId is not null && parentId != inputRequest.MessageId)
            {
                _log.Write("ignored an input_reply to an earlier input_request");
                continue;
            }

            return reply.ContentString("value");
        }
    }
}
