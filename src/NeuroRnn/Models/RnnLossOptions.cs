using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// The training loss of a <see cref="RateRnn"/> on a batch: the output loss matched to the model's
/// <see cref="Trials.OutputKind"/> plus optional L2 penalties. With D the <see cref="Normalization"/> divisor,
/// <list type="bullet">
/// <item>squared error: <c>SquaredErrorScale · Σ mask·(z − target)² / D</c>;</item>
/// <item>logistic: <c>−Σ mask·[t ln y + (1 − t) ln(1 − y)] / D</c>;</item>
/// <item>softmax: <c>−Σ_steps w · Σ_o t_o ln y_o / D</c> with the step weight w = max over outputs of the mask;</item>
/// <item>weights: <c>½ · WeightDecay · ‖θ_w‖²</c> over the trainable entries of W̃_rec, W_in and W_out (not biases, not x₀);</item>
/// <item>rates: <c>ActivityL2 · mean(r²)</c> over all units, trials and steps 1…T (the states after each update).</item>
/// </list>
/// </summary>
public sealed record RnnLossOptions
{
    /// <summary>What the summed output loss is divided by. Default: <see cref="LossNormalization.MaskSum"/>.</summary>
    public LossNormalization Normalization { get; init; } = LossNormalization.MaskSum;

    /// <summary>Factor of the squared error: 1 (default) gives the mean squared error, 0.5 the ½-sum convention.</summary>
    public double SquaredErrorScale { get; init; } = 1.0;

    /// <summary>Weight-decay coefficient (≥ 0) of the ½‖θ_w‖² penalty. Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Coefficient (≥ 0) of the mean squared rate penalty. Default 0.</summary>
    public double ActivityL2 { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (!double.IsFinite(SquaredErrorScale) || SquaredErrorScale <= 0)
            throw new ArgumentException($"RnnLossOptions.SquaredErrorScale must be positive and finite, got {SquaredErrorScale}.", nameof(SquaredErrorScale));
        if (!double.IsFinite(WeightDecay) || WeightDecay < 0)
            throw new ArgumentException($"RnnLossOptions.WeightDecay must be ≥ 0 and finite, got {WeightDecay}.", nameof(WeightDecay));
        if (!double.IsFinite(ActivityL2) || ActivityL2 < 0)
            throw new ArgumentException($"RnnLossOptions.ActivityL2 must be ≥ 0 and finite, got {ActivityL2}.", nameof(ActivityL2));
        if (!Enum.IsDefined(Normalization))
            throw new ArgumentException($"RnnLossOptions.Normalization has the undefined value {(int)Normalization}.", nameof(Normalization));
    }
}
