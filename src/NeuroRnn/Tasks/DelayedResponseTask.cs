using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>Timing of <see cref="DelayedResponseTask"/>.</summary>
public sealed record DelayedResponseOptions
{
    /// <summary>Steps the cue (±1 on input 0) is shown.</summary>
    public int CueSteps { get; init; } = 5;
    /// <summary>Shortest delay between cue offset and the go signal.</summary>
    public int MinDelaySteps { get; init; } = 10;
    /// <summary>Longest delay.</summary>
    public int MaxDelaySteps { get; init; } = 30;
    /// <summary>Steps of the response window that starts with the go signal (input 1 = 1 there).</summary>
    public int ResponseSteps { get; init; } = 5;
    /// <summary>Whether the output must stay at 0 during cue and delay (masked in) — it discourages early answers.</summary>
    public bool HoldZeroBeforeGo { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (CueSteps < 1) throw new ArgumentException($"CueSteps must be ≥ 1, got {CueSteps}.", nameof(CueSteps));
        if (MinDelaySteps < 0) throw new ArgumentException($"MinDelaySteps must be ≥ 0, got {MinDelaySteps}.", nameof(MinDelaySteps));
        if (MaxDelaySteps < MinDelaySteps) throw new ArgumentException($"MaxDelaySteps ({MaxDelaySteps}) must be ≥ MinDelaySteps ({MinDelaySteps}).", nameof(MaxDelaySteps));
        if (ResponseSteps < 1) throw new ArgumentException($"ResponseSteps must be ≥ 1, got {ResponseSteps}.", nameof(ResponseSteps));
    }
}

/// <summary>
/// Delayed response (working memory): a ±1 cue on input 0, a random delay, then a go signal on input 1; the
/// output must report the cue (±1) during the response window. Trials are padded to the longest delay.
/// Conditions: "cue", "delay".
/// </summary>
public sealed class DelayedResponseTask : ITask
{
    /// <summary>Creates the task.</summary>
    public DelayedResponseTask(DelayedResponseOptions? options = null)
    {
        Options = options ?? new DelayedResponseOptions();
        Options.Validate();
    }

    /// <summary>Timing.</summary>
    public DelayedResponseOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "delayed-response";
    /// <inheritdoc/>
    public int InputCount => 2;
    /// <inheritdoc/>
    public int OutputCount => 1;
    /// <inheritdoc/>
    public OutputKind OutputKind => OutputKind.LinearSquaredError;

    /// <summary>Padded length of every batch.</summary>
    public int Steps => Options.CueSteps + Options.MaxDelaySteps + Options.ResponseSteps;

    /// <inheritdoc/>
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var o = Options;
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Steps, batchSize, 2, 1);
        for (int b = 0; b < batchSize; b++)
        {
            double cue = random.NextDouble() < 0.5 ? -1 : 1;
            int delay = random.NextInt(o.MinDelaySteps, o.MaxDelaySteps);
            int go = o.CueSteps + delay, length = go + o.ResponseSteps;
            for (int t = 0; t < o.CueSteps; t++) builder.SetInput(t, b, 0, cue);
            builder.SetInput(go, b, 1, 1);
            if (o.HoldZeroBeforeGo)
                for (int t = 0; t < go; t++) builder.SetTarget(t, b, 0, 0);
            for (int t = go; t < length; t++) builder.SetTarget(t, b, 0, cue);
            builder.Lengths[b] = length;
            builder.Condition("cue")[b] = cue;
            builder.Condition("delay")[b] = delay;
        }
        return builder.Build(variableLengths: true);
    }

    /// <summary>Accuracy of the sign of the output at the last response step.</summary>
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => DecisionScoring.Score(batch, outputs);
}
