namespace NeuroRnn.Sweeps;

/// <summary>Settings of <see cref="LocalSweepRunner"/>.</summary>
public sealed record LocalRunnerOptions
{
    /// <summary>Runs at once; null: ⌊logical cores / threads per run⌋, at least 1.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>Also rerun runs whose last attempt failed. Default false (a failed run stays failed and is reported).</summary>
    public bool RetryFailed { get; init; }

    /// <summary>How often the progress callback sees the sweep's status. Default 1 s.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);
}
