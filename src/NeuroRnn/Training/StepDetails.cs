namespace NeuroRnn.Training;

/// <summary>
/// The optimizer-specific part of <see cref="IterationStatistics"/>: <see cref="HessianFreeStepDetails"/>,
/// <see cref="AdamStepDetails"/> or <see cref="Force.ForceStepDetails"/>. Match on the type to read it, e.g.
/// <c>if (s.Details is HessianFreeStepDetails hf) Console.WriteLine(hf.Lambda);</c>.
/// </summary>
public abstract record StepDetails;
