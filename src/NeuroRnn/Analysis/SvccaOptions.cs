namespace NeuroRnn.Analysis;

/// <summary>Which null comparison <see cref="Svcca"/> computes next to the real similarity.</summary>
public enum SimilarityBaseline
{
    /// <summary>No baseline.</summary>
    None,

    /// <summary>
    /// The samples (time bins of all conditions) of the second representation are permuted, all of its units together:
    /// each representation keeps its own geometry but their alignment in time and condition is destroyed.
    /// </summary>
    ShuffledTime,

    /// <summary>
    /// Every unit of the second representation gets its own permutation of the samples: its units keep their
    /// distributions but lose their correlations with each other and with the first representation.
    /// </summary>
    ShuffledUnits,
}

/// <summary>Options of <see cref="Svcca"/>.</summary>
public sealed record SvccaOptions
{
    /// <summary>
    /// A fixed number of SVD components kept from each representation (Salatiello &amp; Giese 2020 keep 5); null = the
    /// number reaching <see cref="VarianceFraction"/>. Capped at each representation's rank.
    /// </summary>
    public int? Components { get; init; }

    /// <summary>Fraction of the variance the kept SVD directions explain when <see cref="Components"/> is null (default 0.99, Raghu et al. 2017).</summary>
    public double VarianceFraction { get; init; } = 0.99;

    /// <summary>The similarity is the mean of the top k canonical correlations; null = all of them (min of the kept components).</summary>
    public int? TopK { get; init; }

    /// <summary>
    /// With two recordings: trials-table columns whose values define a condition; both recordings are then averaged per
    /// condition and matched by value. Null (default): trials are matched by position.
    /// </summary>
    public IReadOnlyList<string>? ConditionColumns { get; init; }

    /// <summary>Null comparison computed alongside (default none).</summary>
    public SimilarityBaseline Baseline { get; init; } = SimilarityBaseline.None;

    /// <summary>Number of shuffles of the baseline (default 20).</summary>
    public int BaselineRepeats { get; init; } = 20;

    /// <summary>Seed of the shuffles.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Components is { } c && c < 1) throw new ArgumentException($"SvccaOptions.Components must be ≥ 1 (or null for a variance fraction), got {c}.", nameof(Components));
        if (!(VarianceFraction > 0 && VarianceFraction <= 1)) throw new ArgumentException($"SvccaOptions.VarianceFraction must be in (0, 1], got {VarianceFraction}.", nameof(VarianceFraction));
        if (TopK is { } k && k < 1) throw new ArgumentException($"SvccaOptions.TopK must be ≥ 1 (or null for all), got {k}.", nameof(TopK));
        if (ConditionColumns is { Count: 0 }) throw new ArgumentException("SvccaOptions.ConditionColumns is empty; give at least one column or null to match trials by position.", nameof(ConditionColumns));
        if (!Enum.IsDefined(Baseline)) throw new ArgumentException($"SvccaOptions.Baseline has the undefined value {(int)Baseline}.", nameof(Baseline));
        if (BaselineRepeats < 1) throw new ArgumentException($"SvccaOptions.BaselineRepeats must be ≥ 1, got {BaselineRepeats}.", nameof(BaselineRepeats));
    }
}
