using FSharp.Compiler.CodeAnalysis;
using FSharp.Compiler.Diagnostics;
using FSharp.Compiler.EditorServices;
using FSharp.Compiler.Symbols;
using FSharp.Compiler.Tokenization;
using Microsoft.FSharp.Core;
using NeuroRnn.Kernel.Interpreter;
using static FSharp.Compiler.Interactive.Shell;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Completion, tooltips and completeness for F# cells from the F# Interactive session's own checker
/// (<see cref="FsiEvaluationSession.ParseAndCheckInteraction"/>): the cell is type-checked as the next interaction,
/// so the values, types and opens of earlier cells are known, and the answers are those of an F# editor.
/// </summary>
internal static class FSharpCompletion
{
    /// <summary>Declarations that complete the (possibly dotted) name ending at <paramref name="position"/>.</summary>
    public static CompletionResult Complete(FsiEvaluationSession session, string code, int position)
    {
        var (line, column, lineText) = LineAt(code, position);
        var partial = QuickParse.GetPartialLongNameEx(lineText, column - 1);
        var start = position - partial.PartialIdent.Length;
        var (parse, check, _) = session.ParseAndCheckInteraction(code, FSharpOption<bool>.None).ToValueTuple();
        var declarations = check.GetDeclarationListInfo(FSharpOption<FSharpParseFileResults>.Some(parse), line, lineText, partial, null, null, null);
        var items = declarations.Items
            .Where(item => item.NameInList.StartsWith(partial.PartialIdent, StringComparison.Ordinal))
            .Select(item => (Text: item.NameInCode, Kind: Kind(item.Glyph)))
            .DistinctBy(item => item.Text, StringComparer.Ordinal)
            .ToArray();
        return new CompletionResult(items.Select(i => i.Text).ToArray(), start, position, items.Select(i => i.Kind).ToArray());
    }

    /// <summary>The tooltip (signatures and documentation) of the identifier at or just before <paramref name="position"/>, or null.</summary>
    public static MimeBundle? Inspect(FsiEvaluationSession session, string code, int position)
    {
        var (line, column, lineText) = LineAt(code, position);
        var island = QuickParse.GetCompleteIdentifierIsland(true, lineText, column);
        if (island is null)
        {
            return null;
        }

        var (name, endColumn, _) = island.Value;
        var (_, check, _) = session.ParseAndCheckInteraction(code, FSharpOption<bool>.None).ToValueTuple();
        var names = Microsoft.FSharp.Collections.ListModule.OfArray(name.Split('.'));
        var tip = check.GetToolTip(line, endColumn, lineText, names, FSharpTokenTag.Identifier, null);
        var parts = new List<string>();
        foreach (var element in tip.Item)
        {
            if (element is not ToolTipElement.Group group)
            {
                continue;
            }

            foreach (var data in group.elements)
            {
                var signature = data.MainDescription.Text;
                var documentation = data.XmlDoc is FSharpXmlDoc.FromXmlText text ? Summary(text.Item.UnprocessedLines) : "";
                parts.Add(documentation.Length == 0 ? signature : signature + "\n\n" + documentation);
            }
        }

        return parts.Count == 0 ? null : MimeBundle.PlainText(string.Join("\n\n", parts));
    }

    /// <summary>
    /// "complete", "incomplete" (an unclosed bracket, string or comment, or a binding without its body: the parser
    /// stopped at the end of the text) or "invalid" (a syntax error before the end that more text cannot fix).
    /// </summary>
    public static string IsComplete(FsiEvaluationSession session, string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "complete";
        }

        // FSI accepts a cell that ends inside a block comment (with a warning), but a console user is still typing it.
        if (EndsInsideCommentOrString(code))
        {
            return "incomplete";
        }

        var (parse, _, _) = session.ParseAndCheckInteraction(code, FSharpOption<bool>.None).ToValueTuple();
        var errors = parse.Diagnostics.Where(d => d.Severity == FSharpDiagnosticSeverity.Error).ToArray();
        if (errors.Length == 0)
        {
            return "complete";
        }

