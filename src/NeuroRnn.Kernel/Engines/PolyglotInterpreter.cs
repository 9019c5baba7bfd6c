using System.Runtime.Loader;
using Markdig;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The kernel's interpreter: C# (Roslyn scripting) and F# (FSharp.Compiler.Service) sessions in one process,
/// Polyglot cell syntax (<c>#!csharp</c>, <c>#!fsharp</c>, <c>#!markdown</c>, magic commands), rich display,
/// <c>#r</c> of files and NuGet packages, and interrupts. The F# session starts with the first F# cell, so a
/// C#-only notebook never pays for it. Cells run one at a time.
/// </summary>
public sealed class PolyglotInterpreter : IKernelInterpreter
{
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly PolyglotInterpreterOptions _options;
    private readonly SemaphoreSlim _cellGate = new(1, 1);
    private readonly object _engineGate = new();
    private readonly List<string> _references = [];
    private readonly HashSet<string> _abandoned = [];
    private readonly PrivateAssemblyCopies _copies;
    private readonly NuGetRestorer _nuget;
    private CSharpEngine? _csharp;
    private FSharpEngine? _fsharp;
    private bool _disposed;

    /// <summary>Creates an interpreter whose cells without a language directive are <paramref name="defaultLanguage"/> ("csharp" or "fsharp").</summary>
    public PolyglotInterpreter(string defaultLanguage = "csharp", PolyglotInterpreterOptions? options = null)
    {
        var language = CellParser.Language(defaultLanguage ?? "");
        if (language is not (CellParser.CSharp or CellParser.FSharp))
        {
            throw new ArgumentException($"The default language must be \"csharp\" or \"fsharp\", not \"{defaultLanguage}\".", nameof(defaultLanguage));
        }
        DefaultLanguage = language;
        _options = options ?? new PolyglotInterpreterOptions();
        ConsoleRedirection.EnsureInstalled();
        _copies = new PrivateAssemblyCopies(_options.SessionDirectory);
        _nuget = new NuGetRestorer(_options.NuGetCacheDirectory, _options.NuGetRestoreTimeout);
        if (_options.WarmUpCSharp) _ = Task.Run(() => GetEngine(CellParser.CSharp));
        // F# completion, inspection and is_complete need the F# session: an F# kernel starts it right away.
        if (_options.WarmUpFSharp) _ = Task.Run(() => GetEngine(CellParser.FSharp));
    }

    /// <summary>"csharp" or "fsharp".</summary>
    public string DefaultLanguage { get; }

    /// <inheritdoc />
    public KernelLanguageInfo LanguageInfo => DefaultLanguage == CellParser.FSharp
        ? new KernelLanguageInfo("F#", "10.0", "text/x-fsharp", ".fs", "fsharp", "text/x-fsharp")
        : new KernelLanguageInfo("C#", "14.0", "text/x-csharp", ".cs", "csharp", "text/x-csharp");

    /// <inheritdoc />
    public string Banner =>
        $"NeuroRnn polyglot kernel {typeof(PolyglotInterpreter).Assembly.GetName().Version?.ToString(3)} — C# and F# on .NET {Environment.Version}. " +
        "Start a cell with #!csharp or #!fsharp; #!lsmagic lists the magic commands.";

    /// <summary>Whether the F# session has been started.</summary>
    public bool IsFSharpStarted => _fsharp is not null;

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
        var scope = new CellScope(context, cancellationToken);
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
        var cell = CellParser.Parse(code, DefaultLanguage);
        var completionActions = new List<Action<ExecutionOutcome>>();
        ExecutionOutcome outcome;
        try
        {
            outcome = await RunDirectivesAsync(cell, scope, completionActions)
                ?? cell.Language switch
                {
                    CellParser.Markdown => cell.HasCode ? new ExecutionOutcome.Success(Html(Markdown.ToHtml(cell.Code, MarkdownPipeline), cell.Code)) : new ExecutionOutcome.Success(null),
                    CellParser.Html => cell.HasCode ? new ExecutionOutcome.Success(Html(cell.Code, cell.Code)) : new ExecutionOutcome.Success(null),
                    _ when !cell.HasCode => new ExecutionOutcome.Success(null),
                    _ => await RunCodeAsync(cell.Language, cell.Code, scope.CancellationToken),
                };
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

    private static MimeBundle Html(string html, string source) => new(new Dictionary<string, string> { ["text/html"] = html, ["text/plain"] = source });

    private async Task<ExecutionOutcome?> RunDirectivesAsync(ParsedCell cell, CellScope scope, List<Action<ExecutionOutcome>> completionActions)
    {
        foreach (var line in cell.Directives)
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            if (CellParser.IsReferenceDirective(line))
            {
                await ReferenceAsync(line, scope);
                continue;
            }
            var tokens = MagicTokenizer.Tokenize(line);
            var command = MagicCommands.Find(tokens[0])
                ?? throw new MagicCommandException(
                    $"Unknown magic command {tokens[0]}. Run #!lsmagic to list the magic commands ({string.Join(", ", MagicCommands.All.Select(c => c.Name))}).");
            var (arguments, options) = BindArguments(command, tokens);
            var invocation = new MagicInvocation(command, line, arguments, options, cell.Language, this, scope.CancellationToken, completionActions);
            await command.Handler(invocation, scope.Context);
        }
        return null;
    }

