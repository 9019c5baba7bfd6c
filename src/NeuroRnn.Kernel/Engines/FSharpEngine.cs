using System.Globalization;
using FSharp.Compiler.Diagnostics;
using static FSharp.Compiler.Interactive.Shell;
using Microsoft.FSharp.Core;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// F# cells on an in-process <see cref="FsiEvaluationSession"/> (<c>--noninteractive --nologo --quiet</c>).
/// <c>printfn</c> reaches the cell through the process-wide console redirection; a <c>unit</c> result is not a value.
/// </summary>
internal sealed class FSharpEngine : ILanguageEngine
{
    private const string CellFileName = "cell.fsx";
    private readonly FsiEvaluationSession _session;

    public FSharpEngine()
    {
        var configuration = FsiEvaluationSession.GetDefaultConfiguration();
        var arguments = new List<string> { "fsi.exe", "--noninteractive", "--nologo", "--quiet", "--nowarn:3384" };
        foreach (var path in HostAssemblies.ApplicationAssemblies()) arguments.Add("-r:" + path);
        // FSI writes its own messages here; user output goes through Console (redirected to the running cell).
        // FSI's error writer only carries its own messages (e.g. "Stopped due to error" after every failed cell); the
        // cell's errors come back as diagnostics and user code's eprintfn goes to Console.Error, so drop the writer.
        _session = FsiEvaluationSession.Create(configuration, arguments.ToArray(), Console.In, Console.Out, TextWriter.Null, collectible: null, legacyReferenceResolver: null);
        var setup = Execute("open System\nopen NeuroRnn.Kernel.Display\nopen type NeuroRnn.Kernel.Engines.KernelGlobals", CancellationToken.None);
        if (setup.Error is not null)
        {
            throw new InvalidOperationException("The F# session could not be set up: " + string.Join(Environment.NewLine, setup.Error.Traceback));
        }
    }

    public string Name => "fsharp";

    public EngineResult Execute(string code, CancellationToken cancellationToken)
    {
        var (choice, diagnostics) = _session.EvalInteractionNonThrowing(code, CellFileName, FSharpOption<CancellationToken>.Some(cancellationToken)).ToValueTuple();
        if (choice is FSharpChoice<FSharpOption<FsiValue>?, Exception>.Choice2Of2 failure)
        {
            var exception = failure.Item;
            var errors = diagnostics.Where(d => d.Severity == FSharpDiagnosticSeverity.Error).ToArray();
            // FSI reports a failed compilation as FsiCompilationException; anything else was thrown by user code.
            if (exception is FsiCompilationException || (errors.Length > 0 && exception.GetType().Assembly == typeof(FsiEvaluationSession).Assembly))
            {
                return errors.Length > 0 ? EngineResult.Failed(CompilationError(errors)) : EngineResult.Failed(Tracebacks.FromException(exception));
            }
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) return new EngineResult(false, null, null, Cancelled: true);
            return EngineResult.Failed(Tracebacks.FromException(Unwrap(exception)));
        }
        var value = ((FSharpChoice<FSharpOption<FsiValue>?, Exception>.Choice1Of2)choice).Item;
        if (value is null) return EngineResult.NoValue;
        var fsiValue = value.Value;
        if (fsiValue.ReflectionType == typeof(Unit) || fsiValue.ReflectionValue is Unit) return EngineResult.NoValue;
        return EngineResult.WithValue(fsiValue.ReflectionValue);
    }

    public EngineResult AddReference(string path) => Execute($"#r @\"{path.Replace("\"", "\"\"")}\"", CancellationToken.None);

    public IReadOnlyList<SessionVariable> Variables() =>
        _session.GetBoundValues()
            .Where(v => TypeSyntax.IsIdentifier(v.Name) && v.Name != "it")
            .GroupBy(v => v.Name)
            .Select(g => g.Last())
            .Select(v => new SessionVariable(Name, v.Name, v.Value.ReflectionType, v.Value.ReflectionValue))
            .ToArray();

    /// <summary>The value of <paramref name="name"/>, or null when the session has no such value.</summary>
    public SessionVariable? TryGetVariable(string name)
    {
        var bound = _session.TryFindBoundValue(name);
        if (bound is null) return null;
        return new SessionVariable(Name, name, bound.Value.Value.ReflectionType, bound.Value.Value.ReflectionValue);
    }

    public EngineResult DefineVariable(string name, object? value, Type type)
    {
        if (!TypeSyntax.IsIdentifier(name)) throw new ArgumentException($"'{name}' is not a valid variable name.", nameof(name));
        var typeName = TypeSyntax.NameForValue(value, type, fsharp: true);
        var key = SharedValueStore.Put(value);
        var result = Execute($"let {name} : {typeName} = unbox<{typeName}> (NeuroRnn.Kernel.Engines.SharedValueStore.Take \"{key}\")", CancellationToken.None);
        SharedValueStore.Discard(key);
        return result;
    }

    public CompletionResult Complete(string code, int position) => FSharpCompletion.Complete(_session, code, position);

    public MimeBundle? Inspect(string code, int position, int detailLevel) => FSharpCompletion.Inspect(_session, code, position);

    public string IsComplete(string code) => FSharpCompletion.IsComplete(_session, code);

    private static Exception Unwrap(Exception exception)
    {
        while (exception is System.Reflection.TargetInvocationException { InnerException: { } inner }) exception = inner;
        return exception;
    }

    private static ExecutionOutcome.Error CompilationError(IEnumerable<FSharpDiagnostic> errors)
    {
        var lines = errors.Select(d => string.Create(CultureInfo.InvariantCulture, $"({d.StartLine},{d.StartColumn + 1}): error FS{d.ErrorNumber:0000}: {d.Message}")).ToArray();
        return new ExecutionOutcome.Error("CompilationError", lines.FirstOrDefault() ?? "compilation failed", lines);
    }

    public void Dispose() => ((IDisposable)_session).Dispose();
}
