namespace NeuroRnn.Fitting;

/// <summary>What a fit minimises between the network's output and the recorded responses.</summary>
public enum FitObjective
{
    /// <summary>Mean squared error of rates scaled by <see cref="RecordingFitOptions.Scaling"/> (the default).</summary>
    SquaredError,

    /// <summary>
    /// Poisson negative log-likelihood of the spike counts per fit bin with a log-rate read-out: expected count
    /// exp(W_out r + b_out) (needs <see cref="FitReadout.Linear"/>). Condition averages are weighted by their trial counts,
    /// so the summed single-trial likelihood is what is minimised.
    /// </summary>
    Poisson,

    /// <summary>As <see cref="Poisson"/> with a softplus read-out: expected count ln(1 + exp(W_out r + b_out)).</summary>
    PoissonSoftplus,
}
