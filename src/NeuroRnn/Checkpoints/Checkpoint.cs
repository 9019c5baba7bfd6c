using NeuroRnn.Training;

namespace NeuroRnn.Checkpoints;

/// <summary>
/// Everything needed to continue a training run bit-identically or to use its model: the model type and options,
/// the parameters, the optimizer state, the run's seed and settings, and the statistics so far. Stored by
/// <see cref="CheckpointFile"/> (format: FORMAT.md next to this file).
/// </summary>
public sealed record Checkpoint
{
    /// <summary>Model type, e.g. "RateRnn"; tells a reader how to interpret <see cref="ModelOptionsJson"/>.</summary>
    public required string ModelType { get; init; }

    /// <summary>The model options as a JSON object (see <see cref="ModelOptionsJson"/> helpers in <see cref="CheckpointJson"/>).</summary>
    public required string ModelOptionsJson { get; init; }

    /// <summary>Optional loss options as a JSON object.</summary>
    public string? LossOptionsJson { get; init; }

    /// <summary>The flat parameter vector.</summary>
    public required double[] Parameters { get; init; }

    /// <summary>The typed optimizer state, e.g. <see cref="HessianFreeState"/> (its iteration is the next iteration to run).</summary>
    public required OptimizerState Optimizer { get; init; }

    /// <summary>Optional optimizer options as a JSON object.</summary>
    public string? OptimizerOptionsJson { get; init; }

    /// <summary>The run's seed: all data and noise of iteration i derive from (Seed, i).</summary>
    public int Seed { get; init; }

    /// <summary>Name of the task trained on, if any.</summary>
    public string? TaskName { get; init; }

    /// <summary>The task's length parameter, if any.</summary>
    public int? TaskLength { get; init; }

    /// <summary>Per-iteration statistics of the run so far.</summary>
    public IReadOnlyList<IterationStatistics> Statistics { get; init; } = [];

    /// <summary>Free-form string metadata (e.g. batch sizes, tool version).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
