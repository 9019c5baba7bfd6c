namespace NeuroRnn.Training.Force;

/// <summary>The state of <see cref="ForceTrainer"/> between passes (the weights themselves are the model's parameters).</summary>
/// <param name="Iteration">Number of completed passes; the next has this number.</param>
/// <param name="InverseCorrelation">P, the N×N inverse correlation matrix of the rates (column-major, symmetric).</param>
public sealed record ForceState(int Iteration, double[] InverseCorrelation) : OptimizerState(Iteration)
{
    /// <inheritdoc/>
    public override string Optimizer => ForceTrainer.OptimizerName;
}
