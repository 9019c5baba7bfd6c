namespace NeuroRnn.Training;

/// <summary>What an Adam step did besides the common statistics.</summary>
/// <param name="GradientNorm">Euclidean norm of the gradient before clipping (NaN or ∞ when the step was skipped; NaN in statistics
/// read from version-1 checkpoints, which did not store it).</param>
/// <param name="Clipped">Whether the gradient was rescaled to <see cref="AdamOptions.GradientClipNorm"/>.</param>
public sealed record AdamStepDetails(double GradientNorm, bool Clipped) : StepDetails;
