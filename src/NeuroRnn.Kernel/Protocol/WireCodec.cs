using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Converts between <see cref="JupyterMessage"/> and the multipart wire format
/// <c>[identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers...]</c>.
/// </summary>
internal sealed class WireCodec
{
    /// <summary>The frame separating routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private const int ReplayHistoryLimit = 1 << 16;
    private readonly MessageSigner _signer;
    private readonly HashSet<string> _seenSignatures = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    private readonly object _replayLock = new();

    /// <summary>Creates a codec that signs and verifies with <paramref name="signer"/>.</summary>
    public WireCodec(MessageSigner signer) => _signer = signer ?? throw new ArgumentNullException(nameof(signer));

    /// <summary>Serialises and signs a message.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = Serialize(message.Header);
        var parent = Serialize(message.ParentHeader);
        var metadata = Serialize(message.Metadata);
        var content = Serialize(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(_signer.Sign(header, parent, metadata, content));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Parses and verifies a received message. Returns the message, or null with <paramref name="rejection"/> saying
    /// why (no delimiter, too few frames, bad or missing signature, a replayed signature, or malformed JSON).
    /// </summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string rejection)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var delimiterIndex = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiterIndex = i;
                break;
            }
        }

        if (delimiterIndex < 0)
        {
            rejection = $"no <IDS|MSG> delimiter among {frames.Count} frame(s)";
            return null;
        }

        if (frames.Count - delimiterIndex < 6)
        {
            rejection = $"only {frames.Count - delimiterIndex - 1} frame(s) after the delimiter; a message needs signature, header, parent_header, metadata and content";
            return null;
        }

        var signature = frames[delimiterIndex + 1];
        var header = frames[delimiterIndex + 2];
        var parent = frames[delimiterIndex + 3];
        var metadata = frames[delimiterIndex + 4];
        var content = frames[delimiterIndex + 5];
        if (_signer.IsEnabled)
        {
            if (signature.Length == 0)
            {
                rejection = "missing signature";
                return null;
            }

            if (!_signer.Verify(signature, header, parent, metadata, content))
            {
                rejection = "invalid signature";
                return null;
            }

            if (!RememberSignature(Encoding.ASCII.GetString(signature)))
            {
                rejection = "replayed signature (a message with this exact signature was already received)";
                return null;
            }
        }

        try
        {
            var message = new JupyterMessage(
                frames.Take(delimiterIndex).ToArray(),
                ParseObject(header, "header"),
                ParseObject(parent, "parent_header"),
                ParseObject(metadata, "metadata"),
                ParseObject(content, "content"),
                frames.Skip(delimiterIndex + 6).ToArray());
            if (message.MessageType.Length == 0)
            {
                rejection = "header has no msg_type";
                return null;
            }

            rejection = string.Empty;
            return message;
        }
        catch (InvalidDataException e)
        {
            rejection = e.Message;
            return null;
        }
    }

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        // Keeps non-ASCII text and HTML readable on the wire; the output is still valid JSON.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static byte[] Serialize(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json, SerializerOptions);

    private static JsonObject ParseObject(byte[] frame, string name)
    {
        try
        {
            var json = JsonNode.Parse(frame) as JsonObject ?? throw new InvalidDataException($"{name} is not a JSON object");

            // JsonObject builds its dictionary lazily on first access, which is not thread-safe; the request header is
            // later read concurrently (as the parent of iopub and shell messages), so build it now, on this thread.
            _ = json.Count;
            return json;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not valid JSON: {e.Message}", e);
        }
    }

    private bool RememberSignature(string signature)
    {
        lock (_replayLock)
        {
            if (!_seenSignatures.Add(signature))
            {
                return false;
            }

            _seenOrder.Enqueue(signature);
            if (_seenOrder.Count > ReplayHistoryLimit)
            {
                _seenSignatures.Remove(_seenOrder.Dequeue());
            }

            return true;
        }
    }
}
