namespace NeuroRnn.Data;

/// <summary>Options of <see cref="Recording.SplitTrials"/>.</summary>
public sealed record TrialSplitOptions
{
    /// <summary>The fraction of each condition's trials that goes to the test set (rounded; at least one trial per
    /// condition stays in training). Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the shuffle; the same seed gives the same split.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Trials-table columns that define the conditions to stratify by (empty: one condition).</summary>
    public IReadOnlyList<string> StratifyBy { get; init; } = Array.Empty<string>();
}

/// <summary>A train/test split of the trials of a frame.</summary>
/// <param name="Train">The training trials (in their original order).</param>
/// <param name="Test">The test trials (in their original order).</param>
/// <param name="TrainIndices">Indices of the training trials in the original frame.</param>
/// <param name="TestIndices">Indices of the test trials in the original frame.</param>
public sealed record TrialSplit(Recording Train, Recording Test, int[] TrainIndices, int[] TestIndices);
