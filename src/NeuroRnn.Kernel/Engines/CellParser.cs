namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Splits a cell into its language, its directive lines (magic commands and <c>#r</c>) and its code. Directives
/// are the lines at the top that start with <c>#!</c> or <c>#r</c>; a language directive (<c>#!csharp</c>,
/// <c>#!c#</c>, <c>#!fsharp</c>, <c>#!f#</c>, <c>#!markdown</c>, <c>#!md</c>, <c>#!html</c>) selects the language.
/// Directive lines are blanked in the code so compiler line numbers still match the cell.
/// </summary>
internal static class CellParser
{
    public const string CSharp = "csharp";
    public const string FSharp = "fsharp";
    public const string Markdown = "markdown";
    public const string Html = "html";

    /// <summary>The canonical language for a kernel name or alias, or null.</summary>
    public static string? Language(string name) => name.ToLowerInvariant() switch
    {
        "csharp" or "c#" or "cs" => CSharp,
        "fsharp" or "f#" or "fs" => FSharp,
        "markdown" or "md" => Markdown,
        "html" => Html,
        _ => null,
    };

    public static ParsedCell Parse(string code, string defaultLanguage)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var language = defaultLanguage;
        var directives = new List<string>();
        var index = 0;
        for (; index < lines.Length; index++)
        {
            var trimmed = lines[index].Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed[2..].Split(' ', '\t')[0];
                var selected = Language(name);
                lines[index] = "";
                if (selected is null)
                {
                    directives.Add(trimmed);
                    continue;
                }
                language = selected;
                if (selected is Markdown or Html)
                {
                    // Everything after the language line is content, even lines that look like directives.
                    return new ParsedCell(language, directives, string.Join("\n", lines.Skip(index + 1)).Trim('\n'));
                }
                continue;
            }
            if (IsReferenceDirective(trimmed))
            {
                directives.Add(trimmed);
                lines[index] = "";
                continue;
            }
            break;
        }
        return new ParsedCell(language, directives, string.Join("\n", lines));
    }

    public static bool IsReferenceDirective(string line) =>
        line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#r\"", StringComparison.Ordinal) || line.StartsWith("#r\t", StringComparison.Ordinal);
}

/// <summary>A cell split into language, directives and code.</summary>
internal sealed record ParsedCell(string Language, IReadOnlyList<string> Directives, string Code)
{
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);
}
