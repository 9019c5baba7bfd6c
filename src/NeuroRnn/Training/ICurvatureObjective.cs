using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>
/// The model side of second-order training: the loss, its gradient and Gauss-Newton–vector products of a
/// parameterised model on batches of trials. Optimizers (Hessian-free, Adam) see only this interface and a
/// flat parameter vector; models see no optimizer. Vectors are float64 whatever precision the model computes in.
/// </summary>
public interface ICurvatureObjective
{
    /// <summary>Number of trainable parameters P.</summary>
    int ParameterCount { get; }

    /// <summary>Copies the current parameters into <paramref name="destination"/> (length P).</summary>
    void GetParameters(Span<double> destination);

    /// <summary>Replaces the current parameters with <paramref name="source"/> (length P).</summary>
    void SetParameters(ReadOnlySpan<double> source);

    /// <summary>The loss (including regularisers) at the current parameters on <paramref name="batch"/>.</summary>
    double Loss(TrialBatch batch);

    /// <summary>Writes the gradient of the loss on <paramref name="batch"/> into <paramref name="gradient"/> and returns the loss.</summary>
    double LossAndGradient(TrialBatch batch, Span<double> gradient);

    /// <summary>
    /// Runs and caches the forward pass on the curvature minibatch at the current parameters, so that later
    /// <see cref="GaussNewtonProduct"/> calls cost only the R-forward and backward passes.
    /// </summary>
    void PrepareCurvature(TrialBatch curvatureBatch);

    /// <summary>
    /// result = G·v + structuralDamping·(Gauss-Newton matrix of the hidden-state penalty)·v, where G is the
    /// Gauss-Newton matrix of the loss on the prepared curvature batch (same normalisation as <see cref="Loss"/>).
    /// Tikhonov damping (λ·v) is added by the optimizer, not here.
    /// </summary>
    void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result);

    /// <summary>
    /// Σ over trials of the squared per-trial gradient (the diagonal used by Martens' preconditioner),
    /// normalised like the loss.
    /// </summary>
    void SquaredGradientSum(TrialBatch batch, Span<double> result);

    /// <summary>Outputs after the output nonlinearity, laid out like <see cref="TrialBatch.Targets"/>.</summary>
    double[] Predict(TrialBatch batch);
}