        var trimmed = code.TrimEnd();
        var lastLine = trimmed.Count(c => c == '\n') + 1;
        var lastColumn = trimmed.Length - (trimmed.LastIndexOf('\n') + 1);
        return errors.Any(e => e.StartLine > lastLine || (e.StartLine == lastLine && e.StartColumn >= lastColumn) || e.Message.Contains("end of input", StringComparison.OrdinalIgnoreCase) || IsUnclosed(e))
            ? "incomplete"
            : "invalid";
    }

    /// <summary>Whether the text ends inside a (nested) <c>(* *)</c> comment or a normal, verbatim or triple-quoted string.</summary>
    internal static bool EndsInsideCommentOrString(string code)
    {
        var depth = 0;
        var i = 0;
        while (i < code.Length)
        {
            if (depth > 0)
            {
                if (At(code, i, "(*")) { depth++; i += 2; }
                else if (At(code, i, "*)")) { depth--; i += 2; }
                else i++;
                continue;
            }

            if (At(code, i, "//")) { i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length; }
            else if (At(code, i, "(*") && !At(code, i, "(*)")) { depth++; i += 2; }
            else if (At(code, i, "\"\"\""))
            {
                var end = code.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                if (end < 0) return true;
                i = end + 3;
            }
            else if (code[i] == '"' || At(code, i, "@\""))
            {
                var verbatim = code[i] == '@';
                i += verbatim ? 2 : 1;
                while (true)
                {
                    if (i >= code.Length) return true;
                    if (!verbatim && code[i] == '\\') { i += 2; continue; }
                    if (code[i] == '"')
                    {
                        if (verbatim && At(code, i, "\"\"")) { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
            }
            else if (code[i] == '\'' && i + 2 < code.Length && (code[i + 2] == '\'' || code[i + 1] == '\\'))
            {
                // A character literal such as '"' or '\n' (a type parameter 'T has no closing quote).
                var close = code.IndexOf('\'', i + 2);
                i = close < 0 ? code.Length : close + 1;
            }
            else i++;
        }

        return depth > 0;
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool IsUnclosed(FSharpDiagnostic error) =>
        // FS0010 "Incomplete structured construct", FS0583 "Unmatched '('", FS1241 unterminated triple-quote string, …
        error.Message.StartsWith("Unmatched", StringComparison.Ordinal)
        || error.Message.Contains("Incomplete structured construct", StringComparison.Ordinal)
        || error.Message.Contains("unterminated", StringComparison.OrdinalIgnoreCase)
        || error.Message.Contains("Unexpected end", StringComparison.OrdinalIgnoreCase);

    private static string Summary(IEnumerable<string> xmlLines)
    {
        var xml = string.Join("\n", xmlLines);
        try
        {
            var element = System.Xml.Linq.XElement.Parse("<doc>" + xml + "</doc>");
            return (element.Element("summary")?.Value ?? element.Value).Trim();
        }
        catch (System.Xml.XmlException)
        {
            return xml.Trim();
        }
    }

    private static (int Line, int Column, string LineText) LineAt(string code, int position)
    {
        var lineStart = position == 0 ? 0 : code.LastIndexOf('\n', position - 1) + 1;
        var lineEnd = code.IndexOf('\n', position);
        var lineText = code[lineStart..(lineEnd < 0 ? code.Length : lineEnd)].TrimEnd('\r');
        var line = 1 + code.AsSpan(0, lineStart).Count('\n');
        return (line, position - lineStart, lineText);
    }

    private static string Kind(FSharpGlyph glyph) =>
        glyph.Tag switch
        {
            FSharpGlyph.Tags.Method or FSharpGlyph.Tags.ExtensionMethod or FSharpGlyph.Tags.OverridenMethod => "method",
            FSharpGlyph.Tags.Property => "property",
            FSharpGlyph.Tags.Field or FSharpGlyph.Tags.Variable or FSharpGlyph.Tags.Constant or FSharpGlyph.Tags.EnumMember => "instance",
            FSharpGlyph.Tags.Class or FSharpGlyph.Tags.Struct or FSharpGlyph.Tags.Interface or FSharpGlyph.Tags.Enum or FSharpGlyph.Tags.Union
                or FSharpGlyph.Tags.Type or FSharpGlyph.Tags.Typedef or FSharpGlyph.Tags.Exception or FSharpGlyph.Tags.Delegate => "class",
            FSharpGlyph.Tags.Module or FSharpGlyph.Tags.NameSpace => "module",
            _ => "text",
        };
}
