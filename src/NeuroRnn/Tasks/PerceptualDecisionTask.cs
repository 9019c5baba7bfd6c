using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// Perceptual decision (random-dots-like): one noisy evidence stream with a signed coherence; report its sign
/// (±1, linear output) during the response window. Conditions: "coherence" (signed), "target".
/// </summary>
public sealed class PerceptualDecisionTask : IDecisionTask, ITimedTask
{
    /// <summary>Creates the task; <paramref name="options"/> defaults to <see cref="DecisionTaskOptions"/>' defaults.</summary>
    public PerceptualDecisionTask(DecisionTaskOptions? options = null)
    {
        Options = options ?? new DecisionTaskOptions();
        Options.Validate();
    }

    /// <summary>Timing and evidence statistics.</summary>
    public DecisionTaskOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "perceptual-decision";
    /// <inheritdoc/>
    public int InputCount => 1;
    /// <inheritdoc/>
    public int OutputCount => 1;
    /// <inheritdoc/>
    public OutputKind OutputKind => OutputKind.LinearSquaredError;
    /// <inheritdoc/>
    public double DtMs => Options.DtMs;
    /// <inheritdoc/>
    public double StimulusOnsetMs => Options.FixationSteps * Options.DtMs;

    /// <inheritdoc/>
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var o = Options;
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(o.Steps, batchSize, 1, 1);
        for (int b = 0; b < batchSize; b++)
        {
            double coherence = o.Coherences[random.NextInt(0, o.Coherences.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            for (int t = o.FixationSteps; t < o.FixationSteps + o.StimulusSteps; t++)
                builder.SetInput(t, b, 0, coherence * o.CoherenceGain + o.StepNoiseStd * random.NextGaussian());
            double target = Math.Sign(coherence);
            for (int t = o.Steps - o.ResponseSteps; t < o.Steps; t++) builder.SetTarget(t, b, 0, target);
            builder.Condition("coherence")[b] = coherence;
            builder.Condition("target")[b] = target;
        }
        return builder.Build(variableLengths: false);
    }

    /// <summary>Accuracy of the choice (sign of the output at the last response step).</summary>
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => DecisionScoring.Score(batch, outputs);

    /// <summary>Fraction of +1 choices per signed coherence.</summary>
    public IReadOnlyList<PsychometricPoint> Psychometric(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var choices = TaskScoring.Choices(batch, outputs);
        return DecisionScoring.Psychometric(choices, DecisionScoring.Condition(batch, "coherence"), _ => true, "none", "evidence", true);
    }

    /// <summary>Accuracy of the ideal observer of the evidence over all trials (see <see cref="DecisionTaskOptions.IdealObserverAccuracy(double)"/>).</summary>
    public double IdealObserverAccuracy() => Options.IdealObserverAccuracy();
}
