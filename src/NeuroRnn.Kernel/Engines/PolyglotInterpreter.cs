using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Magics;
using Microsoft.DotNet.Interactive;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The kernel's interpreter: C# (Roslyn scripting) and F# (FSharp.Compiler.Service) sessions in one process,
/// Polyglot cell syntax (<c>#!csharp</c>, <c>#!fsharp</c>, content kernels such as <c>#!markdown</c> and
/// <c>#!mermaid</c>, magic commands, <c>#r</c>/<c>#i</c>), rich display and interrupts. This class routes a cell's
/// segments (<see cref="CellParser"/>) to the parts that do the work: <see cref="DirectiveRunner"/> (magics and
/// references), <see cref="LanguageSessions"/> (the C# and F# engines), <see cref="ContentCells"/> and
/// <see cref="ValueSharing"/>. The F# session starts with the first F# cell, so a C#-only notebook never pays for it.
/// Cells run one at a time.
/// </summary>
public sealed class PolyglotInterpreter : IKernelInterpreter
{
    private readonly SemaphoreSlim _cellGate = new(1, 1);
    private readonly LanguageSessions _sessions;
    private readonly ReferenceDirectives _references;
    private readonly DirectiveRunner _directives;
    private readonly ContentCells _content;
    private readonly Lazy<SessionKernels> _kernels;
    private bool _disposed;

    /// <summary>Creates an interpreter whose cells without a language directive are <paramref name="defaultLanguage"/> ("csharp" or "fsharp").</summary>
    public PolyglotInterpreter(string defaultLanguage = "csharp", PolyglotInterpreterOptions? options = null)
    {
        var language = CellLanguages.Find(defaultLanguage ?? "");
        if (language is not (CellLanguages.CSharp or CellLanguages.FSharp))
        {
            throw new ArgumentException($"The default language must be \"csharp\" or \"fsharp\", not \"{defaultLanguage}\".", nameof(defaultLanguage));
        }
        DefaultLanguage = language;
        options ??= new PolyglotInterpreterOptions();
        ConsoleRedirection.EnsureInstalled();
        NotebookDisplays.EnsureSubscribed();
        _sessions = new LanguageSessions(options);
        _references = new ReferenceDirectives(_sessions, options);
        _directives = new DirectiveRunner(_references);
        Sharing = new ValueSharing(_sessions);
        _content = new ContentCells(Sharing.Values);
        _kernels = new Lazy<SessionKernels>(() => new SessionKernels(DefaultLanguage));
        if (options.WarmUpCSharp) _ = Task.Run(() => _sessions.GetEngine(CellLanguages.CSharp));
        // F# completion, inspection and is_complete need the F# session: an F# kernel starts it right away.
        if (options.WarmUpFSharp) _ = Task.Run(() => _sessions.GetEngine(CellLanguages.FSharp));
    }

    /// <summary>"csharp" or "fsharp".</summary>
    public string DefaultLanguage { get; }

    /// <inheritdoc />
    public KernelLanguageInfo LanguageInfo => DefaultLanguage == CellLanguages.FSharp
        ? new KernelLanguageInfo("F#", "10.0", "text/x-fsharp", ".fs", "fsharp", "text/x-fsharp")
        : new KernelLanguageInfo("C#", "14.0", "text/x-csharp", ".cs", "csharp", "text/x-csharp");

    /// <inheritdoc />
    public string Banner =>
        $"NeuroRnn polyglot kernel {typeof(PolyglotInterpreter).Assembly.GetName().Version?.ToString(3)} — C# and F# on .NET {Environment.Version}. " +
        "Start a cell with #!csharp or #!fsharp; #!lsmagic lists the magic commands.";

    /// <summary>Whether the F# session has been started.</summary>
    public bool IsFSharpStarted => _sessions.IsFSharpStarted;

    /// <summary>Moves values between kernels (<c>#!share</c>, <c>#!set</c>, <c>#!value</c>).</summary>
    internal ValueSharing Sharing { get; }

