using System.Text.Json.Nodes;

namespace NeuroRnn.Interop.Tests;

/// <summary>Writes small Polyglot .ipynb files (C# default, per-cell kernel names) and reads back executed ones.</summary>
internal static class TestNotebook
{
    public sealed record Cell(string Language, string Source);

    public static Cell CSharp(string source) => new("csharp", source);

    public static Cell FSharp(string source) => new("fsharp", source);

    public static void Write(string path, params Cell[] cells)
    {
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = "csharp" },
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "F#", ["name"] = "fsharp" }),
                    },
                },
            },
            ["cells"] = new JsonArray(cells.Select((c, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"cell-{i}",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = c.Language } },
                ["outputs"] = new JsonArray(),
                ["source"] = c.Source,
            }).ToArray()),
        };
        File.WriteAllText(path, notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The outputs of each code cell of an executed notebook.</summary>
    public static JsonArray[] Outputs(string executedPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedPath))!;
        return notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").Select(c => c!["outputs"]!.AsArray()).ToArray();
    }

    /// <summary>The <paramref name="mime"/> text of every display/result output of a cell (multi-line sources joined).</summary>
    public static string[] Texts(JsonArray outputs, string mime) =>
        outputs.Select(o => o!["data"]?[mime]).Where(d => d is not null).Select(Join).ToArray();

    /// <summary>Errors and stderr of a cell, for messages.</summary>
    public static string Problems(JsonArray outputs) =>
        string.Join("\n", outputs.Where(o => (string?)o!["output_type"] == "error" || (string?)o!["name"] == "stderr").Select(o => o!.ToJsonString()));

    private static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
