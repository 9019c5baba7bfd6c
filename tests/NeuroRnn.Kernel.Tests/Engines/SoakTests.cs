using System.Diagnostics;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;
using Xunit.Abstractions;

namespace NeuroRnn.Kernel.Tests.Engines;

// The heap figures are process-wide, so these tests must not run while other test classes allocate in parallel
// (under CI they then read 120 MB after 50 cells instead of 13 MB, and the growth per cell triples).
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed class SoakTestsCollection;

[Collection(nameof(SoakTests))]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeHundredTrivialCellsDoNotGrowTheManagedHeapWithoutBound()
    {
        using var interpreter = new PolyglotInterpreter("csharp");
        var context = new RecordingContext();
        var stopwatch = Stopwatch.StartNew();
        var first = await interpreter.ExecuteAsync("1 + 1", context, CancellationToken.None);
        var firstResult = stopwatch.Elapsed;
        Assert.IsType<ExecutionOutcome.Success>(first);

        long afterWarmUp = 0;
        var cellTimes = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            if (i == 50) afterWarmUp = SettledHeap();
            var cell = Stopwatch.StartNew();
            var outcome = await interpreter.ExecuteAsync($"var v{i % 7} = {i} * 2; v{i % 7} + 1", context, CancellationToken.None);
            cellTimes.Add(cell.Elapsed.TotalMilliseconds);
            Assert.Equal((i * 2 + 1).ToString(), Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/plain"]);
        }
        var afterAll = SettledHeap();
        var growthPerCell = (afterAll - afterWarmUp) / 250.0;
        cellTimes.Sort();
        output.WriteLine($"first C# result {firstResult.TotalMilliseconds:0} ms; median cell {cellTimes[150]:0.0} ms, p95 {cellTimes[285]:0.0} ms");
        output.WriteLine($"managed heap after 50 cells {afterWarmUp / 1e6:0.0} MB, after 300 cells {afterAll / 1e6:0.0} MB ({growthPerCell / 1e3:0.0} kB/cell)");
        // Each submission keeps a small compiled assembly alive (it cannot be unloaded); options passed per cell
        // used to cost megabytes per cell. Allow the former, not the latter.
        Assert.True(growthPerCell < 150_000, $"managed heap grew {growthPerCell / 1e3:0.0} kB per cell");
    }

    [Fact]
    public async Task FirstFSharpResultArrivesInReasonableTime()
    {
        using var interpreter = new PolyglotInterpreter("fsharp");
        var stopwatch = Stopwatch.StartNew();
        var outcome = await interpreter.ExecuteAsync("List.sum [1; 2; 3]", new RecordingContext(), CancellationToken.None);
        output.WriteLine($"first F# result {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("6", Assert.IsType<ExecutionOutcome.Success>(outcome).Result!.Data["text/plain"]);
        // The target is 3 s on an idle machine (see the report); the bound only catches a hang on a loaded machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(120), stopwatch.Elapsed.ToString());
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
