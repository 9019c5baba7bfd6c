using System.Globalization;

namespace NeuroRnn.Sweeps;

/// <summary>
/// The state of every run of a sweep, read from the run folders (state files and run locks) and, for Slurm, the queue.
/// Works while runs are going on (partial) and after.
/// </summary>
public sealed class SweepStatus
{
    private SweepStatus(SweepSpec spec, IReadOnlyList<SweepRunStatus> runs)
    {
        Spec = spec;
        Runs = runs;
    }

    /// <summary>The sweep.</summary>
    public SweepSpec Spec { get; }

    /// <summary>Every run, in index order.</summary>
    public IReadOnlyList<SweepRunStatus> Runs { get; }

    /// <summary>Number of runs in <paramref name="state"/>.</summary>
    public int Count(SweepRunState state) => Runs.Count(r => r.State == state);

    /// <summary>Whether no run is queued or running.</summary>
    public bool Idle => Runs.All(r => r.State is not (SweepRunState.Queued or SweepRunState.Running));

    /// <summary>Whether every run completed.</summary>
    public bool AllCompleted => Runs.All(r => r.State == SweepRunState.Completed);

    /// <summary>Reads the status of <paramref name="spec"/>.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="queued">Scheduler view: run index → Queued or Running for runs the scheduler holds; null: no scheduler
    /// (a run is running exactly when its lock is held).</param>
    public static SweepStatus Read(SweepSpec spec, IReadOnlyDictionary<int, SweepRunState>? queued = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var runs = spec.Expand();
        var list = new List<SweepRunStatus>(runs.Count);
        foreach (var run in runs)
        {
            var record = SweepRunRecord.Read(run.Folder);
            SweepRunState? scheduler = queued is not null && queued.TryGetValue(run.Index, out var q) ? q : null;
            var state = record?.State switch
            {
                SweepRunState.Completed when File.Exists(Path.Combine(run.Folder, SweepRunFiles.Summary)) => SweepRunState.Completed,
                _ when IsLocked(run.Folder) => SweepRunState.Running,
                _ when scheduler is { } s => s,
                SweepRunState.Failed => SweepRunState.Failed,
                SweepRunState.Running or SweepRunState.Interrupted or SweepRunState.Completed => SweepRunState.Interrupted,
                _ => SweepRunState.Pending,
            };
            list.Add(new SweepRunStatus(run, state, record));
        }
        return new SweepStatus(spec, list);
    }

    /// <summary>Number of interrupted runs whose last attempt the local runner stopped at its wall time.</summary>
    public int TimedOutCount => Runs.Count(r => r.State == SweepRunState.Interrupted && r.Record?.TimedOut == true);

    /// <summary>"6 runs: 4 completed, 1 running, 1 failed" ("2 interrupted (1 at its wall time)" when the local runner stopped some).</summary>
    public override string ToString()
    {
        int timedOut = TimedOutCount;
        var parts = Enum.GetValues<SweepRunState>().Select(s => (s, n: Count(s))).Where(x => x.n > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.n} {x.s.ToString().ToLowerInvariant()}")
                + (x.s == SweepRunState.Interrupted && timedOut > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({timedOut} at its wall time)") : ""));
        return $"{Runs.Count} runs: {string.Join(", ", parts)}";
    }

    /// <summary>Whether another attempt holds the run's lock right now (a run in progress, in any process).</summary>
    internal static bool IsLocked(string runFolder)
    {
        string path = Path.Combine(runFolder, "run.lock");
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
