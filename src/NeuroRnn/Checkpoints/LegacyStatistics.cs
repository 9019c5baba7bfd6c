using NeuroRnn.Training;

namespace NeuroRnn.Checkpoints;

/// <summary>
/// A statistics entry of a version-1 checkpoint, where Hessian-free's fields sat in every entry (NaN for Adam). Read
/// only, and turned into <see cref="IterationStatistics"/> with the details of the optimizer that wrote it.
/// </summary>
internal sealed record LegacyStatistics(int Iteration, double Loss, double LossAfter, double? Validation, double Rho, double Lambda,
    int CgIterations, double StepNorm, bool Accepted, double Seconds, double ElapsedSeconds, string? Note = null,
    int ChosenCgIterate = 0, double LineSearchStep = 0)
{
    /// <summary>The entry in today's shape; <paramref name="optimizer"/> is the checkpoint's optimizer name.</summary>
    public IterationStatistics Upgrade(string optimizer) => new(Iteration, Loss, LossAfter, Validation, StepNorm, Accepted, Seconds,
        ElapsedSeconds, Note, optimizer switch
        {
            HessianFreeTrainer.OptimizerName => new HessianFreeStepDetails(Rho, Lambda, CgIterations, ChosenCgIterate, LineSearchStep),
            // Version 1 did not store Adam's gradient norm; whether it was clipped is in the note.
            AdamTrainer.OptimizerName => new AdamStepDetails(double.NaN, Note?.Contains("clipped", StringComparison.Ordinal) == true),
            _ => null,
        });
}
