using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// Polyglot's plain-text notebook format (.dib): an optional <c>#!meta</c> cell holding JSON metadata (with
/// <c>kernelInfo.defaultKernelName</c>), then cells, each starting with a line naming its kernel
/// (<c>#!csharp</c>, <c>#!fsharp</c>, <c>#!markdown</c>, …). Other <c>#!</c> lines (magic commands) belong to the
/// cell. Outputs are not stored. The meta JSON is kept as <c>metadata.polyglot_notebook</c> of the notebook.
/// </summary>
public static class DibFormat
{
    /// <summary>Reads .dib text.</summary>
    /// <exception cref="FormatException">The <c>#!meta</c> cell is not a JSON object.</exception>
    public static Notebook Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var sections = new List<(string Kernel, List<string> Lines)>();
        (string Kernel, List<string> Lines)? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && !trimmed.Contains(' '))
            {
                var name = trimmed[2..];
                var kernel = name.Equals("meta", StringComparison.OrdinalIgnoreCase) ? "meta" : KernelNames.Normalize(name);
                if (kernel is not null)
                {
                    current = (kernel, new List<string>());
                    sections.Add(current.Value);
                    continue;
                }
            }
            if (current is null)
            {
                current = ("", new List<string>());
                sections.Add(current.Value);
            }
            current.Value.Lines.Add(line);
        }

        var metadata = new JsonObject();
        JsonObject? polyglot = null;
        var cells = new List<(string Kernel, string Source)>();
        foreach (var (kernel, body) in sections)
        {
            var source = TrimBlankLines(body);
            if (kernel == "meta")
            {
                try
                {
                    polyglot = JsonNode.Parse(source) as JsonObject ?? throw new FormatException("The #!meta cell of the .dib file is not a JSON object.");
                }
                catch (JsonException e)
                {
                    throw new FormatException($"The #!meta cell of the .dib file is not valid JSON: {e.Message}", e);
                }
                continue;
            }
            if (kernel.Length == 0 && source.Length == 0) continue;
            cells.Add((kernel, source));
        }

        var defaultLanguage = polyglot?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() is { } defaultName ? KernelNames.Normalize(defaultName) ?? defaultName : "csharp";
        if (polyglot is not null) metadata["polyglot_notebook"] = polyglot;
        var notebookCells = cells.Select(c =>
        {
            var language = c.Kernel.Length == 0 ? defaultLanguage : c.Kernel;
            return language == "markdown" ? NotebookCell.Markdown(c.Source) : NotebookCell.Code(language, c.Source);
        }).ToArray();
        return new Notebook(notebookCells, defaultLanguage, metadata);
    }

    /// <summary>Writes <paramref name="notebook"/> as .dib text (outputs are dropped: the format has none).</summary>
    public static string Write(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var polyglot = notebook.Metadata["polyglot_notebook"]?.DeepClone() as JsonObject ?? new JsonObject();
        if (polyglot["kernelInfo"] is not JsonObject) polyglot["kernelInfo"] = KernelNames.KernelInfo(notebook.DefaultLanguage);
        else polyglot["kernelInfo"]!["defaultKernelName"] = notebook.DefaultLanguage;

        var builder = new StringBuilder();
        builder.Append("#!meta\n\n").Append(polyglot.ToJsonString()).Append("\n\n");
        foreach (var cell in notebook.Cells)
        {
            var kernel = cell.Kind == "markdown" ? "markdown" : cell.Language;
            builder.Append("#!").Append(kernel).Append("\n\n");
            builder.Append(WithoutOwnLanguageLine(cell.Source, kernel).TrimEnd('\n')).Append("\n\n");
        }
        return builder.ToString().TrimEnd('\n') + "\n";
    }

    private static string WithoutOwnLanguageLine(string source, string kernel)
    {
        // An .ipynb cell may start with its own "#!fsharp" line; in .dib the separator already says it.
        var firstBreak = source.IndexOf('\n');
        var first = (firstBreak < 0 ? source : source[..firstBreak]).Trim();
        if (first.StartsWith("#!", StringComparison.Ordinal) && KernelNames.Normalize(first[2..]) == kernel)
        {
            return firstBreak < 0 ? "" : source[(firstBreak + 1)..].TrimStart('\n');
        }
        return source;
    }

    private static string TrimBlankLines(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start])) start++;
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
        return string.Join("\n", lines.Skip(start).Take(end - start));
    }
}
