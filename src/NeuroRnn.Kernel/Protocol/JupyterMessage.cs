using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// One Jupyter message: the ZeroMQ routing identities that precede the <c>&lt;IDS|MSG&gt;</c> delimiter, the four
/// JSON dictionaries, and any extra binary buffers.
/// </summary>
/// <param name="Identities">Routing frames of the sender (ROUTER sockets) or the topic (iopub).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this message answers (empty object when none).</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="Content">The message-type-specific body.</param>
/// <param name="Buffers">Extra binary frames after the content.</param>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>header.msg_type, or "" when absent.</summary>
    public string MessageType => Text(Header, "msg_type");

    /// <summary>header.msg_id, or "" when absent.</summary>
    public string MessageId => Text(Header, "msg_id");

    /// <summary>header.session, or "" when absent.</summary>
    public string Session => Text(Header, "session");

    /// <summary>A string field of the content, or <paramref name="fallback"/> when absent or not a string.</summary>
    public string ContentString(string name, string fallback = "") =>
        Content[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : fallback;

    /// <summary>A boolean field of the content, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    public bool ContentBool(string name, bool fallback) =>
        Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>An integer field of the content, or <paramref name="fallback"/> when absent or not an integer.</summary>
    public int ContentInt(string name, int fallback) =>
        Content[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
