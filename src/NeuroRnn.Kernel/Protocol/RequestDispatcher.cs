using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Answers one request: returns the reply content (sent as <c>&lt;type&gt;_reply</c>), or null when the handler
/// replied itself or the message needs no reply (comm messages).
/// </summary>
internal delegate JsonObject? RequestHandler(JupyterMessage request, RequestChannel channel);

/// <summary>
/// Routes requests of one channel to their handlers by msg_type, between a "busy" and an "idle" status on iopub.
/// A handler that throws — or a request whose fields are malformed — is answered with an error reply naming the
/// problem; the kernel keeps serving. Unknown message types are logged and not answered, as the protocol asks.
/// </summary>
internal sealed class RequestDispatcher
{
    private readonly RequestChannel _channel;
    private readonly IoPubPublisher _iopub;
    private readonly ProtocolLog _log;
    private readonly IReadOnlyDictionary<string, RequestHandler> _handlers;

    public RequestDispatcher(RequestChannel channel, IoPubPublisher iopub, ProtocolLog log, IReadOnlyDictionary<string, RequestHandler> handlers)
    {
        _channel = channel;
        _iopub = iopub;
        _log = log;
        _handlers = handlers;
    }

    /// <summary>The channel this dispatcher serves.</summary>
    public RequestChannel Channel => _channel;

    /// <summary>Handles <paramref name="request"/> completely (status, reply, status).</summary>
    public void Dispatch(JupyterMessage request)
    {
        _iopub.Status("busy", request);
        try
        {
            if (!_handlers.TryGetValue(request.MessageType, out var handler))
            {
                _log.Write($"unsupported message type '{request.MessageType}' on {_channel.Name} ignored");
                return;
            }

            if (handler(request, _channel) is { } content)
            {
                // Outputs first: a client holding the reply finds the request's iopub messages already sent.
                _iopub.WaitUntilSent(TimeSpan.FromSeconds(1));
                _channel.Reply(request, ReplyType(request.MessageType), content);
            }
        }
        catch (BadRequestException e)
        {
            _log.Write($"{request.MessageType} on {_channel.Name} rejected: {e.Message}");
            _channel.Reply(request, ReplyType(request.MessageType), ErrorReply("BadRequest", e.Message, [e.Message]));
        }
        catch (Exception e)
        {
            _log.Write($"{request.MessageType} failed on {_channel.Name}: {e}");
            _channel.Reply(request, ReplyType(request.MessageType), ErrorReply(e.GetType().Name, e.Message, [e.ToString()]));
        }
        finally
        {
            _iopub.Status("idle", request);
        }
    }

    /// <summary>"complete_request" → "complete_reply".</summary>
    public static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    /// <summary>The content of a reply with status "error".</summary>
    public static JsonObject ErrorReply(string name, string value, IReadOnlyList<string> traceback)
    {
        var lines = new JsonArray();
        foreach (var line in traceback)
        {
            lines.Add(line);
        }

        return new JsonObject { ["status"] = "error", ["ename"] = name, ["evalue"] = value, ["traceback"] = lines };
    }
}

/// <summary>A request whose content is missing a field or has one of the wrong type; answered with an error reply.</summary>
internal sealed class BadRequestException(string message) : Exception(message);

/// <summary>Reads request fields strictly: a wrong type is a <see cref="BadRequestException"/> naming the field, not a silent default.</summary>
internal static class RequestFields
{
    /// <summary>A required string field.</summary>
    public static string RequiredString(JupyterMessage request, string name)
    {
        if (request.Content[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        throw new BadRequestException(request.Content.ContainsKey(name)
            ? $"{request.MessageType}: field '{name}' must be a string."
            : $"{request.MessageType}: field '{name}' is missing.");
    }

    /// <summary>An optional boolean field.</summary>
    public static bool Bool(JupyterMessage request, string name, bool fallback) => request.Content[name] switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw new BadRequestException($"{request.MessageType}: field '{name}' must be true or false."),
    };

    /// <summary>An optional integer field, or null when absent (JSON null counts as absent).</summary>
    public static int? Int(JupyterMessage request, string name)
    {
        var node = request.Content[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.TryGetValue<int>(out var number))
            {
                return number;
            }

            if (value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) <= int.MaxValue)
            {
                return (int)real;
            }
        }

        throw new BadRequestException($"{request.MessageType}: field '{name}' must be an integer.");
    }

    /// <summary>
    /// The cursor of complete/inspect requests as a UTF-16 offset: cursor_pos counts code points (protocol 5.2) and
    /// must lie within the code; absent means the end of the code.
    /// </summary>
    public static int Cursor(JupyterMessage request, string code)
    {
        var length = TextPositions.ToCodePoints(code, code.Length);
        var cursor = Int(request, "cursor_pos") ?? length;
        if (cursor < 0 || cursor > length)
        {
            throw new BadRequestException($"{request.MessageType}: cursor_pos {cursor} is outside the code (0 to {length} code points).");
        }

        return TextPositions.ToUtf16(code, cursor);
    }
}
