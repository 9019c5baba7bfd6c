using Markdig;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Interpreter;

/// <summary>
/// Cells whose text is content rather than code: Markdown and HTML (shown as the cell's result), JavaScript
/// (run in the front end), Mermaid (drawn offline) and value cells (<c>#!value</c>: stored for <c>#!share</c> and
/// <c>#!set</c>, shown when given a MIME type).
/// </summary>
internal sealed class ContentCells
{
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly ValueStore _values;
    private readonly MermaidOutput _mermaid = new();

    public ContentCells(ValueStore values)
    {
        _values = values;
    }

    /// <summary>Renders or stores <paramref name="segment"/>; returns the cell's result.</summary>
    /// <exception cref="MagicCommandException">A <c>#!value</c> cell is used wrongly (the message says how).</exception>
    public async Task<ExecutionOutcome> RunAsync(CellSegment segment, CellScope scope)
    {
        switch (segment.Language)
        {
            case CellLanguages.Markdown:
                return Result(segment, text => Bundle("text/html", Markdown.ToHtml(text, MarkdownPipeline), text));
            case CellLanguages.Html:
                return Result(segment, text => Bundle("text/html", text, text));
            case CellLanguages.Javascript:
                if (segment.HasCode) NotebookDisplays.ShowBundle(segment.Code, ScriptOutput.Javascript(segment.Code));
                return new ExecutionOutcome.Success(null);
            case CellLanguages.Mermaid:
                if (segment.HasCode) NotebookDisplays.ShowBundle(segment.Code, _mermaid.Render(segment.Code));
                return new ExecutionOutcome.Success(null);
            case CellLanguages.Value:
                await StoreValueAsync(segment, scope);
                return new ExecutionOutcome.Success(null);
            default:
                throw new MagicCommandException($"'{segment.Language}' cells are not content cells.");
        }
    }

    private static ExecutionOutcome Result(CellSegment segment, Func<string, MimeBundle> render) =>
        new ExecutionOutcome.Success(segment.HasCode ? render(segment.Code) : null);

    private static MimeBundle Bundle(string mime, string text, string plain) => new(new Dictionary<string, string> { [mime] = text, ["text/plain"] = plain });

    private async Task StoreValueAsync(CellSegment segment, CellScope scope)
    {
        var options = ParseOptions("#!value", MagicTokenizer.Tokenize(segment.LanguageArguments), ["--name", "--from-file", "--mime-type"]);
        var name = options.GetValueOrDefault("--name") ?? throw new MagicCommandException("#!value: option --name is required (#!value --name x [--from-file path] [--mime-type type]).");
        if (!TypeSyntax.IsIdentifier(name)) throw new MagicCommandException($"#!value: '{name}' is not a valid value name.");
        var mimeType = options.GetValueOrDefault("--mime-type");
        string text;
        if (options.GetValueOrDefault("--from-file") is { } file)
        {
            if (segment.HasCode) throw new MagicCommandException("#!value: --from-file cannot be combined with content in the cell; use one or the other.");
            var path = Path.GetFullPath(file);
            if (!File.Exists(path)) throw new MagicCommandException($"#!value --from-file: the file '{path}' does not exist.");
            text = await File.ReadAllTextAsync(path, scope.CancellationToken);
        }
        else
        {
            text = segment.Code;
        }
        _values.Set(name, text, mimeType);
        if (mimeType is not null) NotebookDisplays.ShowBundle(text, Bundle(mimeType, text, text));
    }

    private static Dictionary<string, string> ParseOptions(string directive, IReadOnlyList<string> tokens, string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!allowed.Contains(token)) throw new MagicCommandException($"{directive}: unknown option or argument '{token}'. Options: {string.Join(", ", allowed)}.");
            if (i + 1 >= tokens.Count) throw new MagicCommandException($"{directive}: option {token} needs a value.");
            options[token] = tokens[++i];
        }
        return options;
    }
}
