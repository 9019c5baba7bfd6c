using System.Runtime.Loader;
using NeuroRnn.Kernel.Display;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The C# and F# sessions of one interpreter: started on first use (F# only when a cell needs it), given every
/// assembly referenced so far, and run on an abortable thread. Also answers for their variables.
/// </summary>
internal sealed class LanguageSessions : IDisposable
{
    private readonly PolyglotInterpreterOptions _options;
    private readonly object _gate = new();
    private readonly List<string> _references = [];
    private readonly HashSet<string> _abandoned = [];
    private CSharpEngine? _csharp;
    private FSharpEngine? _fsharp;
    private bool _disposed;

    public LanguageSessions(PolyglotInterpreterOptions options)
    {
        _options = options;
    }

    /// <summary>Whether the F# session has been started.</summary>
    public bool IsFSharpStarted => _fsharp is not null;

    /// <summary>The engine of <paramref name="language"/> if it has started, else null (never starts one).</summary>
    public ILanguageEngine? StartedEngine(string language)
    {
        lock (_gate) return language == CellLanguages.CSharp ? _csharp : language == CellLanguages.FSharp ? _fsharp : null;
    }

    /// <summary>The engine of <paramref name="language"/>, started (with every reference so far) if needed.</summary>
    public ILanguageEngine GetEngine(string language)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            switch (language)
            {
                case CellLanguages.CSharp:
                    return _csharp ??= WithReferences(new CSharpEngine());
                case CellLanguages.FSharp:
                    return _fsharp ??= WithReferences(new FSharpEngine());
                default:
                    throw new MagicCommandException($"'{language}' is not a language with a session (csharp, fsharp).");
            }
        }
    }

    private T WithReferences<T>(T engine) where T : ILanguageEngine
    {
        foreach (var path in _references)
        {
            var result = engine.AddReference(path);
            if (result.Error is not null) throw new MagicCommandException($"Could not reference {path} in {engine.Name}: {result.Error.Value}");
        }
        return engine;
    }

    /// <summary>Runs <paramref name="code"/> in <paramref name="language"/>'s session; an interrupt aborts it.</summary>
    public async Task<ExecutionOutcome> RunAsync(string language, string code, CancellationToken cancellationToken)
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
            if (language == CellLanguages.FSharp) _abandoned.Add(language);
            CellScope.Current?.Context.WriteStream("stderr", $"The interrupted cell did not stop; it keeps running in the background.{(language == CellLanguages.FSharp ? " Restart the kernel to use F# again." : "")}\n");
            return new ExecutionOutcome.Aborted();
        }
        if (ending == AbortableCell.Ending.Aborted || result is null || result.Cancelled) return new ExecutionOutcome.Aborted();
        if (result.Error is not null) return result.Error;
        if (!result.HasValue || result.Value is Microsoft.DotNet.Interactive.Formatting.DisplayedValue) return new ExecutionOutcome.Success(null);
        try
        {
            return new ExecutionOutcome.Success(DisplayFormatter.Format(result.Value));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return Tracebacks.FromException(e);
        }
    }

    /// <summary>Loads <paramref name="paths"/> into the process and every started session; later sessions get them when they start.</summary>
    /// <exception cref="MagicCommandException">A session could not reference one of them.</exception>
    public void AddReferences(IReadOnlyList<string> paths, string directive)
    {
        lock (_gate)
        {
            foreach (var path in paths)
            {
                if (_references.Contains(path)) continue;
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                foreach (var engine in new ILanguageEngine?[] { _csharp, _fsharp })
                {
                    if (engine is null) continue;
                    var result = engine.AddReference(path);
                    if (result.Error is not null) throw new MagicCommandException($"{directive}: {engine.Name} could not load {path}: {string.Join(Environment.NewLine, result.Error.Traceback)}");
                }
                _references.Add(path);
                MagicDiscovery.RegisterFrom(assembly);
                try
                {
                    FormatterRegistrations.RegisterFrom(assembly);
                }
                catch (InvalidOperationException e)
                {
                    throw new MagicCommandException($"{directive}: {e.Message}", e);
                }
            }
        }
    }

    /// <summary>The variables of the started sessions (C# first).</summary>
    public IReadOnlyList<SessionVariable> Variables()
    {
        lock (_gate)
        {
            var all = new List<SessionVariable>();
            if (_csharp is not null) all.AddRange(_csharp.Variables());
            if (_fsharp is not null) all.AddRange(_fsharp.Variables());
            return all;
        }
    }

    /// <summary>Variable <paramref name="name"/> of <paramref name="language"/>'s session (started if needed), or null.</summary>
    public SessionVariable? TryGetVariable(string language, string name)
    {
        var engine = GetEngine(language);
        return engine is FSharpEngine fsharp ? fsharp.TryGetVariable(name) : engine.Variables().FirstOrDefault(v => v.Name == name);
    }

    /// <summary>Defines <paramref name="name"/> = <paramref name="value"/> in <paramref name="language"/>'s session (started if needed).</summary>
    public EngineResult Define(string language, string name, object? value, Type type) => GetEngine(language).DefineVariable(name, value, type);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _csharp?.Dispose();
            _fsharp?.Dispose();
        }
    }
}
