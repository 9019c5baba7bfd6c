using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// The checkerboard colour-decision task (Chandrasekaran et al. 2017; Kleinman, Chandrasekaran &amp; Kao 2021): a red and a
/// green target appear left and right (which side is red is drawn per trial), then a red/green checkerboard of signed colour
/// coherence; the subject reaches towards the target of the checkerboard's dominant colour. The colour decision and the reach
/// direction are therefore decoupled: the same colour choice means a left reach on half of the trials and a right reach on
/// the other half. Timing and noise: <see cref="CheckerboardTaskOptions"/>.
/// </summary>
/// <remarks>
/// <para>Inputs (4): <see cref="RedLeftInput"/> and <see cref="RedRightInput"/> one-hot code the target configuration from
/// target onset to the end; <see cref="RedInput"/> and <see cref="GreenInput"/> carry (1 ± c)/2 + noise while the
/// checkerboard is on. Output (1, linear): the reach direction, −1 left, +1 right (0 during the target period).</para>
/// <para>Conditions: <c>coherence</c> (signed, &gt; 0 = more red), <c>coherenceMagnitude</c>, <c>redSide</c> (−1: red
/// target left, +1: right), <c>targetColour</c> (+1 red, −1 green: the dominant colour) and <c>target</c> (the correct
/// direction, = targetColour × redSide). A trial's colour choice is its direction choice × redSide.</para>
/// <para>The psychometric function is the paper's: the fraction of red choices against signed coherence; reaction times are
/// the first step after checkerboard onset at which |output| reaches <see cref="CheckerboardTaskOptions.ReactionThreshold"/>,
/// as the paper reads RTs off its RNN's output.</para>
/// </remarks>
public sealed class CheckerboardTask : IDecisionTask, ITimedTask
{
    /// <summary>Input channel that is 1 when the red target is on the left.</summary>
    public const int RedLeftInput = 0;
    /// <summary>Input channel that is 1 when the red target is on the right.</summary>
    public const int RedRightInput = 1;
    /// <summary>Input channel of the red evidence, (1 + c)/2 + noise.</summary>
    public const int RedInput = 2;
    /// <summary>Input channel of the green evidence, (1 − c)/2 + noise.</summary>
    public const int GreenInput = 3;

    /// <summary>Creates the task; <paramref name="options"/> defaults to <see cref="CheckerboardTaskOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public CheckerboardTask(CheckerboardTaskOptions? options = null)
    {
        Options = options ?? new CheckerboardTaskOptions();
        Options.Validate();
    }

    /// <summary>Timing and stimulus statistics.</summary>
    public CheckerboardTaskOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "checkerboard";
    /// <inheritdoc/>
    public int InputCount => 4;
    /// <inheritdoc/>
    public int OutputCount => 1;
    /// <inheritdoc/>
    public OutputKind OutputKind => OutputKind.LinearSquaredError;
    /// <inheritdoc/>
    public double DtMs => Options.DtMs;
    /// <summary>Checkerboard onset in ms after target onset: the zero of recorded time axes.</summary>
    public double StimulusOnsetMs => Options.TargetSteps * Options.DtMs;

