using System.Globalization;
using NeuroRnn.Models;

namespace NeuroRnn.Fitting;

/// <summary>
/// Biological constraints of a recording fit (<see cref="RecordingFitOptions.Constraints"/>): Dale's law with an excitatory
/// fraction and, optionally, which recorded units are excitatory or inhibitory; a recurrent connectivity mask; non-negative
/// rates. The defaults constrain nothing, so existing fits are unchanged.
/// </summary>
/// <remarks>
/// With Dale's law the network's first round(f·N) units are excitatory (<see cref="RateRnnOptions.ExcitatoryFraction"/>). With the
/// unit readout, recorded units listed in <see cref="UnitTypes"/> are mapped onto network units of their type (in order of the
/// recording), and unlisted ("free") units onto the remaining excitatory units first, then the remaining inhibitory ones: a free
/// unit's type is set by where it lands, not decided by the fit. Dale's law implies non-negative rates (a negative rate would
/// flip the sign of a unit's output), so it switches the rate function to <see cref="RateFunction"/> (softplus by default).
/// </remarks>
public sealed record FitConstraints
{
    /// <summary>Each network unit's outgoing weights share one sign (Dale's law). Default false.</summary>
    public bool DalesLaw { get; init; }

    /// <summary>Fraction of excitatory network units with Dale's law, in (0, 1). Default 0.8.</summary>
    public double ExcitatoryFraction { get; init; } = 0.8;

    /// <summary>
    /// With Dale's law: scale each unit's initial inhibitory input weights so its summed |E| and |I| inputs are equal
    /// (<see cref="RateRnnOptions.BalanceInhibition"/>), so the fit starts balanced rather than excitation-dominated. Default true.
    /// </summary>
    public bool BalancedInitialization { get; init; } = true;

    /// <summary>
    /// Cell type of recorded units, keyed by their index in the recording: "E" or "I". Unlisted units are free. Needs Dale's law
    /// and the unit readout, and no explicit <see cref="RecordingFitOptions.NetworkUnits"/>. Null: all free.
    /// </summary>
    public IReadOnlyDictionary<int, string>? UnitTypes { get; init; }

    /// <summary>How free recorded units (not in <see cref="UnitTypes"/>) get their cell type. Default <see cref="FreeUnitTyping.Positional"/>.</summary>
    public FreeUnitTyping FreeUnits { get; init; } = FreeUnitTyping.Positional;

    /// <summary>HF iterations of the warm-up fit of <see cref="FreeUnitTyping.FitDecides"/>. Default 10.</summary>
    public int WarmUpIterations { get; init; } = 10;

    /// <summary>
    /// N×N recurrent connectivity mask [postsynaptic, presynaptic]; false = no connection. Null: all-to-all. From a file
    /// (.npy, .npz, .csv, .mat): <see cref="ConnectivityMaskFile.Read"/>.
    /// </summary>
    public bool[,]? RecurrentMask { get; init; }

    /// <summary>Rates are non-negative: <see cref="RateFunction"/> instead of tanh. Default false (implied by Dale's law).</summary>
    public bool NonNegativeRates { get; init; }

    /// <summary>
    /// The non-negative rate function used with <see cref="NonNegativeRates"/> or Dale's law: <see cref="Nonlinearity.Softplus"/>
    /// (default; unbounded, so a perturbed network can run away), or a bounded one — <see cref="Nonlinearity.Sigmoid"/>
    /// (r = 1/(1 + e⁻ˣ) in (0, 1)) or <see cref="Nonlinearity.RectifiedTanh"/> (r = max(0, tanh x) in [0, 1)). Rates are scaled so
    /// each unit's recorded peak is <see cref="RecordingFitOptions.EffectiveTargetPeak"/> (0.8 for a bounded function), so a
    /// bounded function caps every unit at 1/0.8 = 1.25 × its recorded peak: the maximum rate. Rectified tanh has a hard zero
    /// (units below threshold get no gradient) and fits the V1 data poorly; sigmoid fits it worse than softplus (bench/results/v1-dale-variants.md).
    /// <see cref="Nonlinearity.SaturatingSoftplus"/> is softplus near threshold with a ceiling of 6 at the softplus peak of 2, i.e.
    /// 3 × each unit's recorded peak: it fits like softplus, and a perturbed inhibition-stabilised network saturates instead of running away.
    /// </summary>
    public Nonlinearity RateFunction { get; init; } = Nonlinearity.Softplus;

