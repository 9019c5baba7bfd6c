namespace NeuroRnn.Training;

/// <summary>
/// Hyperparameters of <see cref="HessianFreeTrainer"/>. Defaults are Martens (2010) and Martens &amp; Sutskever
/// (2011) as tabulated in the project's hessian-free reference; where implementations differ the choice is noted.
/// </summary>
public sealed record HessianFreeOptions
{
    /// <summary>Initial Tikhonov damping λ (problem dependent: 45 in Martens 2010, 0.1–1 in RNN work).</summary>
    public double InitialLambda { get; init; } = 1.0;

    /// <summary>λ is clamped to at least this positive value so the damped system stays well posed.</summary>
    public double MinimumLambda { get; init; } = 1e-6;

    /// <summary>Training stops when λ would exceed this ("lambda exploded": no step is trusted any more).</summary>
    public double MaximumLambda { get; init; } = 1e10;

    /// <summary>λ multiplier when ρ &lt; <see cref="LowRho"/> or a step is rejected.</summary>
    public double LambdaIncrease { get; init; } = 1.5;

    /// <summary>λ multiplier when ρ &gt; <see cref="HighRho"/>.</summary>
    public double LambdaDecrease { get; init; } = 2.0 / 3.0;

    /// <summary>Below this reduction ratio λ increases.</summary>
    public double LowRho { get; init; } = 0.25;

    /// <summary>Above this reduction ratio λ decreases.</summary>
    public double HighRho { get; init; } = 0.75;

    /// <summary>Structural damping μ (Martens &amp; Sutskever: 1/30); the model receives λ·μ.</summary>
    public double StructuralDamping { get; init; } = 1.0 / 30.0;

    /// <summary>Cap on CG steps per iteration (Martens 250, Martens &amp; Sutskever 300).</summary>
    public int MaxCgIterations { get; init; } = 250;

    /// <summary>The relative-progress stop is not applied before this many CG steps (set equal to
    /// <see cref="MaxCgIterations"/> for a fixed number of steps).</summary>
    public int MinCgIterations { get; init; } = 10;

    /// <summary>ε of the relative-progress stop: stop when (φ_i − φ_{i−k}) / φ_i &lt; k ε, k = max(10, ⌈0.1 i⌉).</summary>
    public double CgTolerance { get; init; } = 5e-4;

    /// <summary>CG iterates i = ⌈base^j⌉ (and the last) are kept for backtracking.</summary>
    public double KeptIterateBase { get; init; } = 1.3;

    /// <summary>CG starts from this multiple of the previous iteration's CG solution (not the backtracked one).</summary>
    public double WarmStartDecay { get; init; } = 0.95;

    /// <summary>
    /// Use Martens' diagonal preconditioner M = (diag F + λ)^exponent with F the empirical Fisher of the gradient batch,
    /// (1/B) Σ_b ∇ℓ_b ∇ℓ_bᵀ for the mean loss over B trials (he notes it rarely helps RNNs). Needs per-trial gradients
    /// (<see cref="ICurvatureObjective.SquaredGradientSum"/>); with a gradient batch of a few trials the diagonal is a noisy
    /// estimate (one trial gives g², still a valid positive preconditioner).
    /// </summary>
    public bool UsePreconditioner { get; init; }

    /// <summary>Exponent of the preconditioner.</summary>
    public double PreconditionerExponent { get; init; } = 0.75;

    /// <summary>Armijo constant c: accept f(θ+αp) ≤ f(θ) + c α ∇fᵀp.</summary>
    public double ArmijoConstant { get; init; } = 1e-2;

    /// <summary>Step multiplier of each line-search cut.</summary>
    public double LineSearchShrink { get; init; } = 0.8;

    /// <summary>Maximum line-search cuts before the step is rejected.</summary>
    public int MaxLineSearchCuts { get; init; } = 60;

    /// <summary>Backtrack CG iterates on the curvature minibatch instead of the gradient batch (cheaper, noisier;
    /// Martens uses the full training set, i.e. the gradient batch).</summary>
    public bool BacktrackOnCurvatureBatch { get; init; }

