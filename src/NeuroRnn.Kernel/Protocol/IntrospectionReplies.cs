using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>complete_request, inspect_request and is_complete_request: questions about code that run no code.</summary>
internal sealed class IntrospectionReplies
{
    private readonly IKernelInterpreter _interpreter;
    private readonly ProtocolLog _log;

    public IntrospectionReplies(IKernelInterpreter interpreter, ProtocolLog log)
    {
        _interpreter = interpreter;
        _log = log;
    }

    public JsonObject Complete(JupyterMessage request, RequestChannel channel)
    {
        var code = RequestFields.RequiredString(request, "code");
        var cursor = RequestFields.Cursor(request, code);
        var completion = _interpreter.Complete(code, cursor);
        var matches = new JsonArray();
        foreach (var match in completion.Matches)
        {
            matches.Add(match);
        }

        var start = Math.Clamp(completion.CursorStart, 0, code.Length);
        var end = Math.Clamp(completion.CursorEnd, start, code.Length);
        var metadata = new JsonObject();
        if (completion.Kinds is { } kinds && kinds.Count == completion.Matches.Count)
        {
            // JupyterLab shows an icon per match from this (still "experimental") field.
            var types = new JsonArray();
            for (var i = 0; i < kinds.Count; i++)
            {
                types.Add(new JsonObject
                {
                    ["start"] = TextPositions.ToCodePoints(code, start),
                    ["end"] = TextPositions.ToCodePoints(code, end),
                    ["text"] = completion.Matches[i],
                    ["type"] = kinds[i],
                });
            }

            metadata["_jupyter_types_experimental"] = types;
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = matches,
            ["cursor_start"] = TextPositions.ToCodePoints(code, start),
            ["cursor_end"] = TextPositions.ToCodePoints(code, end),
            ["metadata"] = metadata,
        };
    }

    public JsonObject Inspect(JupyterMessage request, RequestChannel channel)
    {
        var code = RequestFields.RequiredString(request, "code");
        var cursor = RequestFields.Cursor(request, code);
        var detail = RequestFields.Int(request, "detail_level") ?? 0;
        if (detail is not (0 or 1))
        {
            throw new BadRequestException($"inspect_request: detail_level must be 0 or 1, not {detail}.");
        }

        var bundle = _interpreter.Inspect(code, cursor, detail);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = bundle is not null,
            ["data"] = bundle is null ? new JsonObject() : MimeBundleJson.Data(bundle, _log),
            ["metadata"] = bundle is null ? new JsonObject() : MimeBundleJson.Metadata(bundle),
        };
    }

    public JsonObject IsComplete(JupyterMessage request, RequestChannel channel)
    {
        var status = _interpreter.IsComplete(RequestFields.RequiredString(request, "code"));
        var content = new JsonObject { ["status"] = status };
        if (status == "incomplete")
        {
            content["indent"] = string.Empty;
        }

        return content;
    }
}
