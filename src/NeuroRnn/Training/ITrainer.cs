namespace NeuroRnn.Training;

/// <summary>
/// An optimizer for an <see cref="ICurvatureObjective"/>. Hyperparameters live in the trainer's options record;
/// learned state lives in the objective (parameters) and in the trainer's <see cref="OptimizerState"/> (e.g.
/// <see cref="HessianFreeState"/>), so one trainer can train many objectives and a run can be checkpointed and resumed.
/// Every trainer runs the same <see cref="TrainingLoop"/> with its own <see cref="IOptimizerStep{TData}"/>.
/// </summary>
public interface ITrainer
{
    /// <summary>Short name ("hf", "adam", "full-force"), also <see cref="OptimizerState.Optimizer"/> of its states.</summary>
    string Name { get; }

    /// <summary>
    /// Trains <paramref name="objective"/> in place for <see cref="TrainingRun.Iterations"/> iterations.
    /// </summary>
    /// <param name="objective">The model; its current parameters are the starting point.</param>
    /// <param name="data">The batches of iteration i; must depend only on i for runs to be reproducible.</param>
    /// <param name="run">Length, validation and stop conditions.</param>
    /// <param name="resumeFrom">State returned by an earlier call (or loaded from a checkpoint), or null to start fresh.</param>
    /// <param name="onIteration">Called after every iteration with its statistics (progress display, live plots).</param>
    /// <param name="cancellationToken">Stops training between CG/optimizer steps; the unfinished iteration is discarded
    /// and the result describes the last completed one.</param>
    /// <exception cref="ArgumentException">Invalid data (empty batch, non-finite targets, shapes the objective rejects)
    /// or state (another optimizer's, or sized for another model), detected before the first step.</exception>
    TrainingResult Train(ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        OptimizerState? resumeFrom = null, Action<IterationStatistics>? onIteration = null,
        CancellationToken cancellationToken = default);
}
