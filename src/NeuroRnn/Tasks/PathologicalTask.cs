using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// Common ground of the long-term-dependency problems of Hochreiter &amp; Schmidhuber (1997) as posed by
/// Martens &amp; Sutskever (2011): a minimum length T, variable-length trials padded with a zero mask, the answer
/// read only at each trial's last step, and the 0.04 / argmax success criterion.
/// </summary>
public abstract class PathologicalTask : ITask
{
    /// <summary>Creates the task for minimum sequence length <paramref name="length"/> (T).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below <see cref="MinimumLength"/>.</exception>
    protected PathologicalTask(int length)
    {
        if (length < MinimumLength)
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"The sequence length T must be at least {MinimumLength} so that every marker window is non-empty.");
        Length = length;
    }

    /// <summary>Smallest T for which every marker window holds at least one position.</summary>
    public const int MinimumLength = 10;

    /// <summary>The minimum sequence length T.</summary>
    public int Length { get; }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract int InputCount { get; }

    /// <inheritdoc/>
    public abstract int OutputCount { get; }

    /// <inheritdoc/>
    public abstract OutputKind OutputKind { get; }

    /// <summary>The same problem at minimum length <paramref name="length"/> (used by length curricula).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is too short for the problem.</exception>
    public abstract PathologicalTask WithLength(int length);

    /// <summary>Number of padded time steps of every batch (the longest possible trial).</summary>
    public abstract int Steps { get; }

    /// <inheritdoc/>
    public TrialBatch Sample(int batchSize, int seed)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        var random = new SeededRandom(seed);
        var builder = new TrialBatchBuilder(Steps, batchSize, InputCount, OutputCount);
        for (int b = 0; b < batchSize; b++) FillTrial(builder, b, random);
        return builder.Build(variableLengths: true);
    }

    /// <summary>Draws trial <paramref name="trial"/> into <paramref name="builder"/>, setting its length.</summary>
    private protected abstract void FillTrial(TrialBatchBuilder builder, int trial, SeededRandom random);

    /// <inheritdoc/>
    public TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs) => TaskScoring.Score(OutputKind, batch, outputs);
}
