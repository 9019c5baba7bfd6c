using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// A notebook independent of its file format (.ipynb or .dib). <see cref="Metadata"/> holds the notebook-level
/// metadata as found in the file (Polyglot's <c>polyglot_notebook</c>, <c>kernelspec</c>, <c>language_info</c>, …)
/// so that writing keeps what the reader did not interpret.
/// </summary>
/// <param name="Cells">The cells in order.</param>
/// <param name="DefaultLanguage">The language of code cells that do not name one ("csharp", "fsharp", …).</param>
/// <param name="Metadata">Notebook metadata as read (treat as read-only; writers copy it).</param>
public sealed record Notebook(IReadOnlyList<NotebookCell> Cells, string DefaultLanguage, JsonObject Metadata)
{
    /// <summary>
    /// What the reader left out, one note each (e.g. an output of a type nbformat does not know, as older .NET
    /// Interactive versions saved): a run replaces outputs anyway, so such a notebook still loads.
    /// </summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];

    /// <summary>An empty notebook in <paramref name="defaultLanguage"/>.</summary>
    public static Notebook Empty(string defaultLanguage = "csharp") => new([], defaultLanguage, new JsonObject());
}

/// <summary>One cell.</summary>
/// <param name="Kind">"code", "markdown" or "raw".</param>
/// <param name="Language">"csharp", "fsharp", "markdown", … (the kernel that runs it).</param>
/// <param name="Source">The cell text.</param>
/// <param name="Id">The nbformat 4.5 cell id.</param>
/// <param name="Outputs">Outputs of the last run (code cells).</param>
/// <param name="ExecutionCount">Execution count of the last run, if any.</param>
/// <param name="Metadata">Cell metadata as read (treat as read-only).</param>
public sealed record NotebookCell(string Kind, string Language, string Source, string Id, IReadOnlyList<CellOutput> Outputs, int? ExecutionCount, JsonObject Metadata)
{
    /// <summary>A code cell in <paramref name="language"/> with a fresh id and no outputs.</summary>
    public static NotebookCell Code(string language, string source) => new("code", language, source, NewId(), [], null, new JsonObject());

    /// <summary>A markdown cell with a fresh id.</summary>
    public static NotebookCell Markdown(string source) => new("markdown", "markdown", source, NewId(), [], null, new JsonObject());

    /// <summary>A new nbformat cell id (8 hex digits).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The first non-blank line of the source (used to name the cell in messages).</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
