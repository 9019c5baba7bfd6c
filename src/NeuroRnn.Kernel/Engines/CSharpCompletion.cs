using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Tags;
using Microsoft.CodeAnalysis.Text;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Semantic completion and quick-info for C# cells: Roslyn's <see cref="CompletionService"/> and
/// <see cref="QuickInfoService"/> over an <see cref="AdhocWorkspace"/> that mirrors the script session as a chain
/// of submission projects (one per cell that compiled, each referencing the one before, as Roslyn's interactive
/// window does), plus a working project for the cell being edited. Types, namespaces, static members, extension
/// methods and the variables of earlier cells are all known. The workspace is built on first use, so a session that
/// never asks pays nothing.
/// </summary>
internal sealed class CSharpCompletion : IDisposable
{
    private readonly AdhocWorkspace _workspace = new(MefHostServices.DefaultHost);
    private readonly List<Script> _mirrored = [];
    private readonly object _gate = new();
    private ProjectId? _lastSubmission;
    private DocumentId? _working;
    private int _submissionCount;

    /// <summary>Completions at <paramref name="position"/> of <paramref name="code"/>, a cell that would run after <paramref name="session"/>.</summary>
    public CompletionResult Complete(Script session, string code, int position)
    {
        var document = WorkingDocument(session, code);
        var service = CompletionService.GetService(document) ?? throw new InvalidOperationException("Roslyn has no C# completion service.");
        var list = service.GetCompletionsAsync(document, position).GetAwaiter().GetResult();
        if (list is null || list.ItemsList.Count == 0)
        {
            return new CompletionResult([], position, position);
        }

        var span = list.ItemsList[0].Span;
        var typed = code[span.Start..Math.Min(span.End, position)];
        var candidates = list.ItemsList.Where(item => item.Span == span && !IsSnippet(item)).ToArray();
        var matches = candidates.Where(item => item.FilterText.StartsWith(typed, StringComparison.Ordinal)).ToArray();
        if (matches.Length == 0)
        {
            matches = candidates.Where(item => item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToArray();
        }

        var chosen = matches
            .Select(item => (Text: InsertionText(item), Kind: Kind(item), item.SortText))
            .DistinctBy(m => m.Text, StringComparer.Ordinal)
            .OrderBy(m => m.SortText, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new CompletionResult(chosen.Select(m => m.Text).ToArray(), span.Start, span.End, chosen.Select(m => m.Kind).ToArray());
    }

    /// <summary>The quick-info of the symbol at <paramref name="position"/> (signature, documentation), or null.</summary>
    public MimeBundle? Inspect(Script session, string code, int position, int detailLevel)
    {
        var document = WorkingDocument(session, code);
        var service = QuickInfoService.GetService(document) ?? throw new InvalidOperationException("Roslyn has no C# quick-info service.");
        // Quick-info looks at the token under the cursor; a cursor just after an identifier means that identifier.
        var info = service.GetQuickInfoAsync(document, position).GetAwaiter().GetResult();
        if ((info is null || info.Sections.IsEmpty) && position > 0)
        {
            info = service.GetQuickInfoAsync(document, position - 1).GetAwaiter().GetResult();
        }

        if (info is null || info.Sections.IsEmpty)
        {
            return null;
        }

        var sections = info.Sections
            .Where(s => detailLevel > 0 || s.Kind is QuickInfoSectionKinds.Description or QuickInfoSectionKinds.DocumentationComments
                or QuickInfoSectionKinds.Exception or QuickInfoSectionKinds.ReturnsDocumentationComments)
            .Select(s => s.Text.Trim())
            .Where(t => t.Length > 0)
            .ToArray();
        if (sections.Length == 0)
        {
            return null;
        }

        var text = string.Join("\n\n", sections);
        var html = "<pre>" + System.Net.WebUtility.HtmlEncode(sections[0]) + "</pre>" +
            string.Concat(sections.Skip(1).Select(s => "<p>" + System.Net.WebUtility.HtmlEncode(s).Replace("\n", "<br>") + "</p>"));
        return new MimeBundle(new Dictionary<string, string> { ["text/plain"] = text, ["text/html"] = html });
    }

    /// <summary>
    /// "incomplete" while the parser still waits for a closing brace, bracket, string or comment; "invalid" for a
    /// finished submission with syntax errors; else "complete".
    /// </summary>
    public static string IsComplete(string code)
    {
        var tree = SyntaxFactory.ParseSyntaxTree(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return "incomplete";
        }

        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }

    public void Dispose() => _workspace.Dispose();

    private static bool IsSnippet(CompletionItem item) => item.Tags.Contains(WellKnownTags.Snippet);

    private static string InsertionText(CompletionItem item) =>
        item.Properties.TryGetValue("InsertionText", out var insertion) && !string.IsNullOrEmpty(insertion) ? insertion : item.DisplayText;

    /// <summary>The completion's kind in the words JupyterLab uses for its icons.</summary>
    private static string Kind(CompletionItem item)
    {
        foreach (var tag in item.Tags)
        {
            switch (tag)
            {
                case WellKnownTags.Method or WellKnownTags.ExtensionMethod: return "method";
                case WellKnownTags.Property: return "property";
                case WellKnownTags.Field or WellKnownTags.Local or WellKnownTags.Parameter or WellKnownTags.Constant or WellKnownTags.EnumMember: return "instance";
                case WellKnownTags.Class or WellKnownTags.Structure or WellKnownTags.Interface or WellKnownTags.Enum or WellKnownTags.Delegate: return "class";
                case WellKnownTags.Namespace: return "module";
                case WellKnownTags.Keyword: return "keyword";
                case WellKnownTags.Event: return "event";
            }
        }

        return "text";
    }

    /// <summary>Brings the submission chain up to <paramref name="session"/> and puts <paramref name="code"/> in the working document.</summary>
    private Document WorkingDocument(Script session, string code)
    {
        lock (_gate)
        {
            var newScripts = new Stack<Script>();
            for (var script = session; script is not null && !_mirrored.Contains(script); script = script.Previous)
            {
                newScripts.Push(script);
            }

            var solution = _workspace.CurrentSolution;
            if (_working is not null && newScripts.Count > 0)
            {
                solution = solution.RemoveProject(_working.ProjectId);
                _working = null;
            }

            while (newScripts.TryPop(out var script))
            {
                var (next, projectId) = AddSubmission(solution, script.Code, script.Options);
                solution = next;
                _lastSubmission = projectId;
                _mirrored.Add(script);
            }

            if (_working is null)
            {
                var (next, projectId) = AddSubmission(solution, code, session.Options);
                solution = next;
                _working = solution.GetProject(projectId)!.DocumentIds[0];
            }
            else
            {
                solution = solution.WithDocumentText(_working, SourceText.From(code));
            }

            if (!_workspace.TryApplyChanges(solution))
            {
                throw new InvalidOperationException("The completion workspace did not accept the session's cells.");
            }

            return _workspace.CurrentSolution.GetDocument(_working)!;
        }
    }

    private (Solution Solution, ProjectId Project) AddSubmission(Solution solution, string code, ScriptOptions options)
    {
        var name = $"Submission{_submissionCount++}";
        var projectId = ProjectId.CreateNewId(name);
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            usings: options.Imports,
            allowUnsafe: options.AllowUnsafe,
            metadataReferenceResolver: options.MetadataResolver,
            sourceReferenceResolver: options.SourceResolver);
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            name,
            name,
            LanguageNames.CSharp,
            isSubmission: true,
            compilationOptions: compilationOptions,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script),
            // The script's own reference objects: Roslyn then loads each assembly's metadata once for both.
            metadataReferences: options.MetadataReferences,
            projectReferences: _lastSubmission is null ? [] : [new ProjectReference(_lastSubmission)]);
        var document = DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            name + ".csx",
            sourceCodeKind: SourceCodeKind.Script,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(code), VersionStamp.Create())));
        return (solution.AddProject(project).AddDocument(document), projectId);
    }

}
