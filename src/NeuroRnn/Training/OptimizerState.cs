namespace NeuroRnn.Training;

/// <summary>
/// Everything an optimizer needs to continue exactly where it stopped, besides the parameters and the data (which
/// derive from the seed and the iteration number). Each optimizer has its own typed state —
/// <see cref="HessianFreeState"/>, <see cref="AdamState"/>, <see cref="Force.ForceState"/>, <see cref="Force.FullForceState"/> — returned in
/// <see cref="TrainingResult.State"/>, passed back as <c>resumeFrom</c> and stored in checkpoints
/// (<see cref="Checkpoints.CheckpointFile"/>). Arrays in a state are owned by it: trainers copy them on resume.
/// </summary>
/// <param name="Iteration">Number of completed iterations; the next iteration has this number.</param>
public abstract record OptimizerState(int Iteration)
{
    /// <summary>Short name of the optimizer that wrote the state ("hf", "adam", "full-force"), also its <see cref="ITrainer.Name"/>.</summary>
    public abstract string Optimizer { get; }

    /// <summary>
    /// This state as <typeparamref name="TState"/>, or an <see cref="ArgumentException"/> (naming <paramref name="argument"/>)
    /// saying which optimizer wrote it, for trainers that are handed another optimizer's state.
    /// </summary>
    internal static TState? As<TState>(OptimizerState? state, string trainerName, string argument) where TState : OptimizerState =>
        state switch
        {
            null => null,
            TState typed => typed,
            _ => throw new ArgumentException($"Cannot resume {trainerName} training from a \"{state.Optimizer}\" optimizer state.", argument),
        };

    /// <summary>Checks that <paramref name="vector"/> of the state has <paramref name="length"/> entries and returns a copy.</summary>
    internal double[] CopyOf(double[] vector, int length, string field, string argument)
    {
        ArgumentNullException.ThrowIfNull(vector, field);
        if (vector.Length != length)
            throw new ArgumentException($"The {Optimizer} optimizer state's {field} has {vector.Length} entries but {length} were expected.", argument);
        return (double[])vector.Clone();
    }
}