    private static (IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Options) BindArguments(MagicCommand command, IReadOnlyList<string> tokens)
    {
        var arguments = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                arguments.Add(token);
                continue;
            }
            var declared = command.Parameters.FirstOrDefault(p => p.Name == token);
            if (declared is null && command.Parameters.Count > 0)
            {
                throw new MagicCommandException($"{command.Name} has no option {token}. Options: {string.Join(", ", command.Parameters.Select(p => p.Name))}.");
            }
            var isFlag = declared?.IsFlag ?? (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal));
            if (isFlag)
            {
                options[token] = "true";
                continue;
            }
            if (i + 1 >= tokens.Count) throw new MagicCommandException($"{command.Name}: option {token} needs a value.");
            options[token] = tokens[++i];
        }
        foreach (var required in command.Parameters.Where(p => p.IsRequired && !options.ContainsKey(p.Name)))
        {
            throw new MagicCommandException($"{command.Name}: option {required.Name} is required ({required.Description}).");
        }
        return (arguments, options);
    }

    private async Task<ExecutionOutcome> RunCodeAsync(string language, string code, CancellationToken cancellationToken)
    {
        ILanguageEngine engine;
        try
        {
            // Started outside the abortable thread: an interrupt during start-up must not leave half an engine.
            engine = await Task.Run(() => GetEngine(language), CancellationToken.None);
        }
        catch (Exception e) when (e is not MagicCommandException)
        {
            var error = Tracebacks.FromException(e);
            return error with { Name = "EngineStartFailed", Value = $"The {language} session could not start: {e.Message}" };
        }
        if (_abandoned.Contains(language))
        {
            var message = $"An interrupted {language} cell could not be stopped and still runs; restart the kernel to use {language} again.";
            return new ExecutionOutcome.Error("SessionBusy", message, [message]);
        }
        var (ending, result) = await AbortableCell.RunAsync(() => engine.Execute(code, cancellationToken), cancellationToken, _options.InterruptGracePeriod, _options.AbandonAfter);
        if (ending == AbortableCell.Ending.Abandoned)
        {
            // The C# session continues from its last immutable state, so only F# (whose session is busy) is closed.
            if (language == CellParser.FSharp) _abandoned.Add(language);
            CellScope.Current?.Context.WriteStream("stderr", $"The interrupted cell did not stop; it keeps running in the background.{(language == CellParser.FSharp ? " Restart the kernel to use F# again." : "")}\n");
            return new ExecutionOutcome.Aborted();
        }
        if (ending == AbortableCell.Ending.Aborted || result is null || result.Cancelled) return new ExecutionOutcome.Aborted();
        if (result.Error is not null) return result.Error;
        if (!result.HasValue || result.Value is DisplayHandle) return new ExecutionOutcome.Success(null);
        try
        {
            return new ExecutionOutcome.Success(Formatter.Format(result.Value));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return Tracebacks.FromException(e);
        }
    }

    internal ILanguageEngine GetEngine(string language)
    {
        lock (_engineGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            switch (language)
            {
                case CellParser.CSharp:
                    if (_csharp is null)
                    {
                        var engine = new CSharpEngine();
                        ApplyReferences(engine);
                        _csharp = engine;
                    }
                    return _csharp;
                case CellParser.FSharp:
                    if (_fsharp is null)
                    {
                        var engine = new FSharpEngine();
                        ApplyReferences(engine);
                        _fsharp = engine;
                    }
                    return _fsharp;
                default:
                    throw new MagicCommandException($"'{language}' is not a language of this kernel (csharp, fsharp).");
            }
        }
    }

    private void ApplyReferences(ILanguageEngine engine)
    {
        foreach (var path in _references)
        {
            var result = engine.AddReference(path);
            if (result.Error is not null) throw new MagicCommandException($"Could not reference {path} in {engine.Name}: {result.Error.Value}");
        }
    }

    /// <summary>The variables of the started sessions (C# first).</summary>
    internal IReadOnlyList<SessionVariable> Variables()
    {
        lock (_engineGate)
        {
            var all = new List<SessionVariable>();
            if (_csharp is not null) all.AddRange(_csharp.Variables());
            if (_fsharp is not null) all.AddRange(_fsharp.Variables());
            return all;
        }
    }

    /// <summary>Copies variable <paramref name="name"/> of <paramref name="fromLanguage"/> into <paramref name="toLanguage"/> as <paramref name="asName"/>.</summary>
    internal void Share(string fromLanguage, string toLanguage, string name, string asName)
    {
        var from = CellParser.Language(fromLanguage) ?? throw new MagicCommandException($"#!share: unknown language '{fromLanguage}' (csharp, fsharp).");
        var to = CellParser.Language(toLanguage) ?? throw new MagicCommandException($"#!share: unknown language '{toLanguage}' (csharp, fsharp).");
        if (from == to) throw new MagicCommandException($"#!share: the value is already in {to}.");
        if (!TypeSyntax.IsIdentifier(asName)) throw new MagicCommandException($"#!share: '{asName}' is not a valid variable name.");
        var source = GetEngine(from);
        var variable = source is FSharpEngine fsharp
            ? fsharp.TryGetVariable(name)
            : source.Variables().FirstOrDefault(v => v.Name == name);
        if (variable is null) throw new MagicCommandException($"#!share: {from} has no variable named '{name}'.");
        var result = GetEngine(to).DefineVariable(asName, variable.Value, variable.Type);
        if (result.Error is not null) throw new MagicCommandException($"#!share: could not define '{asName}' in {to}: {string.Join(Environment.NewLine, result.Error.Traceback)}");
    }

    /// <summary>
    /// Defines variable <paramref name="name"/> (a notebook parameter) in each of <paramref name="languages"/>
    /// ("csharp", "fsharp"), or in both when none are given; a language whose session is not running is started.
    /// </summary>
    public void DefineVariable(string name, object? value, IEnumerable<string>? languages = null)
    {
        if (!TypeSyntax.IsIdentifier(name)) throw new ArgumentException($"'{name}' is not a valid variable name.", nameof(name));
        foreach (var language in languages ?? [CellParser.CSharp, CellParser.FSharp])
        {
            var result = GetEngine(language).DefineVariable(name, value, value?.GetType() ?? typeof(object));
            if (result.Error is not null) throw new ArgumentException($"Parameter '{name}' could not be defined in {language}: {result.Error.Value}", nameof(value));
        }
    }

    private async Task ReferenceAsync(string line, CellScope scope)
    {
        var tokens = MagicTokenizer.Tokenize(line[2..]);
        if (tokens.Count != 1) throw new MagicCommandException($"#r expects one quoted path or \"nuget: Package, Version\", got: {line}");
        var reference = tokens[0];
        IReadOnlyList<string> paths;
        if (reference.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var (id, version) = NuGetRestorer.ParseReference(reference);
            paths = await _nuget.RestoreAsync(id, version, scope.CancellationToken);
            foreach (var path in paths) _copies.Remember(path);
            scope.Context.WriteStream("stdout", $"Installed package {id}{(version is null ? "" : " version " + version)} ({paths.Count} assemblies).\n");
        }
        else
        {
            paths = [_copies.Copy(reference)];
        }
        LoadReferences(paths);
    }

    private void LoadReferences(IReadOnlyList<string> paths)
    {
        lock (_engineGate)
        {
            foreach (var path in paths)
            {
                if (_references.Contains(path)) continue;
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                foreach (var engine in new ILanguageEngine?[] { _csharp, _fsharp })
                {
                    if (engine is null) continue;
                    var result = engine.AddReference(path);
                    if (result.Error is not null) throw new MagicCommandException($"#r: {engine.Name} could not load {path}: {string.Join(Environment.NewLine, result.Error.Traceback)}");
                }
                _references.Add(path);
                MagicDiscovery.RegisterFrom(assembly);
            }
            // With no engine started yet, the C# session gets them when the cell's code runs.
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
                .Concat(["#!csharp", "#!fsharp", "#!markdown"])
                .Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            return new CompletionResult(names, start, cursor);
        }
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
        if (parsed.Language is not (CellParser.CSharp or CellParser.FSharp)) return null;
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
        if (detailLevel > 0 || variable.Value is not null) text += Environment.NewLine + Formatter.ToPlainText(variable.Value);
        return MimeBundle.PlainText(text);
    }

    /// <inheritdoc />
    public string IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cell = CellParser.Parse(code, DefaultLanguage);
        return cell.Language switch
        {
            CellParser.CSharp => CSharpCompletion.IsComplete(cell.Code),
            CellParser.FSharp => IsCompleteFSharp(cell.Code),
            _ => "complete",
        };
    }

    private string IsCompleteFSharp(string code)
    {
        try
        {
            var engine = GetEngine(CellParser.FSharp);
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
        lock (_engineGate)
        {
            if (_disposed) return;
            _disposed = true;
            _csharp?.Dispose();
            _fsharp?.Dispose();
            _copies.Dispose();
        }
    }
}
