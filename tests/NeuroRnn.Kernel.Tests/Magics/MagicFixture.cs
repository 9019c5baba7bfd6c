using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Tests.Engines;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>An interpreter with a private NuGet cache folder, so #r "nuget:" really restores.</summary>
public sealed class MagicFixture : IDisposable
{
    public MagicFixture()
    {
        Root = Directory.CreateTempSubdirectory("neurornn-magic-tests-").FullName;
        Interpreter = new PolyglotInterpreter("csharp", new PolyglotInterpreterOptions { NuGetCacheDirectory = Path.Combine(Root, "nuget-cache") });
    }

    public string Root { get; }

    public PolyglotInterpreter Interpreter { get; }

    public async Task<(Interpreter.ExecutionOutcome Outcome, RecordingContext Context)> RunAsync(string code)
    {
        var context = new RecordingContext();
        return (await Interpreter.ExecuteAsync(code, context, CancellationToken.None), context);
    }

    public void Dispose()
    {
        Interpreter.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