    /// <summary>Whether any constraint is active.</summary>
    public bool Any => DalesLaw || RecurrentMask is not null || NonNegativeRates;

    /// <summary>The active constraints, one readable line each (empty when none): what a fit summary lists.</summary>
    public IReadOnlyList<string> Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        if (DalesLaw)
        {
            int e = UnitTypes?.Count(p => p.Value == "E") ?? 0, i = UnitTypes?.Count(p => p.Value == "I") ?? 0;
            lines.Add(string.Create(inv, $"Dale's law, {ExcitatoryFraction:P0} excitatory units") + (UnitTypes is null ? "" : string.Create(inv, $"; {e} recorded unit(s) assigned E, {i} assigned I, the others free"))
                + (FreeUnits == FreeUnitTyping.FitDecides ? string.Create(inv, $"; free units typed by the fit (sign of their net outgoing weight after a {WarmUpIterations}-iteration warm-up without Dale's law)") : ""));
        }
        if (RecurrentMask is { } mask)
        {
            int on = 0;
            foreach (bool b in mask) if (b) on++;
            lines.Add(string.Create(inv, $"recurrent mask, {on} of {mask.Length} connections allowed ({(double)on / mask.Length:P1})"));
        }
        if (NonNegativeRates || DalesLaw) lines.Add($"non-negative rates ({RateFunctionName(RateFunction)})");
        return lines;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"RecordingFitOptions.Constraints.{name} {problem}.", name);
        if (!(ExcitatoryFraction > 0 && ExcitatoryFraction < 1)) throw Bad(nameof(ExcitatoryFraction), $"must be in (0, 1), got {ExcitatoryFraction}");
        if (RateFunction is not (Nonlinearity.Softplus or Nonlinearity.SaturatingSoftplus or Nonlinearity.Sigmoid or Nonlinearity.RectifiedTanh or Nonlinearity.Relu))
            throw Bad(nameof(RateFunction), $"must be a non-negative rate function (Softplus, SaturatingSoftplus, Sigmoid, RectifiedTanh or Relu), got {RateFunction}");
        if (!Enum.IsDefined(FreeUnits)) throw Bad(nameof(FreeUnits), $"has the undefined value {(int)FreeUnits}");
        if (FreeUnits == FreeUnitTyping.FitDecides && !DalesLaw) throw Bad(nameof(FreeUnits), "= FitDecides chooses E/I types, which needs DalesLaw = true");
        if (WarmUpIterations < 1) throw Bad(nameof(WarmUpIterations), $"must be ≥ 1, got {WarmUpIterations}");
        if (UnitTypes is { } types)
        {
            if (!DalesLaw) throw Bad(nameof(UnitTypes), "assigns cell types but DalesLaw is false");
            var bad = types.Where(p => p.Value is not ("E" or "I")).Select(p => p.Key.ToString(CultureInfo.InvariantCulture)).ToArray();
            if (bad.Length > 0) throw Bad(nameof(UnitTypes), $"must map units to \"E\" or \"I\"; unit(s) {string.Join(", ", bad)} have other values");
        }
    }

    /// <summary>
    /// Network unit of each fitted recorded unit under <see cref="UnitTypes"/> (E units first in the network), or null when the
    /// default mapping applies.
    /// </summary>
    /// <exception cref="ArgumentException">A listed unit is not fitted, or more units of a type are listed than the network has (the message names them).</exception>
    internal int[]? NetworkUnits(int[] fittedUnits, int unitCount)
    {
        if (!DalesLaw || UnitTypes is null) return null;
        var inv = CultureInfo.InvariantCulture;
        var fitted = new HashSet<int>(fittedUnits);
        var unknown = UnitTypes.Keys.Where(u => !fitted.Contains(u)).Order().ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException(string.Create(inv,
                $"RecordingFitOptions.Constraints.UnitTypes names unit(s) {string.Join(", ", unknown)} that are not among the fitted recorded units ({fittedUnits.Length} units: {Preview(fittedUnits)})."), nameof(UnitTypes));
        int excitatorySlots = (int)Math.Round(ExcitatoryFraction * unitCount, MidpointRounding.AwayFromZero);
        var wantE = fittedUnits.Where(u => UnitTypes.TryGetValue(u, out var t) && t == "E").ToArray();
        var wantI = fittedUnits.Where(u => UnitTypes.TryGetValue(u, out var t) && t == "I").ToArray();
        if (wantE.Length > excitatorySlots)
            throw new ArgumentException(string.Create(inv,
                $"RecordingFitOptions.Constraints.UnitTypes assigns {wantE.Length} units as E (units {Preview(wantE)}) but ExcitatoryFraction {ExcitatoryFraction} of {unitCount} network units gives only {excitatorySlots} excitatory units."), nameof(UnitTypes));
        if (wantI.Length > unitCount - excitatorySlots)
            throw new ArgumentException(string.Create(inv,
                $"RecordingFitOptions.Constraints.UnitTypes assigns {wantI.Length} units as I (units {Preview(wantI)}) but ExcitatoryFraction {ExcitatoryFraction} of {unitCount} network units leaves only {unitCount - excitatorySlots} inhibitory units."), nameof(UnitTypes));
        int nextE = 0, nextI = excitatorySlots;
        var map = new int[fittedUnits.Length];
        var free = new List<int>();
        for (int k = 0; k < fittedUnits.Length; k++)
        {
            if (!UnitTypes.TryGetValue(fittedUnits[k], out var type)) { free.Add(k); continue; }
            map[k] = type == "E" ? nextE++ : nextI++;
        }
        foreach (int k in free)
        {
            if (nextE < excitatorySlots) map[k] = nextE++;
            else if (nextI < unitCount) map[k] = nextI++;
            else throw new ArgumentException(string.Create(inv, $"The {fittedUnits.Length} fitted units do not fit in the {unitCount}-unit network."), nameof(unitCount));
        }
        return map;
    }

    private static string Preview(int[] units) =>
        string.Join(", ", units.Take(12).Select(u => u.ToString(CultureInfo.InvariantCulture))) + (units.Length > 12 ? ", …" : "");

    /// <summary>
    /// <paramref name="network"/> with these constraints applied (Dale's law with balanced initial inhibition, mask, softplus).
    /// </summary>
    internal RateRnnOptions Apply(RateRnnOptions network) => !Any ? network : network with
    {
        DalesLaw = DalesLaw || network.DalesLaw,
        ExcitatoryFraction = DalesLaw ? ExcitatoryFraction : network.ExcitatoryFraction,
        BalanceInhibition = DalesLaw ? BalancedInitialization : network.BalanceInhibition,
        RecurrentMask = RecurrentMask ?? network.RecurrentMask,
        Nonlinearity = NonNegativeRates || DalesLaw ? RateFunction : network.Nonlinearity,
    };

    /// <summary>A rate function as the fit summary and the CLI name it.</summary>
    public static string RateFunctionName(Nonlinearity f) => f switch
    {
        Nonlinearity.Softplus => "softplus, unbounded",
        Nonlinearity.SaturatingSoftplus => "saturating softplus, bounded: ceiling 6 = 6 / target peak × each unit's recorded peak (3 × at the default peak 2)",
        Nonlinearity.Sigmoid => "sigmoid, bounded: at most each unit's recorded peak / target peak",
        Nonlinearity.RectifiedTanh => "rectified tanh, bounded: at most each unit's recorded peak / target peak",
        Nonlinearity.Relu => "rectified linear, unbounded",
        _ => f.ToString(),
    };
}
