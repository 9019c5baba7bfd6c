using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>Turns a <see cref="MimeBundle"/> into the <c>data</c> and <c>metadata</c> dictionaries of the protocol.</summary>
internal static class MimeBundleJson
{
    /// <summary>
    /// The data dictionary: JSON MIME types (names ending in "json") are embedded as JSON, everything else as a
    /// string. JSON text that does not parse is sent as a string rather than failing the whole message.
    /// </summary>
    public static JsonObject Data(MimeBundle bundle, ProtocolLog? log = null)
    {
        var data = new JsonObject();
        foreach (var (mimeType, value) in bundle.Data)
        {
            if (mimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    data[mimeType] = JsonNode.Parse(value);
                    continue;
                }
                catch (JsonException e)
                {
                    log?.Write($"display data for '{mimeType}' is not valid JSON ({e.Message}); sent as a string");
                }
            }

            data[mimeType] = value;
        }

        return data;
    }

    /// <summary>
    /// The metadata dictionary. Values that are JSON objects or arrays (e.g. <c>{"width": 320}</c> for an image) are
    /// embedded as JSON; any other value is a string.
    /// </summary>
    public static JsonObject Metadata(MimeBundle bundle)
    {
        var metadata = new JsonObject();
        if (bundle.Metadata is null)
        {
            return metadata;
        }

        foreach (var (key, value) in bundle.Metadata)
        {
            var trimmed = value.AsSpan().TrimStart();
            if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
            {
                try
                {
                    metadata[key] = JsonNode.Parse(value);
                    continue;
                }
                catch (JsonException)
                {
                    // Not JSON after all: keep the text.
                }
            }

            metadata[key] = value;
        }

        return metadata;
    }
}
