namespace NeuroRnn.Training;

/// <summary>The state of <see cref="AdamTrainer"/> between iterations.</summary>
/// <param name="Iteration">Number of completed iterations; the next iteration has this number.</param>
/// <param name="Steps">Steps taken so far (skipped steps do not count); the bias corrections use it.</param>
/// <param name="FirstMoment">Exponential average of the gradient m (length P).</param>
/// <param name="SecondMoment">Exponential average of the squared gradient v (length P).</param>
public sealed record AdamState(int Iteration, double Steps, double[] FirstMoment, double[] SecondMoment) : OptimizerState(Iteration)
{
    /// <inheritdoc/>
    public override string Optimizer => AdamTrainer.OptimizerName;
}
