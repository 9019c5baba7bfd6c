using System.Collections.Concurrent;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Engines;

/// <summary>An execution context that records every event in order (with the time it arrived).</summary>
public sealed class RecordingContext : IExecutionContext
{
    private readonly ConcurrentQueue<Func<string, string>> _inputs = new();

    public RecordingContext(int executionCount = 1, bool allowStdin = false)
    {
        ExecutionCount = executionCount;
        AllowStdin = allowStdin;
    }

    public int ExecutionCount { get; }

    public bool AllowStdin { get; }

    public List<Event> Events { get; } = [];

    public sealed record Event(string Kind, string Text, MimeBundle? Bundle, string? DisplayId, DateTime At);

    public string Stdout => string.Concat(Events.Where(e => e.Kind == "stdout").Select(e => e.Text));

    public string Stderr => string.Concat(Events.Where(e => e.Kind == "stderr").Select(e => e.Text));

    public IEnumerable<Event> Displays => Events.Where(e => e.Kind is "display" or "update");

    public List<string> Prompts { get; } = [];

    public void AnswerInput(string answer) => _inputs.Enqueue(_ => answer);

    public void WriteStream(string name, string text)
    {
        lock (Events) Events.Add(new Event(name, text, null, null, DateTime.UtcNow));
    }

    public void PublishDisplay(MimeBundle bundle, string? displayId, bool isUpdate)
    {
        lock (Events) Events.Add(new Event(isUpdate ? "update" : "display", bundle.Data.GetValueOrDefault("text/plain", ""), bundle, displayId, DateTime.UtcNow));
    }

    public void ClearOutput(bool wait)
    {
        lock (Events) Events.Add(new Event("clear", wait ? "wait" : "", null, null, DateTime.UtcNow));
    }

    public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken)
    {
        if (!AllowStdin) throw new InvalidOperationException("stdin not allowed");
        Prompts.Add(prompt);
        return Task.FromResult(_inputs.TryDequeue(out var answer) ? answer(prompt) : "");
    }
}
