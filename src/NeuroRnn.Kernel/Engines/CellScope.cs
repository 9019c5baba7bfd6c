using System.Text;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// The cell that is running on the current logical flow of execution: where its console output goes and which
/// token an interrupt cancels. It flows with <see cref="AsyncLocal{T}"/>, so code started by the cell (tasks,
/// threads started with the default execution context) writes to the right cell.
/// </summary>
internal sealed class CellScope
{
    private static readonly AsyncLocal<CellScope?> CurrentScope = new();

    // Partial lines are held until '\n' so a stream message never splits a line that was written in pieces.
    private readonly StringBuilder _pendingOut = new();
    private readonly StringBuilder _pendingErr = new();
    private readonly object _gate = new();

    public CellScope(IExecutionContext context, CancellationToken cancellationToken, PolyglotInterpreter session, string language)
    {
        Context = context;
        CancellationToken = cancellationToken;
        Session = session;
        Language = language;
    }

    /// <summary>The scope of the running cell, or null outside any cell.</summary>
    public static CellScope? Current => CurrentScope.Value;

    public IExecutionContext Context { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The interpreter running the cell (for <c>Kernel.Root</c> and the like).</summary>
    public PolyglotInterpreter Session { get; }

    /// <summary>The language of the part of the cell that is running ("csharp", "fsharp", …).</summary>
    public string Language { get; set; }

    /// <summary>Makes this the current scope until the returned object is disposed.</summary>
    public IDisposable Enter()
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = this;
        return new Restore(previous);
    }

    /// <summary>Appends console text; complete lines are sent to the front end at once.</summary>
    public void Write(string streamName, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        string? toSend = null;
        lock (_gate)
        {
            var pending = streamName == "stderr" ? _pendingErr : _pendingOut;
            pending.Append(text);
            var lastNewLine = LastIndexOfNewLine(pending);
            if (lastNewLine >= 0)
            {
                toSend = pending.ToString(0, lastNewLine + 1);
                pending.Remove(0, lastNewLine + 1);
            }
        }
        if (toSend is not null) Context.WriteStream(streamName, toSend);
    }

    /// <summary>Sends any partial lines (end of cell, before an input request or a display).</summary>
    public void Flush()
    {
        string? outText = null, errText = null;
        lock (_gate)
        {
            if (_pendingOut.Length > 0) { outText = _pendingOut.ToString(); _pendingOut.Clear(); }
            if (_pendingErr.Length > 0) { errText = _pendingErr.ToString(); _pendingErr.Clear(); }
        }
        if (outText is not null) Context.WriteStream("stdout", outText);
        if (errText is not null) Context.WriteStream("stderr", errText);
    }

    /// <summary>Removes and returns the unfinished stdout line (used as the prompt of a Console.ReadLine).</summary>
    public string TakePartialStdoutLine()
    {
        lock (_gate)
        {
            var text = _pendingOut.ToString();
            _pendingOut.Clear();
            return text;
        }
    }

    private static int LastIndexOfNewLine(StringBuilder builder)
    {
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (builder[i] == '\n') return i;
        }
        return -1;
    }

    private sealed class Restore(CellScope? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
