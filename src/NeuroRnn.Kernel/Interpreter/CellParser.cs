namespace NeuroRnn.Kernel.Interpreter;

/// <summary>
/// Splits a cell into segments, the way Polyglot Notebooks read a cell:
/// <list type="bullet">
/// <item>A line <c>#!csharp</c>, <c>#!fsharp</c>, … (<see cref="CellLanguages"/>) selects the language of the lines
/// after it; one cell may switch language several times. Options on that line (<c>#!value --name x</c>) belong to it.</item>
/// <item>In code, every other line starting with <c>#!</c> is a magic command, wherever it is (no C# or F# line starts
/// so); <c>#r</c> and <c>#i</c> lines are directives in the leading part of a segment — before any code, among blank
/// lines and comments — and <c>#r "nuget:…"</c>/<c>#i</c> anywhere outside a multi-line string, so F# never hands them
/// to F# Interactive's own package manager.</item>
/// <item>Content languages (Markdown, HTML, JavaScript, Mermaid, value) take every line after their language line
/// as content, even lines that look like directives.</item>
/// </list>
/// Directive lines are blanked in the code so compiler line numbers still match the cell.
/// </summary>
internal static class CellParser
{
    /// <summary>Parses <paramref name="code"/>; lines before any language line are <paramref name="defaultLanguage"/>.</summary>
    public static ParsedCell Parse(string code, string defaultLanguage)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var segments = new List<CellSegment>();
        var builder = new SegmentBuilder(defaultLanguage, "", 0, lines.Length);
        var inBlockComment = false;
        var inMultiLineString = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (!inMultiLineString && !inBlockComment && LanguageLine(trimmed) is { } selected)
            {
                segments.Add(builder.Build(lines, index));
                builder = new SegmentBuilder(selected.Language, selected.Arguments, index + 1, lines.Length);
                if (!CellLanguages.IsCode(selected.Language))
                {
                    // Everything after a content language line is content, up to the end of the cell.
                    segments.Add(builder.Build(lines, lines.Length));
                    return new ParsedCell(DropEmptyLeading(segments));
                }
                continue;
            }
            if (!CellLanguages.IsCode(builder.Language))
            {
                builder.HasContent |= trimmed.Length > 0;
                continue;
            }
            if (inMultiLineString)
            {
                inMultiLineString = !TogglesMultiLineString(line, inMultiLineString);
                builder.HasContent = true;
                continue;
            }
            if (inBlockComment)
            {
                inBlockComment = !(trimmed.Contains("*/", StringComparison.Ordinal) || trimmed.Contains("*)", StringComparison.Ordinal));
                continue;
            }
            var isDirective = trimmed.StartsWith("#!", StringComparison.Ordinal)
                || (IsReferenceDirective(trimmed) && (!builder.HasCode || IsPackageDirective(trimmed)));
            if (isDirective)
            {
                builder.Directives.Add(trimmed);
                lines[index] = "";
                continue;
            }
            if (!builder.HasCode)
            {
                if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
                if (trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("(*", StringComparison.Ordinal))
                {
                    inBlockComment = !(trimmed.Contains("*/", StringComparison.Ordinal) || (trimmed.Length > 2 && trimmed[2..].Contains("*)", StringComparison.Ordinal)));
                    continue;
                }
            }
            builder.HasCode = true;
            builder.HasContent = true;
            inMultiLineString = TogglesMultiLineString(line, inMultiLineString);
        }
        segments.Add(builder.Build(lines, lines.Length));
        return new ParsedCell(DropEmptyLeading(segments));
    }

    /// <summary>Whether <paramref name="line"/> (trimmed) is a <c>#r</c> or <c>#i</c> directive.</summary>
    public static bool IsReferenceDirective(string line) => IsDirective(line, "#r") || IsDirective(line, "#i");

    /// <summary>The language selected by a line such as <c>#!fsharp</c> (with its options), or null for any other line.</summary>
    public static (string Language, string Arguments)? LanguageLine(string trimmedLine)
    {
        if (!trimmedLine.StartsWith("#!", StringComparison.Ordinal)) return null;
        var rest = trimmedLine[2..];
        var end = rest.IndexOfAny([' ', '\t']);
        var name = end < 0 ? rest : rest[..end];
        var language = CellLanguages.Find(name);
        if (language is null) return null;
        return (language, end < 0 ? "" : rest[end..].Trim());
    }

    private static bool IsPackageDirective(string line) =>
        IsDirective(line, "#i") || (IsDirective(line, "#r") && line[2..].TrimStart().TrimStart('"').TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase));

    private static bool IsDirective(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) && line.Length > 2 && line[2] is ' ' or '\t' or '"';

    /// <summary>Whether an odd number of <c>"""</c> on the line opens or closes a C# raw or F# triple-quoted string.</summary>
    private static bool TogglesMultiLineString(string line, bool inside)
    {
        var count = 0;
        for (var i = line.IndexOf("\"\"\"", StringComparison.Ordinal); i >= 0; i = line.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal)) count++;
        return count % 2 == 1 ? !inside : inside;
    }

    private static List<CellSegment> DropEmptyLeading(List<CellSegment> segments)
    {
        // A code segment with neither directives nor code (e.g. the blank lines before "#!fsharp") runs nothing;
        // the last segment stays so that every cell has a language.
        var kept = segments.Where((s, i) => i == segments.Count - 1 || !CellLanguages.IsCode(s.Language) || s.Directives.Count > 0 || s.HasCode).ToList();
        return kept;
    }

    private sealed class SegmentBuilder(string language, string arguments, int firstLine, int lineCount)
    {
        public string Language { get; } = language;

        public List<string> Directives { get; } = [];

        public bool HasCode { get; set; }

        public bool HasContent { get; set; }

        public CellSegment Build(string[] lines, int endLine)
        {
            string code;
            if (CellLanguages.IsCode(Language))
            {
                // Earlier lines stay as blank lines so that compiler line numbers match the cell.
                code = new string('\n', firstLine) + string.Join("\n", lines[firstLine..Math.Min(endLine, lineCount)]);
            }
            else
            {
                code = string.Join("\n", lines[firstLine..Math.Min(endLine, lineCount)]).Trim('\n');
            }
            return new CellSegment(Language, arguments, Directives, code);
        }
    }
}

/// <summary>A cell split into segments of one language each.</summary>
internal sealed record ParsedCell(IReadOnlyList<CellSegment> Segments)
{
    /// <summary>The language of the last segment (the one whose value is the cell's result).</summary>
    public string Language => Segments[^1].Language;

    /// <summary>
    /// The code of the last segment, with the lines before it (and its directive lines) blank, so that an offset in the
    /// cell maps to the same line and column in it (what completion and inspection ask the engine about).
    /// </summary>
    public string Code => Segments[^1].Code;
}

/// <summary>
/// Part of a cell in one language: the text after its language line's name (options such as <c>--name x</c>), its
/// directive lines (magic commands, <c>#r</c>, <c>#i</c>) and its code or content.
/// </summary>
internal sealed record CellSegment(string Language, string LanguageArguments, IReadOnlyList<string> Directives, string Code)
{
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);
}
