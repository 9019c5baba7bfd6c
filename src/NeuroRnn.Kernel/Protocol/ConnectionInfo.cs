using System.Text.Json;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The contents of a Jupyter connection file: where the kernel's five sockets listen and how messages are signed.
/// </summary>
/// <param name="Transport">"tcp" or "ipc".</param>
/// <param name="IP">The address to bind (tcp) or the path prefix (ipc). The kernel binds only to this address.</param>
/// <param name="ShellPort">Port of the shell ROUTER socket.</param>
/// <param name="ControlPort">Port of the control ROUTER socket.</param>
/// <param name="IOPubPort">Port of the iopub PUB socket.</param>
/// <param name="StdinPort">Port of the stdin ROUTER socket.</param>
/// <param name="HeartbeatPort">Port of the heartbeat REP socket.</param>
/// <param name="Key">The HMAC key; empty disables signing (as the protocol specifies).</param>
/// <param name="SignatureScheme">Only "hmac-sha256" is supported.</param>
public sealed record ConnectionInfo(
    string Transport,
    string IP,
    int ShellPort,
    int ControlPort,
    int IOPubPort,
    int StdinPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme)
{
    /// <summary>The only signature scheme this kernel implements.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The ZeroMQ endpoint for one of the ports, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{IP}-{port}" : $"tcp://{FormatHost(IP)}:{port}";

    /// <summary>Reads and validates a connection file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or a field is missing or wrong; the message names the file and field.</exception>
    public static ConnectionInfo Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Connection file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="sourceName"/> names the file in error messages.</summary>
    /// <exception cref="InvalidDataException">Not valid JSON, or a field is missing or wrong.</exception>
    public static ConnectionInfo Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Connection file '{sourceName}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Connection file '{sourceName}' must contain a JSON object.");
            }

            var transport = OptionalString(root, "transport", sourceName) ?? "tcp";
            if (transport is not ("tcp" or "ipc"))
            {
                throw Field(sourceName, "transport", $"must be \"tcp\" or \"ipc\", not \"{transport}\"");
            }

            var ip = OptionalString(root, "ip", sourceName) ?? "127.0.0.1";
            if (ip.Length == 0)
            {
                throw Field(sourceName, "ip", "must not be empty");
            }

            var scheme = OptionalString(root, "signature_scheme", sourceName) ?? HmacSha256;
            if (scheme != HmacSha256)
            {
                throw Field(sourceName, "signature_scheme", $"\"{scheme}\" is not supported; only \"{HmacSha256}\" is");
            }

            var key = OptionalString(root, "key", sourceName) ?? string.Empty;
            var ports = new[] { "shell_port", "control_port", "iopub_port", "stdin_port", "hb_port" }
                .Select(name => Port(root, name, sourceName))
                .ToArray();
            return new ConnectionInfo(transport, ip, ports[0], ports[1], ports[2], ports[3], ports[4], key, scheme);
        }
    }

    private static string FormatHost(string ip) => ip.Contains(':') && !ip.StartsWith('[') ? $"[{ip}]" : ip;

    private static string? OptionalString(JsonElement root, string name, string sourceName)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Field(sourceName, name, $"must be a string, not {value.ValueKind}");
    }

    private static int Port(JsonElement root, string name, string sourceName)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw Field(sourceName, name, "is missing");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port))
        {
            throw Field(sourceName, name, $"must be an integer port number, not {value.GetRawText()}");
        }

        return port is > 0 and <= 65535 ? port : throw Field(sourceName, name, $"{port} is not a port number in 1..65535");
    }

    private static InvalidDataException Field(string sourceName, string field, string problem) =>
        new($"Connection file '{sourceName}': field \"{field}\" {problem}.");
}
