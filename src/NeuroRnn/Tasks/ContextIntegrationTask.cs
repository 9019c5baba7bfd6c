using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// Context-dependent integration (Mante, Sussillo, Shenoy &amp; Newsome 2013). Inputs: motion evidence (0), colour
/// evidence (1), motion-context cue (2), colour-context cue (3). Each evidence stream has its own signed coherence;
/// the cue of the active context is 1 throughout the trial. The output must be the sign of the relevant stream's
/// coherence (±1) in the response window. Conditions: "motionCoherence", "colourCoherence" (signed),
/// "context" (0 = motion, 1 = colour), "target".
/// </summary>
public sealed class ContextIntegrationTask : ITask
{
    /// <summary>Creates the task; <paramref name="options"/> defaults to <see cref="DecisionTaskOptions"/>' defaults.</summary>
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
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var o = Options;
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(o.Steps, batchSize, 4, 1);
        for (int b = 0; b < batchSize; b++)
        {
            int context = random.NextDouble() < 0.5 ? 0 : 1;
            double motion = o.Coherences[random.NextInt(0, o.Coherences.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            double colour = o.Coherences[random.NextInt(0, o.Coherences.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            for (int t = 0; t < o.Steps; t++) builder.SetInput(t, b, 2 + context, 1);
            for (int t = o.FixationSteps; t < o.FixationSteps + o.StimulusSteps; t++)
            {
                builder.SetInput(t, b, 0, motion * o.CoherenceGain + o.NoiseStd * random.NextGaussian());
                builder.SetInput(t, b, 1, colour * o.CoherenceGain + o.NoiseStd * random.NextGaussian());
            }
            double target = Math.Sign(context == 0 ? motion : colour);
            for (int t = o.Steps - o.ResponseSteps; t < o.Steps; t++) builder.SetTarget(t, b, 0, target);
            builder.Condition("motionCoherence")[b] = motion;
            builder.Condition("colourCoherence")[b] = colour;
            builder.Condition("context")[b] = context;
            builder.Condition("target")[b] = target;
        }
        return builder.Build(variableLengths: false);
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
        var context = PerceptualDecisionTask.Condition(batch, "context");
        var motion = PerceptualDecisionTask.Condition(batch, "motionCoherence");
        var colour = PerceptualDecisionTask.Condition(batch, "colourCoherence");
        var points = new List<PsychometricPoint>();
        string[] names = ["motion", "colour"];
        for (int c = 0; c < 2; c++)
        {
            int ctx = c;
            points.AddRange(DecisionScoring.Psychometric(choices, motion, b => context[b] == ctx, names[c], "motion", c == 0));
            points.AddRange(DecisionScoring.Psychometric(choices, colour, b => context[b] == ctx, names[c], "colour", c == 1));
        }
        return points;
    }

    /// <summary>Accuracy restricted to trials whose relevant stream has unsigned coherence <paramref name="coherence"/>.</summary>
    public double AccuracyAtCoherence(TrialBatch batch, ReadOnlySpan<double> outputs, double coherence)
    {
        var choices = TaskScoring.Choices(batch, outputs);
        var context = PerceptualDecisionTask.Condition(batch, "context");
        var motion = PerceptualDecisionTask.Condition(batch, "motionCoherence");
        var colour = PerceptualDecisionTask.Condition(batch, "colourCoherence");
        var target = PerceptualDecisionTask.Condition(batch, "target");
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
}
