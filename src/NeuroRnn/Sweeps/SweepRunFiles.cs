namespace NeuroRnn.Sweeps;

/// <summary>The files of a run folder (<c>OUTPUT/runs/RUN-ID/</c>) and of a sweep folder.</summary>
public static class SweepRunFiles
{
    /// <summary>Resolved parameters, kind, seed and id of the run (written before it starts).</summary>
    public const string Inputs = "inputs.json";

    /// <summary>State, attempts, host, Slurm ids, timings and the error of a failed attempt (written by the run itself).</summary>
    public const string State = "state.json";

    /// <summary>The training checkpoint an interrupted run resumes from.</summary>
    public const string Checkpoint = "checkpoint.nrckpt";

    /// <summary>Per-iteration statistics (JSON array).</summary>
    public const string Statistics = "statistics.json";

    /// <summary>Metrics and timings of a completed run; its presence (with a completed state) means "never redo".</summary>
    public const string Summary = "summary.json";

    /// <summary>The run's own log (appended by every attempt).</summary>
    public const string Log = "log.txt";

    /// <summary>Folder of the runs inside the output folder.</summary>
    public const string RunsFolder = "runs";

    /// <summary>Marker file: a local sweep in progress stops its runs when it appears (<c>neurornn sweep cancel</c>).</summary>
    public const string CancelMarker = "cancel-requested";

    /// <summary>Slurm submissions of the sweep (job ids and the array indices of each), JSON.</summary>
    public const string SlurmJobs = "slurm-jobs.json";

    /// <summary>The spec as last submitted.</summary>
    public const string SpecCopy = "sweep.json";
}
