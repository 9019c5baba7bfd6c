using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>
/// A test interpreter whose cells are one command per line, so protocol tests control exactly what a cell does:
/// <c>print:TEXT</c>, <c>eprint:TEXT</c> (stderr), <c>display:ID:TEXT</c>, <c>update:ID:TEXT</c>,
/// <c>html:TEXT</c> (display text/html), <c>json:{...}</c> (display application/json), <c>error:MESSAGE</c>,
/// <c>throw:MESSAGE</c> (escapes as an exception, breaking the interpreter contract on purpose),
/// <c>sleep:MS</c> (cancellable wait), <c>hang:MS</c> (ignores cancellation), <c>input:PROMPT</c> (prints "got VALUE"),
/// <c>=VALUE</c> (the cell's result). Any other line is the result as text.
/// </summary>
internal sealed class ScriptedInterpreter : IKernelInterpreter
{
    private readonly List<string> _executed = [];

    public KernelLanguageInfo LanguageInfo { get; } = new("scripted", "1.0", "text/x-scripted", ".txt", "text", "text");

    public string Banner => "Scripted test interpreter";

    public IReadOnlyList<string> Executed
    {
        get
        {
            lock (_executed)
            {
                return _executed.ToArray();
            }
        }
    }

    public async Task<ExecutionOutcome> ExecuteAsync(string code, IExecutionContext context, CancellationToken cancellationToken)
    {
        lock (_executed)
        {
            _executed.Add(code);
        }

        MimeBundle? result = null;
        foreach (var line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (command, argument) = line.IndexOf(':') is var colon and > 0 ? (line[..colon], line[(colon + 1)..]) : (line, string.Empty);
            switch (command)
            {
                case "print":
                    context.WriteStream("stdout", argument + "\n");
                    break;
                case "clear":
                    context.ClearOutput(argument == "wait");
                    break;
                case "eprint":
                    context.WriteStream("stderr", argument + "\n");
                    break;
                case "display":
                case "update":
                {
                    var parts = argument.Split(':', 2);
                    context.PublishDisplay(MimeBundle.PlainText(parts[1]), parts[0], command == "update");
                    break;
                }

                case "html":
                    context.PublishDisplay(new MimeBundle(new Dictionary<string, string> { ["text/html"] = argument, ["text/plain"] = argument }), null, false);
                    break;
                case "json":
                    context.PublishDisplay(new MimeBundle(new Dictionary<string, string> { ["application/json"] = argument }), null, false);
                    break;
                case "error":
                    return new ExecutionOutcome.Error("ScriptError", argument, ["ScriptError: " + argument, "  at line 1"]);
                case "throw":
                    throw new InvalidOperationException(argument);
                case "sleep":
                    try
                    {
                        await Task.Delay(int.Parse(argument), cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return new ExecutionOutcome.Aborted();
                    }

                    break;
                case "hang":
                    Thread.Sleep(int.Parse(argument));
                    break;
                case "input":
                {
                    var value = await context.RequestInputAsync(argument, false, cancellationToken);
                    context.WriteStream("stdout", "got " + value + "\n");
                    break;
                }

                default:
                    result = MimeBundle.PlainText(line.StartsWith('=') ? line[1..] : line);
                    break;
            }
        }

        return new ExecutionOutcome.Success(result);
    }

    public CompletionResult Complete(string code, int cursorPosition)
    {
        // Completes the word before the cursor against a fixed vocabulary.
        var start = cursorPosition;
        while (start > 0 && char.IsLetter(code[start - 1]))
        {
            start--;
        }

        var prefix = code[start..cursorPosition];
        var matches = new[] { "print", "println", "display", "sleep" }.Where(w => w.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        return new CompletionResult(matches, start, cursorPosition);
    }

    public MimeBundle? Inspect(string code, int cursorPosition, int detailLevel) =>
        code.Contains("print", StringComparison.Ordinal) ? MimeBundle.PlainText($"print: writes a line (detail {detailLevel}, cursor {cursorPosition})") : null;

    public string IsComplete(string code) => code.TrimEnd().EndsWith('\\') ? "incomplete" : "complete";

    public void Dispose()
    {
    }
}
