using System.Diagnostics;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Runs delayed flushes on one dedicated thread. Stream output must go out within the flush interval even when user
/// code saturates the thread pool (Parallel.For, blocking waits), which would starve a System.Threading.Timer.
/// </summary>
internal sealed class FlushScheduler : IDisposable
{
    private readonly PriorityQueue<Action, long> _due = new();
    private readonly object _lock = new();
    private readonly Thread _thread;
    private bool _disposed;

    public FlushScheduler()
    {
        _thread = new Thread(RunLoop) { IsBackground = true, Name = "jupyter-stream-flush" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="action"/> once, <paramref name="delay"/> from now; ignored after disposal.</summary>
    public void Schedule(Action action, TimeSpan delay)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _due.Enqueue(action, Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency));
            Monitor.Pulse(_lock);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            Monitor.Pulse(_lock);
        }

        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void RunLoop()
    {
        while (true)
        {
            Action action;
            lock (_lock)
            {
                while (true)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    if (_due.TryPeek(out var next, out var dueAt))
                    {
                        var wait = dueAt - Stopwatch.GetTimestamp();
                        if (wait <= 0)
                        {
                            _due.Dequeue();
                            action = next;
                            break;
                        }

                        Monitor.Wait(_lock, TimeSpan.FromSeconds(Math.Max(wait, 1) / (double)Stopwatch.Frequency) + TimeSpan.FromTicks(1));
                    }
                    else
                    {
                        Monitor.Wait(_lock);
                    }
                }
            }

            try
            {
                action();
            }
            catch (Exception)
            {
                // A flush publishes to an in-memory queue and cannot meaningfully fail; never let it end the thread.
            }
        }
    }
}
