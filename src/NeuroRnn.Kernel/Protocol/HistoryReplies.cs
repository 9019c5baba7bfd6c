using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>Answers history_request from an <see cref="ExecutionHistory"/>.</summary>
internal static class HistoryReplies
{
    /// <summary>
    /// The history_reply content: entries <c>[session, line, input]</c>, or <c>[session, line, [input, output]]</c>
    /// when the request asks for output (output is null for cells without a result).
    /// </summary>
    public static JsonObject Reply(JupyterMessage request, ExecutionHistory history)
    {
        var output = RequestFields.Bool(request, "output", false);
        var accessType = request.Content["hist_access_type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "tail";
        IReadOnlyList<HistoryEntry> entries = accessType switch
        {
            "tail" => history.Tail(RequestFields.Int(request, "n") ?? 10),
            "range" => history.Range(
                RequestFields.Int(request, "session") ?? 0,
                RequestFields.Int(request, "start") ?? 1,
                RequestFields.Int(request, "stop")),
            "search" => history.Search(
                request.Content["pattern"] is JsonValue p && p.TryGetValue<string>(out var pattern) ? pattern : "*",
                RequestFields.Int(request, "n"),
                RequestFields.Bool(request, "unique", false)),
            _ => throw new BadRequestException($"history_request: hist_access_type must be \"tail\", \"range\" or \"search\", not \"{accessType}\"."),
        };

        var items = new JsonArray();
        foreach (var entry in entries)
        {
            JsonNode? cell = output ? new JsonArray(entry.Input, entry.Output) : entry.Input;
            items.Add(new JsonArray(entry.Session, entry.Line, cell));
        }

        return new JsonObject { ["status"] = "ok", ["history"] = items };
    }
}
