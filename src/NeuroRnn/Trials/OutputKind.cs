namespace NeuroRnn.Trials;

/// <summary>
/// The output nonlinearity and the loss matched to it (matching pairs keep dL/dz = y − t and the
/// Gauss-Newton matrix positive semi-definite).
/// </summary>
public enum OutputKind
{
    /// <summary>Linear outputs with squared error.</summary>
    LinearSquaredError,
    /// <summary>Logistic outputs with binary cross-entropy (targets in [0, 1]).</summary>
    LogisticCrossEntropy,
    /// <summary>Softmax over all outputs with multinomial cross-entropy (one-hot targets).</summary>
    SoftmaxCrossEntropy,
    /// <summary>
    /// Spike counts: the expected count is y = exp(z) (log-rate output) and the loss is the Poisson negative
    /// log-likelihood Σ mask·(y − t·z) (dropping log t!). Matching pair: dL/dz = y − t, Hessian y (targets ≥ 0).
    /// </summary>
    PoissonLogRate,
    /// <summary>
    /// Spike counts: the expected count is y = softplus(z) = ln(1 + eᶻ) and the loss is Σ mask·(y − t·ln y). Not a
    /// matching pair; its Gauss-Newton matrix takes the softplus into the model: H_z = σ(z)²·t/y² (positive semi-definite).
    /// </summary>
    PoissonSoftplusRate,
}
