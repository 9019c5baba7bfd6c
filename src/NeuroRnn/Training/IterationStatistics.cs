namespace NeuroRnn.Training;

/// <summary>
/// What happened in one training iteration, for every optimizer; delivered to the progress callback and kept in
/// checkpoints. What only one optimizer has (λ and ρ of Hessian-free, the gradient norm of Adam, the read-out error of
/// FORCE) is in <see cref="Details"/>.
/// </summary>
/// <param name="Iteration">Zero-based iteration number (continues across resumes).</param>
/// <param name="Loss">Loss on the iteration's data before the step (for FORCE: the output error during the pass).</param>
/// <param name="LossAfter">Loss on the same data after the step (equal to <paramref name="Loss"/> when rejected; NaN when the
/// optimizer does not compute it, as Adam does not).</param>
/// <param name="Validation">The run's validation metric after the step, when one was computed this iteration.</param>
/// <param name="StepNorm">Euclidean norm of the parameter change (0 when rejected).</param>
/// <param name="Accepted">Whether the parameters changed.</param>
/// <param name="Seconds">Wall time of this iteration: getting its data and the optimizer step (validation excluded).</param>
/// <param name="ElapsedSeconds">Wall time since this training call started, including validation.</param>
/// <param name="Note">Why a step was rejected, or other detail worth reading (e.g. the backtracked CG iterate).</param>
/// <param name="Details">The optimizer-specific part: <see cref="HessianFreeStepDetails"/>, <see cref="AdamStepDetails"/>,
/// <see cref="Force.ForceStepDetails"/>, or null.</param>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.IterationStatisticsFormatterSource")]
public sealed record IterationStatistics(
    int Iteration,
    double Loss,
    double LossAfter,
    double? Validation,
    double StepNorm,
    bool Accepted,
    double Seconds,
    double ElapsedSeconds,
    string? Note = null,
    StepDetails? Details = null);
