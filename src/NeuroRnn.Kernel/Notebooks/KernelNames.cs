namespace NeuroRnn.Kernel.Notebooks;

/// <summary>Polyglot kernel names and the metadata that describes them.</summary>
internal static class KernelNames
{
    /// <summary>Names that start a cell in a .dib file (Polyglot's kernel names and aliases).</summary>
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["cs"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["fs"] = "fsharp",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["value"] = "value", ["http"] = "http",
    };

    public static string? Normalize(string name) => Canonical.TryGetValue(name.Trim(), out var canonical) ? canonical : null;

    /// <summary>The kernel language from a kernelspec language or language_info name ("C#", "F#", "csharp", …).</summary>
    public static string? FromLanguageName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "c#" or "csharp" or "cs" or ".net-csharp" => "csharp",
        "f#" or "fsharp" or "fs" or ".net-fsharp" => "fsharp",
        var other when other.EndsWith("-csharp", StringComparison.Ordinal) => "csharp",
        var other when other.EndsWith("-fsharp", StringComparison.Ordinal) => "fsharp",
        _ => null,
    };

    public static string LanguageName(string language) => language switch
    {
        "csharp" => "C#",
        "fsharp" => "F#",
        _ => language,
    };

    /// <summary>Polyglot's kernelInfo object for a notebook whose default is <paramref name="defaultLanguage"/>.</summary>
    public static System.Text.Json.Nodes.JsonObject KernelInfo(string defaultLanguage) => new()
    {
        ["defaultKernelName"] = defaultLanguage,
        ["items"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["aliases"] = new System.Text.Json.Nodes.JsonArray("c#", "C#"), ["languageName"] = "C#", ["name"] = "csharp" },
            new System.Text.Json.Nodes.JsonObject { ["aliases"] = new System.Text.Json.Nodes.JsonArray("f#", "F#"), ["languageName"] = "F#", ["name"] = "fsharp" },
            new System.Text.Json.Nodes.JsonObject { ["aliases"] = new System.Text.Json.Nodes.JsonArray("md"), ["languageName"] = "Markdown", ["name"] = "markdown" }),
    };
}
