namespace NeuroRnn.Training;

/// <summary>
/// Hessian-free optimization (Martens 2010; Martens &amp; Sutskever 2011): at every iteration CG solves the damped
/// Gauss-Newton system (G + λI + λμ S) p = −g on a curvature minibatch; the best kept CG iterate is chosen by
/// backtracking, an Armijo line search scales it, and λ follows the Levenberg–Marquardt rule on the reduction
/// ratio ρ. Steps whose loss is non-finite or that fail the line search are rejected (parameters unchanged,
/// λ raised) and training continues. Deterministic: the result depends only on the objective, the data of each
/// iteration and the state, so a resumed run continues bit-identically.
/// </summary>
public sealed class HessianFreeTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="HessianFreeOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public HessianFreeTrainer(HessianFreeOptions? options = null)
    {
        Options = options ?? new HessianFreeOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public HessianFreeOptions Options { get; }

    /// <summary>The name stored in <see cref="OptimizerState.Optimizer"/> and checkpoints.</summary>
    public const string OptimizerName = "hf";

    /// <inheritdoc/>
    public string Name => OptimizerName;

    /// <summary>The state a fresh run starts from: iteration 0, the initial λ, no previous CG solution.</summary>
    public HessianFreeState InitialState(int parameterCount) => new(0, Options.InitialLambda, new double[parameterCount]);

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
        var state = OptimizerState.As<HessianFreeState>(resumeFrom, "Hessian-free", nameof(resumeFrom)) ?? InitialState(objective.ParameterCount);
        var step = new HessianFreeStep(Options, objective, state);
        return TrainingLoop.Run(step, objective, TrainerChecks.Checked(objective, data, state.Iteration), run, state.Iteration,
            onIteration, cancellationToken);
    }
}
