using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>One use of a magic command in a cell: its arguments and the session it runs in.</summary>
public sealed class MagicInvocation
{
    private readonly List<Action<ExecutionOutcome>> _completionActions;

    internal MagicInvocation(MagicCommand command, string line, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> options,
        string cellLanguage, PolyglotInterpreter interpreter, CancellationToken cancellationToken, List<Action<ExecutionOutcome>> completionActions)
    {
        Command = command;
        Line = line;
        Arguments = arguments;
        Options = options;
        CellLanguage = cellLanguage;
        Interpreter = interpreter;
        CancellationToken = cancellationToken;
        _completionActions = completionActions;
    }

    /// <summary>The command being run.</summary>
    public MagicCommand Command { get; }

    /// <summary>The magic line as written.</summary>
    public string Line { get; }

    /// <summary>Words that are not options, in order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Options by name (with dashes); flags have the value "true".</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The language of the cell's code ("csharp", "fsharp", …).</summary>
    public string CellLanguage { get; }

    /// <summary>The interpreter running the cell.</summary>
    public PolyglotInterpreter Interpreter { get; }

    /// <summary>Cancelled when the cell is interrupted.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of option <paramref name="name"/> (e.g. "--from"), or null when absent.</summary>
    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether flag <paramref name="name"/> was given.</summary>
    public bool HasFlag(string name) => Options.ContainsKey(name);

    /// <summary>Runs <paramref name="action"/> after the rest of the cell (whatever its outcome), before the cell reports.</summary>
    public void OnCellCompleted(Action<ExecutionOutcome> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _completionActions.Add(action);
    }
}
