namespace NeuroRnn.Sweeps;

/// <summary>Where a run of a sweep stands.</summary>
public enum SweepRunState
{
    /// <summary>Not started (no state file) and not queued.</summary>
    Pending,

    /// <summary>Submitted to Slurm, waiting for a node.</summary>
    Queued,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Finished; its summary holds the metrics. Never redone.</summary>
    Completed,

    /// <summary>Threw an error (logged); rerun with retry-failed.</summary>
    Failed,

    /// <summary>Stopped before finishing (cancelled, pre-empted, killed, out of wall time); the next run resumes its checkpoint.</summary>
    Interrupted,
}
