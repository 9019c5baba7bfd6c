namespace NeuroRnn.Experiments;

/// <summary>How an embedder RNN is trained on a circuit's outputs (and, optionally, sampled units as hints).</summary>
public enum EmbedderOptimizer
{
    /// <summary>
    /// full-FORCE (DePasquale et al. 2018) with recursive least squares: the sampled units are hint channels that drive
    /// the target-generating network and are read out linearly (<see cref="Training.Force.FullForceTrainer"/>).
    /// </summary>
    FullForce,

    /// <summary>
    /// Hessian-free optimisation of the squared error of a linear read-out of the outputs and the sampled units (the
    /// recording fitter's linear read-out: the sampled units are extra outputs of the network).
    /// </summary>
    HessianFree,

    /// <summary>Adam on the same loss as <see cref="HessianFree"/> (used by the robustness comparison).</summary>
    Adam,
}
