namespace NeuroRnn.Training;

/// <summary>What happened in one training iteration; delivered to the progress callback and kept in checkpoints.</summary>
/// <param name="Iteration">Zero-based iteration number (continues across resumes).</param>
/// <param name="Loss">Loss on the gradient batch before the step.</param>
/// <param name="LossAfter">Loss on the gradient batch after the step (equal to <paramref name="Loss"/> when rejected).</param>
/// <param name="Validation">The run's validation metric after the step, when one was computed this iteration.</param>
/// <param name="Rho">Reduction ratio ρ on the curvature minibatch (NaN for first-order trainers).</param>
/// <param name="Lambda">Damping λ used in this iteration (NaN for first-order trainers).</param>
/// <param name="CgIterations">Conjugate-gradient steps taken (0 for first-order trainers).</param>
/// <param name="StepNorm">Euclidean norm of the parameter change (0 when rejected).</param>
/// <param name="Accepted">Whether the parameters changed.</param>
/// <param name="Seconds">Wall time of this iteration.</param>
/// <param name="ElapsedSeconds">Wall time since this training call started, including validation.</param>
/// <param name="Note">Why a step was rejected or training stopped, or other detail (e.g. the backtracked CG iterate).</param>
/// <param name="ChosenCgIterate">The CG iteration whose iterate backtracking chose (0 when none or not applicable).</param>
/// <param name="LineSearchStep">The step multiplier α the line search accepted (0 when rejected; 1 for first-order steps).</param>
public sealed record IterationStatistics(
    int Iteration,
    double Loss,
    double LossAfter,
    double? Validation,
    double Rho,
    double Lambda,
    int CgIterations,
    double StepNorm,
    bool Accepted,
    double Seconds,
    double ElapsedSeconds,
    string? Note = null,
    int ChosenCgIterate = 0,
    double LineSearchStep = 0);
