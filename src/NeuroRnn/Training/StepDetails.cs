namespace NeuroRnn.Training;

/// <summary>
/// The optimizer-specific part of <see cref="IterationStatistics"/>: <see cref="HessianFreeStepDetails"/>,
/// or <see cref="AdamStepDetails"/>. Match on the type to read it, e.g.
/// <c>if (s.Details is HessianFreeStepDetails hf) Console.WriteLine(hf.Lambda);</c>.
/// </summary>
public abstract record StepDetails;