    /// <inheritdoc/>
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Options.Steps, batchSize, InputCount, OutputCount);
        var levels = Options.Coherences;
        for (int b = 0; b < batchSize; b++)
        {
            double coherence = levels[random.NextInt(0, levels.Count - 1)] * (random.NextDouble() < 0.5 ? -1 : 1);
            double redSide = random.NextDouble() < 0.5 ? -1 : 1;
            Fill(builder, b, coherence, redSide, random);
        }
        return builder.Build(variableLengths: false);
    }

    /// <summary>
    /// Every condition — the signed coherences (most green first) × red target left/right — <paramref name="trialsPerCondition"/>
    /// times, in that nested order, with fresh noise from <paramref name="seed"/>: a balanced batch for psychometric curves,
    /// choice probabilities and condition averages.
    /// </summary>
    public TrialBatch SampleBalanced(int trialsPerCondition, int seed)
    {
        if (trialsPerCondition <= 0)
            throw new ArgumentOutOfRangeException(nameof(trialsPerCondition), trialsPerCondition, "The number of trials per condition must be positive.");
        var signed = SignedCoherences;
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Options.Steps, signed.Count * 2 * trialsPerCondition, InputCount, OutputCount);
        int b = 0;
        foreach (double coherence in signed)
            foreach (double redSide in new[] { -1.0, 1.0 })
                for (int k = 0; k < trialsPerCondition; k++) Fill(builder, b++, coherence, redSide, random);
        return builder.Build(variableLengths: false);
    }

    /// <summary>The signed coherences, ascending (−largest … +largest).</summary>
    public IReadOnlyList<double> SignedCoherences => [.. Options.Coherences.Select(c => -c).Concat(Options.Coherences).Order()];

    private void Fill(TrialBatchBuilder builder, int b, double coherence, double redSide, SeededRandom random)
    {
        var o = Options;
        double noise = o.StepNoiseStd;
        int configInput = redSide < 0 ? RedLeftInput : RedRightInput;
        for (int t = 0; t < o.Steps; t++) builder.SetInput(t, b, configInput, 1);
        for (int t = o.TargetSteps; t < o.Steps; t++)
        {
            builder.SetInput(t, b, RedInput, (1 + coherence) / 2 + noise * random.NextGaussian());
            builder.SetInput(t, b, GreenInput, (1 - coherence) / 2 + noise * random.NextGaussian());
        }
        double colour = Math.Sign(coherence), direction = colour * redSide;
        for (int t = 0; t < o.TargetSteps; t++) builder.SetTarget(t, b, 0, 0);
        for (int t = o.TargetSteps + o.GraceSteps; t < o.Steps; t++) builder.SetTarget(t, b, 0, direction);
        builder.Condition("coherence")[b] = coherence;
        builder.Condition("coherenceMagnitude")[b] = Math.Abs(coherence);
        builder.Condition("redSide")[b] = redSide;
        builder.Condition("targetColour")[b] = colour;
        builder.Condition("target")[b] = direction;
    }

    /// <summary>Accuracy of the reach (sign of the output at the last step against the dominant colour's side).</summary>
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => DecisionScoring.Score(batch, outputs);

    /// <summary>
    /// The paper's psychometric function: the fraction of red choices (direction choice × redSide = +1) per signed coherence.
    /// The points have Context "none", Input "colour", and <see cref="PsychometricPoint.ChoicePlusFraction"/> = fraction red.
    /// </summary>
    public IReadOnlyList<PsychometricPoint> Psychometric(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var colourChoices = ColourChoices(batch, outputs);
        return DecisionScoring.Psychometric(colourChoices, DecisionScoring.Condition(batch, "coherence"), _ => true, "none", "colour", true);
    }

    /// <summary>Per trial the colour chosen, +1 red / −1 green: the reach direction (sign of the last masked output) × redSide.</summary>
    public static double[] ColourChoices(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var direction = TaskScoring.Choices(batch, outputs);
        var redSide = DecisionScoring.Condition(batch, "redSide");
        for (int b = 0; b < direction.Length; b++) direction[b] *= redSide[b];
        return direction;
    }

    /// <summary>
    /// Per trial the reaction time in ms after checkerboard onset: the end of the first step from onset on at which
    /// |output| ≥ <see cref="CheckerboardTaskOptions.ReactionThreshold"/>; NaN when the output never gets there.
    /// </summary>
    /// <exception cref="ArgumentException">The outputs do not match the batch.</exception>
    public double[] ReactionTimes(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (outputs.Length != batch.Targets.Length)
            throw new ArgumentException($"outputs has {outputs.Length} values but the batch has {batch.Targets.Length}.", nameof(outputs));
        if (batch.Steps != Options.Steps)
            throw new ArgumentException($"The batch has {batch.Steps} steps but this task's trials have {Options.Steps}; was it sampled from this task?", nameof(batch));
        var times = new double[batch.BatchSize];
        for (int b = 0; b < batch.BatchSize; b++)
        {
            times[b] = double.NaN;
            for (int t = Options.TargetSteps; t < batch.Steps; t++)
                if (Math.Abs(outputs[batch.OutputIndex(t, b, 0)]) >= Options.ReactionThreshold)
                {
                    times[b] = (t + 1 - Options.TargetSteps) * Options.DtMs;
                    break;
                }
        }
        return times;
    }

    /// <summary>
    /// Reaction time against unsigned coherence (the chronometric function): per coherence the mean and median RT of the
    /// correct committed trials, how many committed, and the accuracy.
    /// </summary>
    public IReadOnlyList<ReactionTimePoint> ReactionTimeCurve(TrialBatch batch, ReadOnlySpan<double> outputs)
    {
        var times = ReactionTimes(batch, outputs);
        var correct = DecisionScoring.Correct(batch, TaskScoring.Choices(batch, outputs));
        var magnitude = DecisionScoring.Condition(batch, "coherenceMagnitude");
        var points = new List<ReactionTimePoint>();
        foreach (var group in Enumerable.Range(0, batch.BatchSize).GroupBy(b => magnitude[b]).OrderBy(g => g.Key))
        {
            var trials = group.ToArray();
            var rts = trials.Where(b => correct[b] == 1 && double.IsFinite(times[b])).Select(b => times[b]).Order().ToArray();
            double mean = rts.Length > 0 ? rts.Average() : double.NaN;
            double median = rts.Length == 0 ? double.NaN : rts.Length % 2 == 1 ? rts[rts.Length / 2] : (rts[rts.Length / 2 - 1] + rts[rts.Length / 2]) / 2;
            points.Add(new ReactionTimePoint(group.Key, mean, median, trials.Length, trials.Count(b => double.IsFinite(times[b])), trials.Average(b => correct[b])));
        }
        return points;
    }

    /// <summary>Accuracy of the ideal observer averaged over the coherences (see <see cref="CheckerboardTaskOptions.IdealObserverAccuracy"/>).</summary>
    public double IdealObserverAccuracy() => Options.Coherences.Average(Options.IdealObserverAccuracy);
}
