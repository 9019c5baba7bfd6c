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
/// unsplit on the calling thread with the back-end's own threading, as before the split. Part 0 runs on the calling
/// thread, the others (part p on thread p mod K) on MKL's own OpenMP team when MKL threads with libgomp
/// (<see cref="OpenMpTeam"/>: its workers would otherwise spin-wait for about 3 ms after each threaded GEMM on the
/// cores the parts want), else on process-wide background workers. If another engine is running parts, they run one
/// after the other on the calling thread. Nothing here allocates after the workers exist.
/// </para>
/// </summary>
internal static unsafe class BatchParts
{
    /// <summary>
    /// Fewest trials per part: W2's 96 trials run as 2 parts of 48. Measured 2026-12-07 (`hf parts`, float32, loaded
    /// machine, load 20–25, so per-thread CPU rather than wall): on one thread the split GN product costs what the unsplit
    /// one does (47.6–51.3 vs 46.7–49.8 ms) and the step GEMMs on 48 columns run at the rate of 96; on 2 threads with
    /// no spinning (GOMP_SPINCOUNT=0) the split's busiest thread needs 26.1–27.9 ms against the unsplit calling thread's
    /// 29.5–30.3 (the element-wise work no longer waits on one core); with libgomp's default spinning the GN product
    /// took 210 ms median wall split on MKL's team vs 560 ms unsplit. The split measured slower on the quiet machine
    /// before (32.2 vs 39.5 ms) only because it ran on a thread of its own beside MKL's spinning OpenMP worker
    /// (that worker's CPU per product: 59.2 ms vs 51.8 ms when the team runs the parts). The rule was 1,024 before.
    /// </summary>
    public const int MinimumColumns = 48;

    /// <summary>Most parts (a power of two, so they balance on 1, 2 or 4 threads).</summary>
    public const int MaximumParts = 4;

    /// <summary>Parts of a batch of <paramref name="batch"/> trials: 4 from 192 trials, 2 from 96, else 1.</summary>
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
                _body = body; _parts = parts; _failure = null;
                try
                {
                    if (mkl is not null && OpenMpTeam.IsAvailable && !UseOwnWorkers) OpenMpTeam.Run(threads, &TeamMember);
                    else RunOnWorkers(threads);
                }
                finally
                {
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

    /// <summary>
    /// Benchmarks only: run the parts on this class's own worker threads even when MKL threads with libgomp (the way
    /// before 2026-12-07 18:30, kept for the managed back-end and for A/B runs in one process).
    /// </summary>
    internal static bool UseOwnWorkers { get; set; }

    [ThreadStatic] private static bool _singleThreadedMkl;

    /// <summary>A member of MKL's OpenMP team: its share of the parts, with MKL on one thread inside each.</summary>
    private static void TeamMember(int thread, int team)
    {
        if (thread != 0 && !_singleThreadedMkl)
        {
            // A team worker only ever runs single parts here (inside MKL's own parallel regions it makes no MKL calls);
            // thread 0 is the calling thread, whose setting Run sets and restores.
            NumericsBackend.Mkl.SetThreadsOnThisThread(1);
            _singleThreadedMkl = true;
        }
        RunShare(thread, team);
    }

    /// <summary>Part 0's share on the calling thread, the others on this class's background workers.</summary>
    private static void RunOnWorkers(int threads)
    {
        EnsureWorkers(threads - 1);
        _threads = threads;
        Done.Reset(threads - 1);
        for (int w = 1; w < threads; w++) _start[w - 1].Release();
        try
        {
            RunShare(0, threads);
        }
        finally
        {
            Done.Wait();
        }
    }

    /// <summary>Parts thread <paramref name="thread"/> of the current run owns: p ≡ thread (mod <paramref name="threads"/>).</summary>
    private static void RunShare(int thread, int threads)
    {
        try
        {
            for (int p = thread; p < _parts; p += threads) _body!(p);
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
            RunShare(thread, _threads);
            Done.Signal();
        }
    }
}
