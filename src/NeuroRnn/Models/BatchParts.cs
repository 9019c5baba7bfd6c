using System.Runtime.ExceptionServices;
using NeuroRnn.Numerics;

namespace NeuroRnn.Models;

/// <summary>
/// Runs the recurrent loops of <see cref="RateRnnEngine{T}"/> on contiguous parts of the batch at once. Trials are
/// independent through time, so each part runs all its steps — the step GEMM on its columns and the element-wise work —
/// with no synchronisation until the loop ends; one OpenMP-threaded GEMM per step instead splits a small product
/// (200×200·200×96 in W2) and forks and joins at every step, and leaves the element-wise work on one core.
/// <para>
/// The partition depends only on the batch size (<see cref="PartCount"/>), never on the thread count or on whether
/// the workers are free, and every part's back-end calls run on one thread: results are the same with 1 or more
/// threads and from run to run. A batch of one part (fewer than 2 × <see cref="MinimumColumns"/> trials) runs the loop
/// unsplit on the calling thread with the back-end's own threading, as before the split. Part 0 runs on the calling thread, the others on process-wide background workers
/// (part p on thread p mod K); if another engine is using the workers, the parts run one after the other on the
/// calling thread. Nothing here allocates after the workers exist.
/// </para>
/// </summary>
internal static class BatchParts
{
    /// <summary>
    /// Fewest trials per part. On a quiet machine (2026-12-07, 2 threads, `bench hf profile`) W2's GN product was faster
    /// unsplit, with MKL's threads inside each step's GEMM: 68.6 ms vs 74.9 ms in 2 parts (float64), 32.2 vs 39.5 ms
    /// (float32) — parts of 48 trials make narrow GEMMs, and MKL's OpenMP threads spin between the batched GEMMs on the
    /// core a part wants. Under load the split avoided the per-step OpenMP collapse (raw 2-thread step GEMM 0.3 GFLOP/s
    /// at load 37), but the default follows the quiet machine: only batches of thousands of trials are split.
    /// </summary>
    public const int MinimumColumns = 1024;

    /// <summary>Most parts (a power of two, so they balance on 1, 2 or 4 threads).</summary>
    public const int MaximumParts = 4;

    /// <summary>Parts of a batch of <paramref name="batch"/> trials: 4 from 4,096 trials, 2 from 2,048, else 1.</summary>
    public static int PartCount(int batch) => ForcedParts > 0 ? Math.Min(ForcedParts, batch) :
        batch >= MaximumParts * MinimumColumns ? MaximumParts : batch >= 2 * MinimumColumns ? 2 : 1;

    /// <summary>Benchmarks only: a part count used instead of <see cref="PartCount"/>'s rule for engines bound from now on (0: the rule).</summary>
    internal static int ForcedParts { get; set; }

    /// <summary>First column (trial) of part <paramref name="part"/> of <paramref name="parts"/> of a batch of <paramref name="batch"/>.</summary>
    public static int Start(int part, int parts, int batch) => (int)((long)batch * part / parts);

    private static readonly object Gate = new();
    private static readonly CountdownEvent Done = new(1);
    private static SemaphoreSlim[] _start = [];
    private static Action<int>? _body;
    private static int _parts, _threads;
    private static Exception? _failure;

    /// <summary>
    /// Runs <paramref name="body"/>(p) for p = 0..<paramref name="parts"/>−1 on up to <paramref name="threads"/> threads and
    /// returns when all are done; rethrows the first exception of any part.
    /// </summary>
    public static void Run(int parts, int threads, INumericsBackend backend, Action<int> body)
    {
        if (parts == 1)
        {
            // One part: the loop as it was before the split, with the back-end's own threading inside each call.
            body(0);
            return;
        }
        threads = Math.Clamp(Math.Min(threads, parts), 1, Environment.ProcessorCount);
        var mkl = backend as MklBackend;
        int previous = mkl?.SetThreadsOnThisThread(1) ?? 0;
        try
        {
            if (threads == 1 || !Monitor.TryEnter(Gate))
            {
                for (int p = 0; p < parts; p++) body(p);
                return;
            }
            try
            {
                EnsureWorkers(threads - 1);
                _body = body; _parts = parts; _threads = threads; _failure = null;
                Done.Reset(threads - 1);
                for (int w = 1; w < threads; w++) _start[w - 1].Release();
                try
                {
                    RunShare(0);
                }
                finally
                {
                    Done.Wait();
                    _body = null;
                }
                if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }
        finally
        {
            mkl?.SetThreadsOnThisThread(previous);
        }
    }

    /// <summary>Parts thread <paramref name="thread"/> of the current run owns: p ≡ thread (mod threads).</summary>
    private static void RunShare(int thread)
    {
        try
        {
            for (int p = thread; p < _parts; p += _threads) _body!(p);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (_start.Length >= count) return;
        var start = new SemaphoreSlim[count];
        Array.Copy(_start, start, _start.Length);
        for (int w = _start.Length; w < count; w++)
        {
            var signal = start[w] = new SemaphoreSlim(0);
            int thread = w + 1;
            new Thread(() => Work(signal, thread)) { IsBackground = true, Name = $"NeuroRnn batch part {thread}" }.Start();
        }
        _start = start;
    }

    private static void Work(SemaphoreSlim signal, int thread)
    {
        // This thread only ever runs single parts: MKL (if present) on one thread here, for good.
        if (NumericsBackend.IsMklAvailable) NumericsBackend.Mkl.SetThreadsOnThisThread(1);
        while (true)
        {
            signal.Wait();
            RunShare(thread);
            Done.Signal();
        }
    }
}
