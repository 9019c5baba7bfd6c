using System.Globalization;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>Builds outgoing messages with fresh headers for this kernel's session.</summary>
internal sealed class MessageFactory
{
    /// <summary>The messaging protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>Creates a factory for a new kernel session id.</summary>
    public MessageFactory(string username = "kernel")
    {
        Session = Guid.NewGuid().ToString("N");
        Username = username;
    }

    /// <summary>The kernel's session id (header.session of everything it sends).</summary>
    public string Session { get; }

    /// <summary>header.username of everything the kernel sends.</summary>
    public string Username { get; }

    /// <summary>An ISO 8601 timestamp with an explicit UTC offset and microseconds, as Jupyter clients parse it.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A reply or broadcast answering <paramref name="parent"/> (or unsolicited when null).</summary>
    public JupyterMessage Create(string messageType, JsonObject content, JupyterMessage? parent, IReadOnlyList<byte[]>? identities = null, JsonObject? metadata = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = Session,
            ["username"] = Username,
            ["date"] = Timestamp(DateTimeOffset.UtcNow),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        };
        return new JupyterMessage(
            identities ?? parent?.Identities ?? [],
            header,
            parent?.Header ?? new JsonObject(),
            metadata ?? new JsonObject(),
            content,
            []);
    }

    /// <summary>An iopub message: its single identity frame is the topic subscribers may filter on.</summary>
    public JupyterMessage CreateBroadcast(string messageType, JsonObject content, JupyterMessage? parent) =>
        Create(messageType, content, parent, [System.Text.Encoding.UTF8.GetBytes($"kernel.{Session}.{messageType}")]);
}
