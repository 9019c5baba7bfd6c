namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="ChoiceProbability"/>.</summary>
public sealed record ChoiceProbabilityOptions
{
    /// <summary>
    /// The choice value whose trials count as "preferred": CP &gt; 0.5 means larger responses before this choice. Null
    /// (default): the larger of the two choice values (e.g. +1 of ±1).
    /// </summary>
    public double? PreferredChoice { get; init; }

    /// <summary>A condition enters the grand CP only with at least this many trials of each choice (≥ 1). Default 2.</summary>
    public int MinTrialsPerChoice { get; init; } = 2;

    /// <summary>Random permutations of the choice labels (within conditions) for the p-value and the interval (≥ 0; 0 skips them). Default 1000.</summary>
    public int Permutations { get; init; } = 1000;

    /// <summary>Coverage of the permutation interval, in (0, 1). Default 0.95.</summary>
    public double IntervalLevel { get; init; } = 0.95;

    /// <summary>Seed of the permutations.</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (PreferredChoice is { } c && !double.IsFinite(c)) throw Bad(nameof(PreferredChoice), $"must be finite, got {c}");
        if (MinTrialsPerChoice < 1) throw Bad(nameof(MinTrialsPerChoice), $"must be ≥ 1, got {MinTrialsPerChoice}");
        if (Permutations < 0) throw Bad(nameof(Permutations), $"must be ≥ 0, got {Permutations}");
        if (!(IntervalLevel > 0 && IntervalLevel < 1)) throw Bad(nameof(IntervalLevel), $"must be in (0, 1), got {IntervalLevel}");
    }

    private static ArgumentException Bad(string property, string problem) => new($"ChoiceProbabilityOptions.{property} {problem}.", property);
}
