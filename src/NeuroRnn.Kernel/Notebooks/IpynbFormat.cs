using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// Jupyter notebooks (.ipynb, nbformat 4; written as 4.5 with cell ids). The notebook's default language comes
/// from Polyglot's <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else <c>metadata.kernelspec</c>,
/// else <c>metadata.language_info</c>; a code cell's language from its <c>metadata.polyglot_notebook.kernelName</c>
/// (or the older <c>dotnet_interactive.language</c>), else a first <c>#!csharp</c>/<c>#!fsharp</c> line, else the default.
/// </summary>
public static class IpynbFormat
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>Reads .ipynb JSON text.</summary>
    /// <exception cref="FormatException">The text is not an nbformat 4 notebook; the message names the problem.</exception>
    public static Notebook Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The notebook is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The notebook is not valid JSON: {e.Message}", e);
        }
        var version = root["nbformat"]?.GetValue<int>();
        if (version != 4) throw new FormatException($"Only nbformat 4 notebooks are supported (nbformat is {version?.ToString() ?? "missing"}).");
        var metadata = root["metadata"] as JsonObject ?? new JsonObject();
        var defaultLanguage =
            KernelNames.Normalize(metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "")
            ?? KernelNames.FromLanguageName(metadata["kernelspec"]?["language"]?.GetValue<string>())
            ?? KernelNames.FromLanguageName(metadata["kernelspec"]?["name"]?.GetValue<string>())
            ?? KernelNames.FromLanguageName(metadata["language_info"]?["name"]?.GetValue<string>())
            ?? "csharp";
        var cells = root["cells"] as JsonArray ?? throw new FormatException("The notebook has no \"cells\" array.");
        var result = new List<NotebookCell>();
        var notes = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i] as JsonObject ?? throw new FormatException($"Cell {i + 1} is not a JSON object.");
            result.Add(ReadCell(cell, i, defaultLanguage, notes));
        }
        return new Notebook(result, defaultLanguage, (JsonObject)metadata.DeepClone()) { LoadNotes = notes };
    }

    private static NotebookCell ReadCell(JsonObject cell, int index, string defaultLanguage, List<string> notes)
    {
        var kind = cell["cell_type"]?.GetValue<string>() ?? throw new FormatException($"Cell {index + 1} has no cell_type.");
        var source = JoinText(cell["source"]);
        var metadata = cell["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        var id = cell["id"]?.GetValue<string>() ?? NotebookCell.NewId();
        if (kind != "code")
        {
            return new NotebookCell(kind, kind == "markdown" ? "markdown" : "raw", source, id, [], null, metadata);
        }
        var language = KernelNames.Normalize(metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>() ?? "")
            ?? KernelNames.Normalize(metadata["dotnet_interactive"]?["language"]?.GetValue<string>() ?? "")
            ?? FirstLineLanguage(source)
            ?? defaultLanguage;
        var outputs = (cell["outputs"] as JsonArray ?? [])
            .Select((o, j) => ReadOutput(o as JsonObject ?? throw new FormatException($"Output {j + 1} of cell {index + 1} is not a JSON object."), index, j, notes))
            .OfType<CellOutput>()
            .ToArray();
        int? count = cell["execution_count"] is JsonValue value && value.TryGetValue<int>(out var n) ? n : null;
        return new NotebookCell("code", language, source, id, outputs, count, metadata);
    }

    private static string? FirstLineLanguage(string source)
    {
        var first = source.Split('\n')[0].Trim();
        return first.StartsWith("#!", StringComparison.Ordinal) ? KernelNames.Normalize(first[2..]) : null;
    }

    private static CellOutput? ReadOutput(JsonObject output, int cellIndex, int outputIndex, List<string> notes)
    {
        var type = output["output_type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var text) ? text : null;
        return type switch
        {
            "stream" => new CellOutput.Stream(output["name"]?.GetValue<string>() ?? "stdout", JoinText(output["text"])),
            "display_data" => new CellOutput.DisplayData(ReadBundle(output)),
            "execute_result" => new CellOutput.ExecuteResult(output["execution_count"]?.GetValue<int>() ?? 0, ReadBundle(output)),
            "error" => new CellOutput.Error(output["ename"]?.GetValue<string>() ?? "", output["evalue"]?.GetValue<string>() ?? "",
                (output["traceback"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? "").ToArray()),
            // Older .NET Interactive saved outputs of type "unknown"; a run replaces outputs, so drop them with a note.
            _ => Dropped(notes, $"cell {cellIndex + 1}, output {outputIndex + 1}: output_type \"{type ?? "(missing)"}\" is not an nbformat 4 output type; the output was dropped"),
        };
    }

    private static CellOutput? Dropped(List<string> notes, string note)
    {
        notes.Add(note);
        return null;
    }

    private static MimeBundle ReadBundle(JsonObject output)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mime, value) in output["data"] as JsonObject ?? [])
        {
            data[mime] = IsJsonMime(mime) ? value?.ToJsonString() ?? "null" : JoinText(value);
        }
        Dictionary<string, string>? metadata = null;
        if (output["metadata"] is JsonObject { Count: > 0 } meta)
        {
            metadata = meta.ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null");
        }
        return new MimeBundle(data, metadata);
    }

    /// <summary>Writes <paramref name="notebook"/> as nbformat 4.5 JSON with Polyglot metadata.</summary>
    public static string Write(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? new JsonObject();
        metadata["polyglot_notebook"] = polyglot;
        if (polyglot["kernelInfo"] is not JsonObject kernelInfo) polyglot["kernelInfo"] = KernelNames.KernelInfo(notebook.DefaultLanguage);
        else kernelInfo["defaultKernelName"] = notebook.DefaultLanguage;
        if (metadata["kernelspec"] is null)
        {
            metadata["kernelspec"] = new JsonObject
            {
                ["display_name"] = $"{KernelNames.LanguageName(notebook.DefaultLanguage)} (NeuroRnn)",
                ["language"] = KernelNames.LanguageName(notebook.DefaultLanguage),
                ["name"] = $"neurornn-{notebook.DefaultLanguage}",
            };
        }
        metadata["language_info"] ??= new JsonObject { ["name"] = KernelNames.LanguageName(notebook.DefaultLanguage) };

        var cells = new JsonArray();
        foreach (var cell in notebook.Cells) cells.Add(WriteCell(cell));
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(WriteOptions) + "\n";
    }

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var json = new JsonObject { ["cell_type"] = cell.Kind, ["id"] = cell.Id };
        if (cell.Kind == "code")
        {
            var polyglot = metadata["polyglot_notebook"] as JsonObject ?? new JsonObject();
            polyglot["kernelName"] = cell.Language;
            metadata["polyglot_notebook"] = polyglot;
            json["execution_count"] = cell.ExecutionCount;
            json["metadata"] = metadata;
            var outputs = new JsonArray();
            foreach (var output in cell.Outputs) outputs.Add(WriteOutput(output));
            json["outputs"] = outputs;
        }
        else
        {
            json["metadata"] = metadata;
        }
        json["source"] = SplitLines(cell.Source);
        return json;
    }

    private static JsonObject WriteOutput(CellOutput output) => output switch
    {
        CellOutput.Stream s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = SplitLines(s.Text) },
        CellOutput.DisplayData d => new JsonObject { ["data"] = WriteData(d.Bundle), ["metadata"] = WriteMetadata(d.Bundle), ["output_type"] = "display_data" },
        CellOutput.ExecuteResult r => new JsonObject
        {
            ["data"] = WriteData(r.Bundle), ["execution_count"] = r.ExecutionCount, ["metadata"] = WriteMetadata(r.Bundle), ["output_type"] = "execute_result",
        },
        CellOutput.Error e => new JsonObject
        {
            ["ename"] = e.Name, ["evalue"] = e.Value, ["output_type"] = "error", ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        _ => throw new ArgumentException($"Unknown output {output.GetType().Name}.", nameof(output)),
    };

    private static JsonObject WriteData(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data[mime] = IsJsonMime(mime) ? ParseJsonOrString(value) : SplitLines(value);
        }
        return data;
    }

    private static JsonObject WriteMetadata(MimeBundle bundle)
    {
        var metadata = new JsonObject();
        if (bundle.Metadata is null) return metadata;
        foreach (var (key, value) in bundle.Metadata) metadata[key] = ParseJsonOrString(value);
        return metadata;
    }

    private static JsonNode? ParseJsonOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    private static bool IsJsonMime(string mime) => mime.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>nbformat "multiline strings": a list of lines, each keeping its trailing newline.</summary>
    private static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }

    private static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Concat(array.Select(n => n?.GetValue<string>() ?? "")),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
