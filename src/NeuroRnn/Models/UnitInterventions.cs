namespace NeuroRnn.Models;

/// <summary>How an intervention acts on its units.</summary>
internal enum InterventionKind
{
    /// <summary>rate ← (1 − s)·rate after each step: the unit's output to the network and the readout is scaled down.</summary>
    Silence,
    /// <summary>state ← (1 − s)·state + s·value after each step, rate and f′ recomputed.</summary>
    Clamp,
    /// <summary>s is added to the unit's input current (inside α(…), like a bias) at each step.</summary>
    Stimulate,
}

/// <summary>One intervention on a set of units during the steps [FirstStep, EndStep).</summary>
internal sealed record UnitIntervention(InterventionKind Kind, int[] Units, double Strength, double Value, int FirstStep, int EndStep)
{
    public bool ActiveAt(int step) => step >= FirstStep && step < EndStep;
}

/// <summary>
/// Interventions the forward pass applies (in list order) while simulating — the in-silico version of optogenetic
/// silencing, voltage clamp and current injection. Simulation only: a perturbed forward pass must not be differentiated.
/// </summary>
internal sealed record UnitInterventions(IReadOnlyList<UnitIntervention> Items);
