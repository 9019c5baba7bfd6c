using NeuroRnn.Networks;

namespace NeuroRnn.Fitting;

/// <summary>
/// An in-silico optogenetic experiment on a fitted network (<see cref="TuningPerturbations.Predict"/>): perturb a random
/// <see cref="Fraction"/> of the network's excitatory or inhibitory units during the stimulus window, repeated with fresh
/// random unit sets, and read off the change in every recorded unit's orientation tuning.
/// </summary>
public sealed record TuningPerturbationOptions
{
    /// <summary>What is done to the units. Default <see cref="PerturbationKind.Silence"/> (optogenetic inactivation).</summary>
    public PerturbationKind Kind { get; init; } = PerturbationKind.Silence;

    /// <summary>Which cell type is perturbed (needs a Dale network unless All). Default inhibitory.</summary>
    public UnitTypeFilter CellTypes { get; init; } = UnitTypeFilter.Inhibitory;

    /// <summary>Fraction in [0, 1] of the eligible units perturbed in each repetition (rounded; at least one unless 0). Default 0.2.</summary>
    public double Fraction { get; init; } = 0.2;

    /// <summary>Strength: for Silence the fraction of the rate removed (1 = complete); for Stimulate the added current. Default 1. 0 leaves the network untouched.</summary>
    public double Strength { get; init; } = 1;

    /// <summary>
    /// Perturb only units whose own preferred orientation (fitted to their control rates) lies within
    /// <see cref="PreferenceToleranceDeg"/> of this orientation — e.g. the inhibitory units tuned to horizontal. Null: any.
    /// </summary>
    public double? PreferredOrientationDeg { get; init; }

    /// <summary>Half-width of the preference window in degrees of orientation. Default 22.5.</summary>
    public double PreferenceToleranceDeg { get; init; } = 22.5;

    /// <summary>Repetitions with independently drawn unit sets (the spread across them gives the intervals). Default 20.</summary>
    public int Repetitions { get; init; } = 20;

    /// <summary>Seed of the unit draws. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// A repetition is unstable — the perturbed network ran away — when some network unit's rate in the stimulus window
    /// exceeds this multiple of the largest rate of the unperturbed network (or is not finite). Unstable repetitions are
    /// counted (<see cref="TuningPerturbationResult.UnstableRepetitions"/>) and left out of every mean, median and interval:
    /// with an unbounded rate function (softplus) a few runaway draws would otherwise dominate the means. Must be &gt; 1;
    /// default 5. A bounded rate function (<see cref="FitConstraints.RateFunction"/>) cannot run away.
    /// </summary>
    public double RunawayFactor { get; init; } = 5;

    /// <summary>Coverage of the intervals across repetitions, in (0, 1). Default 0.95.</summary>
    public double IntervalLevel { get; init; } = 0.95;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"TuningPerturbationOptions.{name} {problem}.", name);
        if (!Enum.IsDefined(Kind)) throw Bad(nameof(Kind), $"has the undefined value {(int)Kind}");
        if (Kind == PerturbationKind.Clamp) throw Bad(nameof(Kind), "= Clamp is not an optogenetic manipulation; use Silence or Stimulate");
        if (!Enum.IsDefined(CellTypes)) throw Bad(nameof(CellTypes), $"has the undefined value {(int)CellTypes}");
        if (!(Fraction >= 0 && Fraction <= 1)) throw Bad(nameof(Fraction), $"must be in [0, 1], got {Fraction}");
        if (!double.IsFinite(Strength)) throw Bad(nameof(Strength), $"must be finite, got {Strength}");
        if (Kind == PerturbationKind.Silence && !(Strength >= 0 && Strength <= 1)) throw Bad(nameof(Strength), $"of a silencing is a fraction in [0, 1], got {Strength}");
        if (PreferredOrientationDeg is { } p && !double.IsFinite(p)) throw Bad(nameof(PreferredOrientationDeg), $"must be finite, got {p}");
        if (!(PreferenceToleranceDeg > 0 && PreferenceToleranceDeg <= 90)) throw Bad(nameof(PreferenceToleranceDeg), $"must be in (0, 90], got {PreferenceToleranceDeg}");
        if (!(RunawayFactor > 1) || !double.IsFinite(RunawayFactor)) throw Bad(nameof(RunawayFactor), $"must be a finite number > 1, got {RunawayFactor}");
        if (Repetitions < 1) throw Bad(nameof(Repetitions), $"must be ≥ 1, got {Repetitions}");
        if (!(IntervalLevel > 0 && IntervalLevel < 1)) throw Bad(nameof(IntervalLevel), $"must be in (0, 1), got {IntervalLevel}");
    }
}
