namespace NeuroRnn.Kernel.Interpreter;

/// <summary>
/// The cell languages (Polyglot "kernels") a cell can select with a line such as <c>#!fsharp</c>: two code
/// languages with sessions (C#, F#) and content kernels whose cell text is rendered or stored as it is.
/// </summary>
internal static class CellLanguages
{
    public const string CSharp = "csharp";
    public const string FSharp = "fsharp";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Javascript = "javascript";
    public const string Mermaid = "mermaid";
    public const string Value = "value";

    /// <summary>Every language, in the order <c>#!lsmagic</c> lists them, with its aliases and what it does.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Aliases, string DisplayName, string Description)> All =
    [
        (CSharp, ["c#", "cs"], "C#", "Runs the cell as C# (Roslyn scripting; state carries across cells)."),
        (FSharp, ["f#", "fs"], "F#", "Runs the cell as F# (F# Interactive; started by the first F# cell)."),
        (Markdown, ["md"], "Markdown", "Renders the cell as Markdown."),
        (Html, [], "HTML", "Shows the cell as HTML (scripts in it run in the front end)."),
        (Javascript, ["js"], "JavaScript", "Runs the cell in the front end (application/javascript with an HTML script fallback)."),
        (Mermaid, [], "Mermaid", "Draws the cell's Mermaid diagram; the pinned mermaid library is embedded in the first diagram's output."),
        (Value, [], "Value", "Stores the cell text (or --from-file) as a value: #!value --name x [--from-file path] [--mime-type type]."),
    ];

    /// <summary>The canonical language for a kernel name or alias (any case), or null.</summary>
    public static string? Find(string name)
    {
        foreach (var (canonical, aliases, _, _) in All)
        {
            if (string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase) || aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase))) return canonical;
        }
        return null;
    }

    /// <summary>Whether <paramref name="language"/> runs code in a session (C# or F#).</summary>
    public static bool IsCode(string language) => language is CSharp or FSharp;

    /// <summary>The language's display name ("C#", "Mermaid", …).</summary>
    public static string DisplayName(string language) => All.FirstOrDefault(l => l.Name == language).DisplayName ?? language;
}
