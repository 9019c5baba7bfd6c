namespace NeuroRnn.Training;

/// <summary>The kinds of reason a training call ends.</summary>
public enum StopKind
{
    /// <summary>All iterations of <see cref="TrainingRun.Iterations"/> ran.</summary>
    IterationsCompleted,
    /// <summary><see cref="TrainingRun.StopWhen"/> returned true.</summary>
    StopCondition,
    /// <summary><see cref="TrainingRun.MaxWallTime"/> was exceeded.</summary>
    WallTime,
    /// <summary>The cancellation token fired; the unfinished iteration was discarded.</summary>
    Cancelled,
    /// <summary>The optimizer gave up (e.g. Hessian-free's λ reached <see cref="HessianFreeOptions.MaximumLambda"/>).</summary>
    Diverged,
}

/// <summary>Why a training call ended: a kind to branch on and a short description to show.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Description">Human-readable reason, e.g. "wall time" or "lambda exploded"; also <see cref="ToString"/>.</param>
public sealed record StopReason(StopKind Kind, string Description)
{
    /// <summary>All requested iterations ran.</summary>
    public static StopReason IterationsCompleted { get; } = new(StopKind.IterationsCompleted, "iterations");

    /// <summary>The run's stop condition held.</summary>
    public static StopReason StopCondition { get; } = new(StopKind.StopCondition, "stop condition");

    /// <summary>The wall-time budget was used up.</summary>
    public static StopReason WallTime { get; } = new(StopKind.WallTime, "wall time");

    /// <summary>Training was cancelled.</summary>
    public static StopReason Cancelled { get; } = new(StopKind.Cancelled, "cancelled");

    /// <summary>The optimizer diverged; <paramref name="description"/> says how.</summary>
    public static StopReason Diverged(string description) => new(StopKind.Diverged, description);

    /// <summary>The <see cref="Description"/>.</summary>
    public override string ToString() => Description;
}
