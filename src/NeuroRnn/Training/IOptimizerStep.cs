namespace NeuroRnn.Training;

/// <summary>
/// One optimizer's update rule, run by <see cref="TrainingLoop"/>: the loop owns everything every optimizer shares
/// (iteration count, data, cancellation, validation and best parameters, stop rules, wall time, statistics, result),
/// the step only what is specific to its optimizer. Trainers create one step per training call from a fresh or
/// resumed <see cref="OptimizerState"/>; the step keeps its working state and preallocated arrays between iterations.
/// </summary>
/// <typeparam name="TData">What one iteration trains on (<see cref="TrainingData"/> for the gradient-based trainers).</typeparam>
public interface IOptimizerStep<in TData>
{
    /// <summary>
    /// Runs iteration <paramref name="iteration"/> on <paramref name="data"/>, changing the objective's parameters when it
    /// accepts a step. On cancellation it restores the parameters it started from and throws
    /// <see cref="OperationCanceledException"/>, so the loop can return the last completed iteration.
    /// </summary>
    OptimizerStepResult Step(int iteration, TData data, CancellationToken cancellationToken);

    /// <summary>The state to continue from before iteration <paramref name="nextIteration"/> (arrays copied: later steps do not change it).</summary>
    OptimizerState State(int nextIteration);
}

/// <summary>What an <see cref="IOptimizerStep{TData}"/> reports; the loop adds the iteration number, validation and timing.</summary>
/// <param name="Loss">Loss on the iteration's data before the step.</param>
/// <param name="LossAfter">Loss after the step (NaN when not computed).</param>
/// <param name="StepNorm">Norm of the parameter change.</param>
/// <param name="Accepted">Whether the parameters changed.</param>
/// <param name="Details">The optimizer-specific statistics.</param>
/// <param name="Note">Why a step was rejected, or other detail.</param>
/// <param name="Stop">Set when the optimizer cannot usefully continue (<see cref="StopKind.Diverged"/>); the loop stops after this iteration.</param>
public sealed record OptimizerStepResult(double Loss, double LossAfter, double StepNorm, bool Accepted, StepDetails? Details,
    string? Note = null, StopReason? Stop = null);
