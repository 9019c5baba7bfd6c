using System.Globalization;
using NeuroRnn.Models;

namespace NeuroRnn.Networks;

/// <summary>What a <see cref="Perturbation"/> does to its units.</summary>
public enum PerturbationKind
{
    /// <summary>
    /// Scale the units' rates by 1 − Strength after every step of the window (Strength 1: fully silenced, as by
    /// optogenetic inactivation); the network and the readout see the scaled rates.
    /// </summary>
    Silence,

    /// <summary>Pull the units' states to <see cref="Perturbation.ClampValue"/>: x ← (1 − Strength)·x + Strength·value after every step.</summary>
    Clamp,

    /// <summary>Add Strength to the units' input current (like a bias, inside the α(…) of the update) at every step.</summary>
    Stimulate,
}

/// <summary>Which units of a network with Dale's law a perturbation reaches.</summary>
public enum UnitTypeFilter
{
    /// <summary>Every listed unit.</summary>
    All,
    /// <summary>Only the excitatory units among those listed.</summary>
    Excitatory,
    /// <summary>Only the inhibitory units among those listed.</summary>
    Inhibitory,
}

/// <summary>
/// An in-silico intervention on a set of units, optionally only within a time window and only on the excitatory or
/// inhibitory units of a Dale network. A zero Strength leaves the network untouched.
/// </summary>
public sealed record Perturbation
{
    /// <summary>What is done to the units. Default <see cref="PerturbationKind.Silence"/>.</summary>
    public PerturbationKind Kind { get; init; } = PerturbationKind.Silence;

    /// <summary>The units (indices 0…N−1 of the network, no repeats).</summary>
    public IReadOnlyList<int> Units { get; init; } = [];

    /// <summary>
    /// Silence and Clamp: the fraction in [0, 1] (1 = complete; default). Stimulate: the added current (any finite value,
    /// in units of the state x).
    /// </summary>
    public double Strength { get; init; } = 1;

    /// <summary>The state Clamp pulls the units to (the rate is f(value)). Default 0.</summary>
    public double ClampValue { get; init; }

    /// <summary>Start of the window in ms on the recording's time axis (zero at stimulus onset for timed tasks); null: the start of the trial.</summary>
    public double? StartMs { get; init; }

    /// <summary>End of the window in ms (exclusive); null: the end of the trial.</summary>
    public double? EndMs { get; init; }

    /// <summary>Restricts the listed units to one cell type (needs a network with Dale's law). Default all.</summary>
    public UnitTypeFilter CellTypes { get; init; } = UnitTypeFilter.All;

    /// <summary>
    /// The intervention for <paramref name="model"/> on a time axis whose step t lies at <paramref name="timeMs"/>[t]:
    /// checked units after the cell-type filter and the steps whose time falls in [StartMs, EndMs).
    /// </summary>
    /// <param name="model">The network.</param>
    /// <param name="timeMs">Time of each step's state.</param>
    /// <param name="argument">Name of the argument to blame in errors (e.g. "perturbations[2]").</param>
    internal UnitIntervention Compile(RateRnn model, IReadOnlyList<double> timeMs, string argument)
    {
        var inv = CultureInfo.InvariantCulture;
        int n = model.Options.UnitCount;
        ArgumentException Bad(string problem) => new(string.Create(inv, $"{argument}: {problem}"), ParameterName(argument));
        if (!Enum.IsDefined(Kind)) throw Bad($"Kind has the undefined value {(int)Kind}.");
        if (!Enum.IsDefined(CellTypes)) throw Bad($"CellTypes has the undefined value {(int)CellTypes}.");
        if (Units is null || Units.Count == 0) throw Bad("Units is empty; name at least one unit.");
        var seen = new HashSet<int>();
        for (int k = 0; k < Units.Count; k++)
        {
            int unit = Units[k];
            if (unit < 0 || unit >= n) throw Bad($"Units[{k}] = {unit} is not a unit of the {n}-unit network (valid: 0…{n - 1}).");
            if (!seen.Add(unit)) throw Bad($"Units lists unit {unit} twice.");
        }
        if (!double.IsFinite(Strength)) throw Bad($"Strength must be finite, got {Strength}.");
        if (Kind != PerturbationKind.Stimulate && !(Strength >= 0 && Strength <= 1))
            throw Bad($"Strength of a {Kind} perturbation is a fraction in [0, 1], got {Strength}.");
        if (!double.IsFinite(ClampValue)) throw Bad($"ClampValue must be finite, got {ClampValue}.");
        if (StartMs is { } start && !double.IsFinite(start)) throw Bad($"StartMs must be finite, got {start}.");
        if (EndMs is { } end && !double.IsFinite(end)) throw Bad($"EndMs must be finite, got {end}.");
        if (StartMs is { } s && EndMs is { } e && !(e > s)) throw Bad($"the window [{s}, {e}) ms is empty; EndMs must be after StartMs.");
        if (CellTypes != UnitTypeFilter.All && !model.Options.DalesLaw)
            throw Bad($"CellTypes = {CellTypes} needs a network with Dale's law; this one has none.");
        var units = Units.Where(u => CellTypes switch
        {
            UnitTypeFilter.Excitatory => model.IsExcitatory(u),
            UnitTypeFilter.Inhibitory => !model.IsExcitatory(u),
            _ => true,
        }).ToArray();
        if (units.Length == 0) throw Bad($"none of the listed units is {CellTypes.ToString().ToLowerInvariant()}.");
        int first = 0, endStep = timeMs.Count;
        while (first < timeMs.Count && StartMs is { } lo && timeMs[first] < lo) first++;
        while (endStep > first && EndMs is { } hi && timeMs[endStep - 1] >= hi) endStep--;
        var kind = Kind switch
        {
            PerturbationKind.Silence => InterventionKind.Silence,
            PerturbationKind.Clamp => InterventionKind.Clamp,
            _ => InterventionKind.Stimulate,
        };
        return new UnitIntervention(kind, units, Strength, ClampValue, first, endStep);
    }

    /// <summary>"perturbations[2]" → "perturbations": the parameter an <see cref="ArgumentException"/> names.</summary>
    private static string ParameterName(string argument)
    {
        int bracket = argument.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? argument : argument[..bracket];
    }
}
