using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

public sealed class StreamBatcherTests : IDisposable
{
    private readonly FlushScheduler _scheduler = new();

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void ManyWrites_AreCoalesced_AndSentWithinTheInterval()
    {
        var sent = new List<(string Name, string Text)>();
        using var batcher = new StreamBatcher((name, text) => { lock (sent) { sent.Add((name, text)); } }, TimeSpan.FromMilliseconds(40), _scheduler);
        for (var i = 0; i < 100; i++)
        {
            batcher.Write("stdout", "x");
        }

        Thread.Sleep(400);
        lock (sent)
        {
            Assert.Equal(new string('x', 100), string.Concat(sent.Select(s => s.Text)));
            Assert.True(sent.Count <= 3, $"expected the writes to be batched, got {sent.Count} messages");
        }
    }

    [Fact]
    public void SwitchingStreams_KeepsOrder()
    {
        var sent = new List<(string Name, string Text)>();
        var batcher = new StreamBatcher((name, text) => sent.Add((name, text)), TimeSpan.FromSeconds(10), _scheduler);
        batcher.Write("stdout", "a");
        batcher.Write("stdout", "b");
        batcher.Write("stderr", "c");
        batcher.Write("stdout", "d");
        batcher.Dispose();
        Assert.Equal([("stdout", "ab"), ("stderr", "c"), ("stdout", "d")], sent);
    }

    [Fact]
    public void LargeOutput_FlushesImmediately_AndSurrogatePairsStayWhole()
    {
        var sent = new List<string>();
        var batcher = new StreamBatcher((_, text) => sent.Add(text), TimeSpan.FromSeconds(10), _scheduler, maxBufferedChars: 8);
        batcher.Write("stdout", "1234567\uD83D");
        Assert.Equal(["1234567"], sent);
        batcher.Write("stdout", "\uDE00");
        batcher.Flush();
        Assert.Equal(["1234567", "😀"], sent);
        batcher.Dispose();
    }
}
