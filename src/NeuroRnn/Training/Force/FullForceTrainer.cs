namespace NeuroRnn.Training.Force;

/// <summary>
/// full-FORCE (DePasquale et al. 2018) for a <see cref="Models.RateRnn"/>, with hint signals. A target-generating network
/// of the same size — random J^D (gain <see cref="FullForceOptions.TargetGain"/>), the model's input weights and bias,
/// driven by the desired output through u_out and by the hints through u_hint·<see cref="FullForceTargets.HintScale"/> —
/// runs alongside the learner on every trial. Every few steps recursive least squares moves each unit's incoming weights
/// so that its recurrent input J r matches the target network's J^D r^D + u_out f_out + u_hint f_hint, and the read-out so
/// that W_out r matches f_out; a linear read-out of the hints is trained too (<see cref="FullForceState.HintReadout"/>).
/// Units with the same presynaptic set share one P (one N×N matrix for a dense network); with a connectivity mask each
/// unit sees only its own partners, so masks are respected. The regularisation α (P(0) = I/α) is the L2 penalty on the
/// weights' change. One iteration is one pass over all conditions, in an order shuffled from the seed. Input weights,
/// biases and the initial state are not trained; the read-out starts at zero in a fresh run. The trained network is an
/// ordinary rate RNN: simulate it with <see cref="Models.RateRnn.Run"/>.
/// <example>
/// Embedding sampled units of a circuit as hints:
/// <code>
/// var targets = FullForceTargets.FromArrays(inputs, emg, hints: sampledRates);  // [condition, time, channel]
/// var model = new RateRnn(new RateRnnOptions { UnitCount = 200, InputCount = 3, OutputCount = 2, Dt = 1, Tau = 10 });
/// var trainer = new FullForceTrainer(new FullForceOptions { Regularization = 1, UpdateInterval = 2 });
/// var result = trainer.Train(new RnnObjective(model), targets, new TrainingRun { Iterations = 30 });
/// var hintReadout = ((FullForceState)result.State).HintReadout;   // hints × units
/// </code>
/// </example>
/// </summary>
public sealed class FullForceTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="FullForceOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public FullForceTrainer(FullForceOptions? options = null)
    {
        Options = options ?? new FullForceOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public FullForceOptions Options { get; }

    /// <summary>The name stored in <see cref="OptimizerState.Optimizer"/> and checkpoints.</summary>
    public const string OptimizerName = "full-force";

    /// <inheritdoc/>
    public string Name => OptimizerName;

    /// <summary>
    /// Trains on <paramref name="targets"/>: every iteration is one pass over all its conditions.
    /// </summary>
    /// <param name="objective">The rate RNN (its current weights are the start) and the back-end the passes run on.</param>
    /// <param name="targets">Inputs, desired outputs and optional hints per condition.</param>
    /// <param name="run">Passes, validation and stop rules.</param>
    /// <param name="resumeFrom">A <see cref="FullForceState"/> from an earlier call or a checkpoint, or null to start fresh.</param>
    /// <param name="onIteration">Called after every pass with its statistics (<see cref="ForceStepDetails"/> in
    /// <see cref="IterationStatistics.Details"/>).</param>
    /// <param name="cancellationToken">Stops between trials; the unfinished pass is discarded.</param>
    /// <exception cref="ArgumentException">The model cannot be trained by RLS (non-linear or unit read-out, Dale's law, frozen weights),
    /// the targets do not fit it, or the state is another optimizer's or of another network or hint count (the message names the argument).</exception>
    public TrainingResult Train(RnnObjective objective, FullForceTargets targets, TrainingRun run, OptimizerState? resumeFrom = null,
        Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(targets);
        return Run(objective, RlsTraining.Fixed(objective, targets), targets.HintCount, run, resumeFrom, onIteration, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Trains on each iteration's <see cref="TrainingData.GradientBatch"/> without hints; <paramref name="objective"/>
    /// must be an <see cref="RnnObjective"/>.</remarks>
    public TrainingResult Train(ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        OptimizerState? resumeFrom = null, Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        var rnn = RlsTraining.RequireRnn(objective, "full-FORCE");
        ArgumentNullException.ThrowIfNull(data);
        int first = resumeFrom?.Iteration ?? 0;
        return Run(rnn, RlsTraining.Passes(rnn, data, first), 0, run, resumeFrom, onIteration, cancellationToken);
    }

    private TrainingResult Run(RnnObjective objective, Func<int, FullForceTargets> passes, int hintCount, TrainingRun run,
        OptimizerState? resumeFrom, Action<IterationStatistics>? onIteration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.ThrowIfInvalid();
        var state = OptimizerState.As<FullForceState>(resumeFrom, "full-FORCE", nameof(resumeFrom));
        if (state is not null && state.HintCount != hintCount)
            throw new ArgumentException($"The optimizer state was trained with {state.HintCount} hint channels but the targets have {hintCount}.", nameof(resumeFrom));
        var step = new RlsNetworkStep(objective, RlsRule.FullForce, RlsSettings.Of(Options), hintCount, state?.InverseCorrelations, state?.HintReadout);
        int first = state?.Iteration ?? 0;
        return TrainingLoop.Run(step, objective, passes, run, first, onIteration, cancellationToken);
    }
}
