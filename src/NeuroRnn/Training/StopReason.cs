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
    /// <summary>The validation metric fell below <see cref="TrainingRun.TargetValidation"/> (e.g. a task's success criterion held on held-out trials).</summary>
    TargetReached,
    /// <summary>The validation metric did not improve for <see cref="TrainingRun.ValidationPatience"/> validations in a row.</summary>
    Plateau,
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

    /// <summary>The validation metric reached its target; <paramref name="description"/> says which and where.</summary>
    public static StopReason TargetReached(string description) => new(StopKind.TargetReached, description);

    /// <summary>The validation metric stopped improving; <paramref name="description"/> says for how long.</summary>
    public static StopReason Plateau(string description) => new(StopKind.Plateau, description);

    /// <summary>The <see cref="Description"/>.</summary>
    public override string ToString() => Description;
}
