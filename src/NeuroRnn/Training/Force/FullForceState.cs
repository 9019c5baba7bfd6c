namespace NeuroRnn.Training.Force;

/// <summary>
/// The state of <see cref="FullForceTrainer"/> between passes (the recurrent and read-out weights themselves are the
/// model's parameters).
/// </summary>
/// <param name="Iteration">Number of completed passes; the next has this number.</param>
/// <param name="InverseCorrelations">The RLS matrices P, one per group of units with the same presynaptic set (one N×N
/// matrix without a connectivity mask; per unit with a random mask), plus one for the read-out when no group sees every
/// unit; each symmetric and column-major, concatenated in the order of the groups' first unit.</param>
/// <param name="HintReadout">The hint read-out (HintCount × N, column-major): the hint signals as a linear read-out of the
/// rates, trained alongside (ĥ = HintReadout·r, in the hints' own units). Empty without hints.</param>
/// <param name="HintCount">Number of hint channels the state was trained with.</param>
public sealed record FullForceState(int Iteration, double[] InverseCorrelations, double[] HintReadout, int HintCount) : OptimizerState(Iteration)
{
    /// <inheritdoc/>
    public override string Optimizer => FullForceTrainer.OptimizerName;
}
