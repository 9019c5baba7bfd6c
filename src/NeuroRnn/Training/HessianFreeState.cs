namespace NeuroRnn.Training;

/// <summary>The state of <see cref="HessianFreeTrainer"/> between iterations.</summary>
/// <param name="Iteration">Number of completed iterations; the next iteration has this number.</param>
/// <param name="Lambda">The damping λ of the next iteration.</param>
/// <param name="PreviousSolution">The last CG solution (length P), used ×<see cref="HessianFreeOptions.WarmStartDecay"/> as the next warm start.</param>
public sealed record HessianFreeState(int Iteration, double Lambda, double[] PreviousSolution) : OptimizerState(Iteration)
{
    /// <inheritdoc/>
    public override string Optimizer => HessianFreeTrainer.OptimizerName;
}
