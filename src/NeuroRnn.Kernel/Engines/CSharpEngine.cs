using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// C# cells on Roslyn scripting. The <see cref="ScriptOptions"/> are passed once, to an empty first submission;
/// every cell continues from the previous state without options (passing them per cell made the heap grow
/// without bound), and a cell that fails to compile leaves the previous state in place.
/// </summary>
internal sealed class CSharpEngine : ILanguageEngine
{
    private static readonly string[] DefaultImports =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading",
        "System.Threading.Tasks", "System.Globalization", "NeuroRnn.Kernel.Display",
    ];

    private ScriptState<object> _state;
    private CSharpCompletion? _completion;

    public CSharpEngine()
    {
        var options = ScriptOptions.Default
            // With the SDK's XML docs attached (read lazily, for inspection); completion reuses these very references.
            .WithReferences(HostAssemblies.ForCSharp().Select(path => MetadataReference.CreateFromFile(path, documentation: ReferenceDocumentation.For(path))))
            .WithImports(DefaultImports)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.Latest)
            // Line numbers in run-time stack traces point into the cell.
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
        _state = CSharpScript.RunAsync("using static NeuroRnn.Kernel.Engines.KernelGlobals;", options).GetAwaiter().GetResult();
    }

    public string Name => "csharp";

    public EngineResult Execute(string code, CancellationToken cancellationToken)
    {
        ScriptState<object> next;
        try
        {
            next = _state.ContinueWithAsync<object>(code, catchException: _ => true, cancellationToken: CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (CompilationErrorException e)
        {
            return EngineResult.Failed(CompilationError(e.Diagnostics));
        }
        // Variables assigned before an exception stay defined, as in other notebook kernels.
        _state = next;
        if (next.Exception is { } exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                return new EngineResult(false, null, null, Cancelled: true);
            }
            return EngineResult.Failed(Tracebacks.FromException(exception));
        }
        return next.ReturnValue is null ? EngineResult.NoValue : EngineResult.WithValue(next.ReturnValue);
    }

    public EngineResult AddReference(string path) => Execute($"#r \"{path.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"", CancellationToken.None);

    public IReadOnlyList<SessionVariable> Variables()
    {
        var latest = new Dictionary<string, SessionVariable>(StringComparer.Ordinal);
        foreach (var variable in _state.Variables)
        {
            if (!TypeSyntax.IsIdentifier(variable.Name)) continue;
            latest[variable.Name] = new SessionVariable(Name, variable.Name, variable.Type, variable.Value);
        }
        return latest.Values.ToArray();
    }

    public EngineResult DefineVariable(string name, object? value, Type type)
    {
        if (!TypeSyntax.IsIdentifier(name)) throw new ArgumentException($"'{name}' is not a valid variable name.", nameof(name));
        var typeName = TypeSyntax.NameForValue(value, type, fsharp: false);
        var key = SharedValueStore.Put(value);
        var result = Execute($"{typeName} {name} = ({typeName})global::NeuroRnn.Kernel.Engines.SharedValueStore.Take(\"{key}\");", CancellationToken.None);
        SharedValueStore.Discard(key);
        return result;
    }

    public CompletionResult Complete(string code, int position) => Completion.Complete(_state.Script, code, position);

    public MimeBundle? Inspect(string code, int position, int detailLevel) => Completion.Inspect(_state.Script, code, position, detailLevel);

    public string IsComplete(string code) => CSharpCompletion.IsComplete(code);

    private CSharpCompletion Completion => _completion ??= new CSharpCompletion();

    private static ExecutionOutcome.Error CompilationError(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var lines = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture, $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }).ToArray();
        return new ExecutionOutcome.Error("CompilationError", lines.FirstOrDefault() ?? "compilation failed", lines);
    }

    public void Dispose() => _completion?.Dispose();
}
