namespace NeuroRnn.Training;

/// <summary>The outcome of a training call.</summary>
/// <param name="State">Optimizer state after the last completed iteration (pass it back to continue); its type is the
/// trainer's, e.g. <see cref="HessianFreeState"/>.</param>
/// <param name="Parameters">Parameters after the last completed iteration (also left in the objective).</param>
/// <param name="BestParameters">Parameters with the best validation metric seen, or <paramref name="Parameters"/> when no metric was given.</param>
/// <param name="BestValidation">That best metric, or null.</param>
/// <param name="Statistics">Per-iteration statistics of this call.</param>
/// <param name="StopReason">Why training ended (<see cref="StopReason.Kind"/> to branch on, <see cref="StopReason.Description"/> to show).</param>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.TrainingResultFormatterSource")]
public sealed record TrainingResult(
    OptimizerState State,
    double[] Parameters,
    double[] BestParameters,
    double? BestValidation,
    IReadOnlyList<IterationStatistics> Statistics,
    StopReason StopReason)
{
    /// <summary>Whether training ended because the cancellation token fired.</summary>
    public bool Cancelled => StopReason.Kind == StopKind.Cancelled;
}
