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
}
