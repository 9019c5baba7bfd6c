using System.Diagnostics;
using NeuroRnn.Kernel.Engines;

namespace NeuroRnn.Kernel.Tests.Engines;

public sealed class AbortableCellTests
{
    [Fact]
    public async Task CodeThatCannotBeAbortedIsAbandonedSoTheKernelAnswers()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var release = new ManualResetEventSlim();
        var stopwatch = Stopwatch.StartNew();
        // A thread abort waits for finally blocks to finish, so this stands for code that never reaches a safe point.
        var (ending, _) = await AbortableCell.RunAsync<string>(() =>
        {
            try { }
            finally { release.Wait(TimeSpan.FromSeconds(30)); }
            return "done";
        }, interrupt.Token, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        release.Set();
        Assert.Equal(AbortableCell.Ending.Abandoned, ending);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task CompletedAndAbortedEndings()
    {
        var (completed, result) = await AbortableCell.RunAsync(() => "value", CancellationToken.None, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal((AbortableCell.Ending.Completed, "value"), (completed, result));

        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var (aborted, _) = await AbortableCell.RunAsync<string>(() => { while (true) Thread.SpinWait(100); }, interrupt.Token, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        Assert.Equal(AbortableCell.Ending.Aborted, aborted);
    }
}
