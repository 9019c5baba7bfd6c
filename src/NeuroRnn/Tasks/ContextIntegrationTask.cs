using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// Context-dependent integration (Mante, Sussillo, Shenoy &amp; Newsome 2013). Inputs: motion evidence (0), colour
/// evidence (1), motion-context cue (2), colour-context cue (3). Both evidence streams are on in every trial, each with its
/// own signed coherence drawn from ±<see cref="DecisionTaskOptions.Coherences"/> (6 signed levels per stream, 36 stimulus
/// conditions × 2 contexts); the cue of the active context is 1 throughout the trial, the other 0. The output must be the
/// sign of the relevant stream's coherence (±1) in the response window after the stimulus.
/// Timing and noise: <see cref="DecisionTaskOptions"/>. Conditions: "motionCoherence", "colourCoherence" (signed),
/// "context" (0 = motion, 1 = colour), "target".
/// </summary>
public sealed class ContextIntegrationTask : IDecisionTask, ITimedTask
{
    /// <summary>Input channel of the motion evidence.</summary>
    public const int MotionInput = 0;
    /// <summary>Input channel of the colour evidence.</summary>
    public const int ColourInput = 1;
    /// <summary>Input channel of the motion-context cue (the colour cue is the next one).</summary>
    public const int MotionContextInput = 2;
    /// <summary>Input channel of the colour-context cue.</summary>
    public const int ColourContextInput = 3;

    /// <summary>Creates the task; <paramref name="options"/> defaults to <see cref="DecisionTaskOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public ContextIntegrationTask(DecisionTaskOptions? options = null)
    {
        Options = options ?? new DecisionTaskOptions();
        Options.Validate();
    }

    /// <summary>Timing and evidence statistics.</summary>
    public DecisionTaskOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "mante";
    /// <inheritdoc/>
    public int InputCount => 4;
    /// <inheritdoc/>
    public int OutputCount => 1;
    /// <inheritdoc/>
    public OutputKind OutputKind => OutputKind.LinearSquaredError;
    /// <inheritdoc/>
    public double DtMs => Options.DtMs;
    /// <inheritdoc/>
    public double StimulusOnsetMs => Options.FixationSteps * Options.DtMs;

    /// <summary>Context names by context number: "motion", "colour".</summary>
    public static IReadOnlyList<string> ContextNames { get; } = ["motion", "colour"];

    /// <inheritdoc/>
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Options.Steps, batchSize, 4, 1);
        var levels = Options.Coherences;
        for (int b = 0; b < batchSize; b++)
        {
            int context = random.NextDouble() < 0.5 ? 0 : 1;
            double motion = levels[random.NextInt(0, levels.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            double colour = levels[random.NextInt(0, levels.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            Fill(builder, b, context, motion, colour, random);
        }
        return builder.Build(variableLengths: false);
    }

    /// <summary>
    /// Every condition — 2 contexts × 6 signed motion × 6 signed colour coherences — <paramref name="trialsPerCondition"/>
    /// times, in that nested order (context slowest), with fresh noise from <paramref name="seed"/>: a balanced batch for
    /// psychometric curves and condition-averaged analyses (TDR).
    /// </summary>
    public TrialBatch SampleBalanced(int trialsPerCondition, int seed)
    {
        if (trialsPerCondition <= 0)
            throw new ArgumentOutOfRangeException(nameof(trialsPerCondition), trialsPerCondition, "The number of trials per condition must be positive.");
        var signed = Options.Coherences.Select(c => -c).Reverse().Concat(Options.Coherences).ToArray();
        int batchSize = 2 * signed.Length * signed.Length * trialsPerCondition;
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Options.Steps, batchSize, 4, 1);
        int b = 0;
        for (int context = 0; context < 2; context++)
            foreach (double motion in signed)
                foreach (double colour in signed)
                    for (int k = 0; k < trialsPerCondition; k++)
                        Fill(builder, b++, context, motion, colour, random);
        return builder.Build(variableLengths: false);
    }

    private void Fill(TrialBatchBuilder builder, int b, int context, double motion, double colour, SeededRandom random)
    {
        var o = Options;
        double noise = o.StepNoiseStd;
        for (int t = 0; t < o.Steps; t++) builder.SetInput(t, b, MotionContextInput + context, 1);
        for (int t = o.FixationSteps; t < o.FixationSteps + o.StimulusSteps; t++)
        {
            builder.SetInput(t, b, MotionInput, motion * o.CoherenceGain + noise * random.NextGaussian());
            builder.SetInput(t, b, ColourInput, colour * o.CoherenceGain + noise * random.NextGaussian());
        }
        double target = Math.Sign(context == 0 ? motion : colour);
        for (int t = o.Steps - o.ResponseSteps; t < o.Steps; t++) builder.SetTarget(t, b, 0, target);
        builder.Condition("motionCoherence")[b] = motion;
        builder.Condition("colourCoherence")[b] = colour;
        builder.Condition("context")[b] = context;
        builder.Condition("target")[b] = target;
    }

    /// <summary>Accuracy of the choice (sign of the output at the last response step).</summary>
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => DecisionScoring.Score(batch, outputs);

    /// <summary>
    /// The four psychometric functions of Mante et al.: P(choice +1) against motion and against colour
    /// coherence, in the motion and in the colour context (relevant and irrelevant input).
    /// </summary>
    public IReadOnlyList<PsychometricPoint> Psychometric(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var choices = TaskScoring.Choices(batch, outputs);
        var context = DecisionScoring.Condition(batch, "context");
        var motion = DecisionScoring.Condition(batch, "motionCoherence");
        var colour = DecisionScoring.Condition(batch, "colourCoherence");
        var points = new List<PsychometricPoint>();
        for (int c = 0; c < 2; c++)
        {
            int ctx = c;
            points.AddRange(DecisionScoring.Psychometric(choices, motion, b => context[b] == ctx, ContextNames[c], "motion", c == 0));
            points.AddRange(DecisionScoring.Psychometric(choices, colour, b => context[b] == ctx, ContextNames[c], "colour", c == 1));
        }
        return points;
    }

    /// <summary>Accuracy restricted to trials whose relevant stream has unsigned coherence <paramref name="coherence"/>.</summary>
    /// <exception cref="ArgumentException">No trial of the batch has that coherence.</exception>
    public double AccuracyAtCoherence(TrialBatch batch, ReadOnlySpan<double> outputs, double coherence)
    {
        var choices = TaskScoring.Choices(batch, outputs);
        var context = DecisionScoring.Condition(batch, "context");
        var motion = DecisionScoring.Condition(batch, "motionCoherence");
        var colour = DecisionScoring.Condition(batch, "colourCoherence");
        var target = DecisionScoring.Condition(batch, "target");
        int right = 0, n = 0;
        for (int b = 0; b < choices.Length; b++)
        {
            double relevant = context[b] == 0 ? motion[b] : colour[b];
            if (Math.Abs(Math.Abs(relevant) - coherence) > 1e-12) continue;
            n++;
            if (choices[b] == target[b]) right++;
        }
        if (n == 0) throw new ArgumentException($"No trial in the batch has relevant coherence {coherence}.", nameof(coherence));
        return (double)right / n;
    }

    /// <summary>
    /// Accuracy of the ideal observer of the relevant stream over all trials (each coherence equally likely), exact for
    /// the task's Gaussian noise: see <see cref="DecisionTaskOptions.IdealObserverAccuracy(double)"/>.
    /// </summary>
    public double IdealObserverAccuracy() => Options.IdealObserverAccuracy();
}
