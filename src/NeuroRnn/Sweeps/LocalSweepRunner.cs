using System.Collections.Concurrent;
using System.Diagnostics;
using NeuroRnn.Numerics;

namespace NeuroRnn.Sweeps;

/// <summary>
/// Runs a sweep on this machine, in this process: as many runs at once as the cores allow for the spec's threads per run
/// (MKL gets that many threads; concurrent runs × threads ≤ cores), each through <see cref="SweepRunExecutor"/>, so
/// completed runs are skipped and interrupted ones resume. <c>neurornn sweep cancel</c> (a marker file in the output
/// folder) or the cancellation token stops the runs between iterations, keeping their checkpoints; a run whose attempt
/// passes <see cref="SweepResources.WallTime"/> is stopped the same way and recorded as timed out (resumable).
/// </summary>
public static class LocalSweepRunner
{
    /// <summary>Runs every run that is not completed (and not failed, unless retried); returns the final status.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="options">Concurrency, retries, progress cadence.</param>
    /// <param name="progress">Sees the whole sweep's status every <see cref="LocalRunnerOptions.ProgressInterval"/> and at the end.</param>
    /// <param name="cancellationToken">Stops the sweep; running runs become interrupted.</param>
    /// <exception cref="SweepSpecException">The spec is invalid (nothing runs).</exception>
    public static SweepStatus Run(SweepSpec spec, LocalRunnerOptions? options = null, Action<SweepStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new LocalRunnerOptions();
        if (options.MaxConcurrent is < 1) throw new ArgumentException($"LocalRunnerOptions.MaxConcurrent must be ≥ 1, got {options.MaxConcurrent}.", nameof(options));
        var runs = spec.Expand();
        Directory.CreateDirectory(spec.OutputDirectory);
        SweepFolder.WriteSpecCopy(spec);
        string marker = Path.Combine(spec.OutputDirectory, SweepRunFiles.CancelMarker);
        File.Delete(marker);

        int threads = spec.Resources.Threads;
        int concurrent = options.MaxConcurrent ?? Math.Max(1, Environment.ProcessorCount / threads);
        // MKL's thread count is per process; every concurrent run's products then use `threads` threads.
        if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(threads);

        var initial = SweepStatus.Read(spec);
        var todo = new ConcurrentQueue<SweepRun>(initial.Runs
            .Where(r => r.State is SweepRunState.Pending or SweepRunState.Interrupted || r.State == SweepRunState.Failed && options.RetryFailed)
            .Select(r => r.Run));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Each running attempt's wall-time source → the Stopwatch timestamp of its deadline.
        var deadlines = new ConcurrentDictionary<CancellationTokenSource, long>();
        long wallTimeTicks = (long)(spec.Resources.WallTime.TotalSeconds * Stopwatch.Frequency);
        // The marker and the deadlines are polled on a dedicated thread, not thread-pool timers: the runs' parallel loops
        // keep the pool busy, and a pool timer's callback then waited for new pool threads (seconds) while short runs
        // finished uncancelled. Every 100 ms: a prompt cancel and wall time, and few stat calls on a network file system.
        var markerWatch = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (File.Exists(marker)) { stop.Cancel(); return; }
                long now = Stopwatch.GetTimestamp();
                foreach (var (wallTime, deadline) in deadlines)
                    if (now >= deadline) wallTime.Cancel();
                stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            }
        }) { IsBackground = true, Name = "sweep cancel marker and wall times" };
        markerWatch.Start();
        using var reporter = progress is null ? null : new Timer(_ => progress(SweepStatus.Read(spec)), null, TimeSpan.Zero, options.ProgressInterval);

        var workers = Enumerable.Range(0, Math.Min(concurrent, Math.Max(1, todo.Count))).Select(worker => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested && todo.TryDequeue(out var run))
            {
                // Not disposed: the watch may still cancel it after the attempt ended (a source without a timer holds nothing).
                var wallTime = new CancellationTokenSource();
                deadlines[wallTime] = Stopwatch.GetTimestamp() + wallTimeTicks;
                try
                {
                    SweepRunExecutor.Execute(spec, run, options.RetryFailed, stop.Token, wallTime.Token);
                }
                finally
                {
                    deadlines.TryRemove(wallTime, out _);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        stop.Cancel(); // ends the marker watch; the runs are done
        markerWatch.Join();
        reporter?.Dispose();
        var final = SweepStatus.Read(spec);
        progress?.Invoke(final);
        return final;
    }

    /// <summary>Asks a local sweep running in another process to stop (it polls for the marker file).</summary>
    public static void RequestCancel(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(spec.OutputDirectory);
        File.WriteAllText(Path.Combine(spec.OutputDirectory, SweepRunFiles.CancelMarker), DateTime.UtcNow.ToString("O"));
    }
}
