namespace NeuroRnn.Training.Force;

/// <summary>
/// FORCE learning (Sussillo &amp; Abbott 2009) of a <see cref="Models.RateRnn"/>: the network (typically chaotic, e.g.
/// <c>Gain = 1.5</c>) runs on its own while recursive least squares fits its linear read-out to the desired output every
/// few steps, and the output is fed back through random weights u_f. The feedback is folded into the recurrent weights
/// (W = J₀ + u_f W_outᵀ), so every read-out change ΔW_out changes W by u_f ΔW_outᵀ — the "internal" form of FORCE — and
/// the trained model is an ordinary rate RNN without a feedback loop. One iteration is one pass over the iteration's
/// trials (<see cref="TrainingData.GradientBatch"/>), each started from the model's initial state; the read-out starts
/// at zero in a fresh run. Networks with a connectivity mask cannot carry the dense feedback: use
/// <see cref="FullForceTrainer"/> for them.
/// <example>
/// <code>
/// var model = new RateRnn(new RateRnnOptions { UnitCount = 300, InputCount = 1, OutputCount = 1, Gain = 1.5 });
/// var result = new ForceTrainer().Train(new RnnObjective(model), TrainingData.Fixed(trials, trials.BatchSize),
///     new TrainingRun { Iterations = 20 });
/// </code>
/// </example>
/// </summary>
public sealed class ForceTrainer : ITrainer
{
    /// <summary>Creates a trainer; <paramref name="options"/> defaults to <see cref="ForceOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public ForceTrainer(ForceOptions? options = null)
    {
        Options = options ?? new ForceOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public ForceOptions Options { get; }

    /// <summary>The name stored in <see cref="OptimizerState.Optimizer"/> and checkpoints.</summary>
    public const string OptimizerName = "force";

    /// <inheritdoc/>
    public string Name => OptimizerName;

    /// <inheritdoc/>
    /// <remarks><paramref name="objective"/> must be an <see cref="RnnObjective"/>: FORCE changes the rate RNN's weights
    /// directly. <see cref="IterationStatistics.Loss"/> and <see cref="IterationStatistics.LossAfter"/> are the objective's
    /// loss on the pass's trials before and after it; <see cref="ForceStepDetails"/> has the errors during the pass.</remarks>
    public TrainingResult Train(ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        OptimizerState? resumeFrom = null, Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        var rnn = RlsTraining.RequireRnn(objective, "FORCE");
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        run.ThrowIfInvalid();
        var state = OptimizerState.As<ForceState>(resumeFrom, "FORCE", nameof(resumeFrom));
        var step = new RlsNetworkStep(rnn, RlsRule.Force, RlsSettings.Of(Options), 0, state?.InverseCorrelation, null);
        int first = state?.Iteration ?? 0;
        return TrainingLoop.Run(step, rnn, RlsTraining.Passes(rnn, data, first), run, first, onIteration, cancellationToken);
    }
}
