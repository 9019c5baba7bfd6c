namespace NeuroRnn.Training;

/// <summary>
/// Adam on the gradient from back-propagation through time, with gradient-norm clipping. One iteration is one
/// step on the iteration's gradient batch. A non-finite loss or gradient skips the step (reported as rejected).
/// </summary>
public sealed class AdamTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="AdamOptions"/>' defaults.</summary>
    public AdamTrainer(AdamOptions? options = null)
    {
        Options = options ?? new AdamOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public AdamOptions Options { get; }

    /// <summary>The name stored in <see cref="OptimizerState.Optimizer"/> and checkpoints.</summary>
    public const string OptimizerName = "adam";

    /// <inheritdoc/>
    public string Name => OptimizerName;

    /// <summary>The state a fresh run starts from: iteration 0, no steps, zero moments.</summary>
    public static AdamState InitialState(int parameterCount) => new(0, 0, new double[parameterCount], new double[parameterCount]);

    /// <inheritdoc/>
    public TrainingResult Train(ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        OptimizerState? resumeFrom = null, Action<IterationStatistics>? onIteration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        run.ThrowIfInvalid();
        TrainerChecks.CheckParameterCount(objective);
        var state = OptimizerState.As<AdamState>(resumeFrom, "Adam", nameof(resumeFrom)) ?? InitialState(objective.ParameterCount);
        var step = new AdamStep(Options, objective, state);
        return TrainingLoop.Run(step, objective, TrainerChecks.Checked(objective, data, state.Iteration), run, state.Iteration,
            onIteration, cancellationToken);
    }
}
