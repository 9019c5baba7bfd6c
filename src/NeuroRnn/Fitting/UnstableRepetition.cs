namespace NeuroRnn.Fitting;

/// <summary>
/// A perturbation draw whose network ran away (<see cref="TuningPerturbationOptions.RunawayFactor"/>): reported, and
/// left out of every summary of <see cref="TuningPerturbationResult"/>.
/// </summary>
/// <param name="Repetition">Index of the repetition (draw) among <see cref="TuningPerturbationOptions.Repetitions"/>.</param>
/// <param name="PeakRatio">The perturbed network's largest rate over the control's (∞ if not finite).</param>
public sealed record UnstableRepetition(int Repetition, double PeakRatio);