    /// <summary>
    /// Measure the reduction ratio ρ on the gradient batch — the data the model's linear term gᵀp comes from — instead
    /// of on the curvature minibatch (Martens' choice, the default). With fresh data every iteration and few remaining
    /// errors (temporal order near its solution) the minibatch's loss change is a poor estimate of the batch's, ρ stays
    /// low and λ runs away; measured on the gradient batch it did not (bench/results/hf.md). Costs one loss evaluation
    /// less when CG backtracking already ran on the gradient batch.
    /// </summary>
    public bool ReductionRatioOnGradientBatch { get; init; }

    /// <summary>Suggested gradient batch size for callers that build the data (CLI, benchmarks).</summary>
    public int GradientBatchSize { get; init; } = 2000;

    /// <summary>Suggested curvature minibatch size for callers that build the data.</summary>
    public int CurvatureBatchSize { get; init; } = 400;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static void Check(bool ok, string name, string message)
        {
            if (!ok) throw new ArgumentException($"HessianFreeOptions.{name} {message}", name);
        }
        Check(InitialLambda > 0 && double.IsFinite(InitialLambda), nameof(InitialLambda), $"must be positive and finite, got {InitialLambda}.");
        Check(MinimumLambda > 0 && MinimumLambda <= InitialLambda, nameof(MinimumLambda), $"must be in (0, InitialLambda], got {MinimumLambda}.");
        Check(MaximumLambda >= InitialLambda, nameof(MaximumLambda), $"must be ≥ InitialLambda, got {MaximumLambda}.");
        Check(LambdaIncrease > 1, nameof(LambdaIncrease), $"must be > 1, got {LambdaIncrease}.");
        Check(LambdaDecrease > 0 && LambdaDecrease < 1, nameof(LambdaDecrease), $"must be in (0, 1), got {LambdaDecrease}.");
        Check(LowRho < HighRho, nameof(LowRho), $"({LowRho}) must be below HighRho ({HighRho}).");
        Check(StructuralDamping >= 0 && double.IsFinite(StructuralDamping), nameof(StructuralDamping), $"must be ≥ 0, got {StructuralDamping}.");
        Check(MaxCgIterations >= 1, nameof(MaxCgIterations), $"must be ≥ 1, got {MaxCgIterations}.");
        Check(MinCgIterations >= 1 && MinCgIterations <= MaxCgIterations, nameof(MinCgIterations), $"must be in [1, MaxCgIterations = {MaxCgIterations}], got {MinCgIterations}.");
        Check(CgTolerance > 0, nameof(CgTolerance), $"must be positive, got {CgTolerance}.");
        Check(KeptIterateBase > 1, nameof(KeptIterateBase), $"must be > 1, got {KeptIterateBase}.");
        Check(WarmStartDecay >= 0 && WarmStartDecay <= 1, nameof(WarmStartDecay), $"must be in [0, 1], got {WarmStartDecay}.");
        Check(PreconditionerExponent >= 0, nameof(PreconditionerExponent), $"must be ≥ 0, got {PreconditionerExponent}.");
        Check(ArmijoConstant > 0 && ArmijoConstant < 1, nameof(ArmijoConstant), $"must be in (0, 1), got {ArmijoConstant}.");
        Check(LineSearchShrink > 0 && LineSearchShrink < 1, nameof(LineSearchShrink), $"must be in (0, 1), got {LineSearchShrink}.");
        Check(MaxLineSearchCuts >= 0, nameof(MaxLineSearchCuts), $"must be ≥ 0, got {MaxLineSearchCuts}.");
        Check(GradientBatchSize >= 1, nameof(GradientBatchSize), $"must be ≥ 1, got {GradientBatchSize}.");
        Check(CurvatureBatchSize >= 1 && CurvatureBatchSize <= GradientBatchSize, nameof(CurvatureBatchSize), $"must be in [1, GradientBatchSize = {GradientBatchSize}], got {CurvatureBatchSize}.");
    }
}
