using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Tests.Engines;

/// <summary>One interpreter shared by the tests of a class (starting engines is the expensive part).</summary>
public class InterpreterFixture : IDisposable
{
    public InterpreterFixture() : this("csharp")
    {
    }

    protected InterpreterFixture(string defaultLanguage)
    {
        Interpreter = new PolyglotInterpreter(defaultLanguage, new PolyglotInterpreterOptions { InterruptGracePeriod = TimeSpan.FromMilliseconds(500) });
    }

    public PolyglotInterpreter Interpreter { get; }

    public async Task<(ExecutionOutcome Outcome, RecordingContext Context)> RunAsync(string code, RecordingContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= new RecordingContext();
        var outcome = await Interpreter.ExecuteAsync(code, context, cancellationToken);
        return (outcome, context);
    }

    public async Task<string?> ResultTextAsync(string code)
    {
        var (outcome, _) = await RunAsync(code);
        return outcome switch
        {
            ExecutionOutcome.Success s => s.Result?.Data["text/plain"],
            ExecutionOutcome.Error e => throw new Xunit.Sdk.XunitException($"cell failed: {e.Name}: {e.Value}\n{string.Join("\n", e.Traceback)}"),
            _ => throw new Xunit.Sdk.XunitException($"cell outcome {outcome}"),
        };
    }

    public void Dispose()
    {
        Interpreter.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class FSharpInterpreterFixture : InterpreterFixture
{
    public FSharpInterpreterFixture() : base("fsharp")
    {
    }
}