    /// <summary>The .NET Interactive kernel objects of this session (<c>Kernel.Root</c>).</summary>
    internal SessionKernels Kernels => _kernels.Value;

    /// <inheritdoc />
    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await _cellGate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new ExecutionOutcome.Aborted();
        }
        var scope = new CellScope(context, cancellationToken, this, DefaultLanguage);
        try
        {
            using (scope.Enter())
            {
                return await ExecuteInScopeAsync(code, scope);
            }
        }
        finally
        {
            scope.Flush();
            _cellGate.Release();
        }
    }

    private async Task<ExecutionOutcome> ExecuteInScopeAsync(string code, CellScope scope)
    {
        var completionActions = new List<Action<ExecutionOutcome>>();
        ExecutionOutcome outcome = new ExecutionOutcome.Success(null);
        try
        {
            var cell = CellParser.Parse(code, DefaultLanguage);
            for (var i = 0; i < cell.Segments.Count; i++)
            {
                var segment = cell.Segments[i];
                scope.Language = segment.Language;
                await _directives.RunAsync(this, segment, scope, completionActions);
                outcome = await RunSegmentAsync(segment, scope);
                if (outcome is not ExecutionOutcome.Success success) break;
                // Only the last part of a cell that switches language gives the cell's result; earlier values are shown.
                if (i < cell.Segments.Count - 1 && success.Result is { } earlier) scope.Context.PublishDisplay(earlier, null, false);
            }
        }
        catch (MagicCommandException e)
        {
            outcome = new ExecutionOutcome.Error(nameof(MagicCommandException), e.Message, e.Message.Split('\n'));
        }
        catch (OperationCanceledException) when (scope.CancellationToken.IsCancellationRequested)
        {
            outcome = new ExecutionOutcome.Aborted();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A library's magic handler, a restore or an engine failure: the cell fails, the kernel lives on.
            outcome = Tracebacks.FromException(e);
        }
        scope.Flush();
        foreach (var action in completionActions)
        {
            try
            {
                action(outcome);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                scope.Context.WriteStream("stderr", $"A magic command's completion action failed: {e.Message}\n");
            }
        }
        return outcome;
    }

    private async Task<ExecutionOutcome> RunSegmentAsync(CellSegment segment, CellScope scope)
    {
        if (!CellLanguages.IsCode(segment.Language)) return await _content.RunAsync(segment, scope);
        if (!segment.HasCode) return new ExecutionOutcome.Success(null);
        return await _sessions.RunAsync(segment.Language, segment.Code, scope.CancellationToken);
    }

    internal ILanguageEngine GetEngine(string language) => _sessions.GetEngine(language);

    /// <summary>The variables of the started sessions (C# first).</summary>
    internal IReadOnlyList<SessionVariable> Variables() => _sessions.Variables();

    /// <summary>Variable <paramref name="name"/> of <paramref name="language"/>'s session (started if needed), or null.</summary>
    internal SessionVariable? TryGetVariable(string language, string name) => _sessions.TryGetVariable(language, name);

    /// <summary>
    /// Defines variable <paramref name="name"/> (a notebook parameter) in each of <paramref name="languages"/>
    /// ("csharp", "fsharp"), or in both when none are given; a language whose session is not running is started.
    /// </summary>
    public void DefineVariable(string name, object? value, IEnumerable<string>? languages = null)
    {
        if (!TypeSyntax.IsIdentifier(name)) throw new ArgumentException($"'{name}' is not a valid variable name.", nameof(name));
        foreach (var language in languages ?? [CellLanguages.CSharp, CellLanguages.FSharp])
        {
            var result = _sessions.Define(language, name, value, value?.GetType() ?? typeof(object));
            if (result.Error is not null) throw new ArgumentException($"Parameter '{name}' could not be defined in {language}: {result.Error.Value}", nameof(value));
        }
    }

    /// <inheritdoc />
    public CompletionResult Complete(string code, int cursorPosition)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cursor = Math.Clamp(cursorPosition, 0, code.Length);
        var prefix = code[..cursor];
        var lineStart = prefix.LastIndexOf('\n') + 1;
        var line = prefix[lineStart..];
        if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal) && !line.Contains(' '))
        {
            var start = lineStart + line.IndexOf('#');
            var typed = prefix[start..];
            var names = MagicCommands.All.Select(c => c.Name)
                .Concat(CellLanguages.All.Select(l => "#!" + l.Name))
                .Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            return new CompletionResult(names, start, cursor);
        }
        if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal) && MagicOptionCompletion.Complete(line, lineStart, cursor) is { } options) return options;
        var empty = new CompletionResult([], CompletionText.PartialStart(prefix), cursor);
        try
        {
            return InEngine(code, cursor, (engine, cellCode, position) =>
            {
                var result = engine.Complete(cellCode, position);
                return result with
                {
                    CursorStart = CellPositions.ToCell(code, cellCode, result.CursorStart),
                    CursorEnd = CellPositions.ToCell(code, cellCode, result.CursorEnd),
                };
            }) ?? empty;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Completion must never fail a request; an empty list is the honest answer.
            return empty;
        }
    }

    /// <inheritdoc />
    public MimeBundle? Inspect(string code, int cursorPosition, int detailLevel)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cursor = Math.Clamp(cursorPosition, 0, code.Length);
        MimeBundle? semantic = null;
        try
        {
            semantic = InEngine(code, cursor, (engine, cellCode, position) => engine.Inspect(cellCode, position, detailLevel));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The language service failed on this code; the session's variables may still answer below.
        }
        var variable = InspectVariable(code, cursor, detailLevel);
        if (semantic is null || variable is null) return semantic ?? variable;
        // A variable: its declaration from the compiler, then its current value.
        var text = semantic.Data["text/plain"] + "\n\n" + variable.Data["text/plain"];
        return MimeBundle.PlainText(text);
    }

    /// <summary>Runs a language-service question in the engine of the cell's language (starting it if needed); null for other cells or directive lines.</summary>
    private T? InEngine<T>(string cell, int cursor, Func<ILanguageEngine, string, int, T?> ask) where T : class
    {
        var parsed = CellParser.Parse(cell, DefaultLanguage);
        if (parsed.Language is not (CellLanguages.CSharp or CellLanguages.FSharp)) return null;
        if (CellPositions.ToCode(cell, parsed.Code, cursor) is not { } position) return null;
        var engine = GetEngine(parsed.Language);
        lock (engine) return ask(engine, parsed.Code, position);
    }

    private MimeBundle? InspectVariable(string code, int cursor, int detailLevel)
    {
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var end = cursor;
        while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_')) end++;
        if (start == end) return null;
        var word = code[start..end];
        var language = CellParser.Parse(code, DefaultLanguage).Language;
        var variable = Variables().LastOrDefault(v => v.Name == word && v.Language == language) ?? Variables().LastOrDefault(v => v.Name == word);
        if (variable is null) return null;
        var text = $"{variable.Name} : {PlainTextFormatter.TypeName(variable.Type)} ({variable.Language})";
        if (detailLevel > 0 || variable.Value is not null) text += Environment.NewLine + DisplayFormatter.ToPlainText(variable.Value);
        return MimeBundle.PlainText(text);
    }

    /// <inheritdoc />
    public string IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cell = CellParser.Parse(code, DefaultLanguage);
        return cell.Language switch
        {
            CellLanguages.CSharp => CSharpCompletion.IsComplete(cell.Code),
            CellLanguages.FSharp => IsCompleteFSharp(cell.Code),
            _ => "complete",
        };
    }

    private string IsCompleteFSharp(string code)
    {
        try
        {
            var engine = _sessions.GetEngine(CellLanguages.FSharp);
            lock (engine) return engine.IsComplete(code);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "unknown";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _sessions.Dispose();
        _references.Dispose();
    }
}
