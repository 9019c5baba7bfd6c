using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>One language session inside the polyglot interpreter. Calls come from one cell at a time.</summary>
internal interface ILanguageEngine : IDisposable
{
    /// <summary>"csharp" or "fsharp".</summary>
    string Name { get; }

    /// <summary>
    /// Runs <paramref name="code"/> synchronously on the calling thread (the interpreter runs it on a thread it
    /// can abort). User errors come back in the result, never as exceptions.
    /// </summary>
    EngineResult Execute(string code, CancellationToken cancellationToken);

    /// <summary>Makes the assembly at <paramref name="path"/> available to later cells.</summary>
    EngineResult AddReference(string path);

    /// <summary>The variables of the session (latest definition of each name).</summary>
    IReadOnlyList<SessionVariable> Variables();

    /// <summary>Defines (or redefines) the variable <paramref name="name"/> with <paramref name="value"/>, typed as <paramref name="type"/> when the language can name it.</summary>
    EngineResult DefineVariable(string name, object? value, Type type);

    /// <summary>Completion candidates at <paramref name="position"/> of <paramref name="code"/> (a cell's code, directive lines blanked).</summary>
    CompletionResult Complete(string code, int position);

    /// <summary>Signature and documentation of the symbol at <paramref name="position"/>, or null when there is none.</summary>
    MimeBundle? Inspect(string code, int position, int detailLevel);

    /// <summary>"complete", "incomplete" (more lines could finish it) or "invalid" (a syntax error more text cannot fix).</summary>
    string IsComplete(string code);
}

/// <summary>A variable of a language session.</summary>
internal sealed record SessionVariable(string Language, string Name, Type Type, object? Value);

/// <summary>The result of running code in an engine: a value (when the code ended in an expression) or an error.</summary>
internal sealed record EngineResult(bool HasValue, object? Value, ExecutionOutcome.Error? Error, bool Cancelled = false)
{
    public static readonly EngineResult NoValue = new(false, null, null);

    public static EngineResult WithValue(object? value) => new(true, value, null);

    public static EngineResult Failed(ExecutionOutcome.Error error) => new(false, null, error);
}
