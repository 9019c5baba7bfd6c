using System.Text.Json.Nodes;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// A request/reply channel (shell or control): receives verified messages from its ROUTER socket and sends signed
/// replies back to the requesting client. Messages that fail verification are dropped and logged, never answered
/// (an unsigned message cannot be trusted to name a real client).
/// </summary>
internal sealed class RequestChannel
{
    private readonly ZmqSocket _socket;
    private readonly WireCodec _codec;
    private readonly MessageFactory _factory;
    private readonly ProtocolLog _log;

    public RequestChannel(string name, ZmqSocket socket, WireCodec codec, MessageFactory factory, ProtocolLog log)
    {
        Name = name;
        _socket = socket;
        _codec = codec;
        _factory = factory;
        _log = log;
    }

    /// <summary>"shell" or "control".</summary>
    public string Name { get; }

    /// <summary>The next verified request within the timeout (0: only one already waiting), or null.</summary>
    public JupyterMessage? Receive(int timeoutMilliseconds)
    {
        var frames = _socket.ReceiveMultipart(timeoutMilliseconds);
        if (frames is null)
        {
            return null;
        }

        var message = _codec.Decode(frames, out var rejection);
        if (message is null)
        {
            _log.Write($"dropped a message on {Name}: {rejection}");
        }

        return message;
    }

    /// <summary>Sends <paramref name="content"/> as a <paramref name="replyType"/> to the client that sent <paramref name="request"/>.</summary>
    public void Reply(JupyterMessage request, string replyType, JsonObject content)
    {
        if (!_socket.SendMultipart(_codec.Encode(_factory.Create(replyType, content, request))))
        {
            _log.Write($"could not send {replyType} on {Name}: the requesting client is gone");
        }
    }
}
