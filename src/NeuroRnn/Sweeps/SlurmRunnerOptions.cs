namespace NeuroRnn.Sweeps;

/// <summary>Settings of <see cref="SlurmSweepRunner"/>.</summary>
public sealed record SlurmRunnerOptions
{
    /// <summary>
    /// The command the job script runs for <c>sweep run-one</c> when the spec's <see cref="SlurmSettings.Command"/> is
    /// not set (the CLI passes the tool it is itself). Required when the spec does not set one.
    /// </summary>
    public string? ToolCommand { get; init; }

    /// <summary>Also resubmit runs whose last attempt failed. Default false.</summary>
    public bool RetryFailed { get; init; }

    /// <summary>How often <see cref="SlurmSweepRunner.Wait"/> polls the queue and the run folders. Default 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
