using NeuroRnn.Models;

namespace NeuroRnn.Fitting;

/// <summary>
/// <see cref="FreeUnitTyping.FitDecides"/>: the cell types a Dale-constrained fit gives its free recorded units, chosen from
/// a short fit without the sign constraint.
/// </summary>
internal static class FreeUnitTypeAssignment
{
    /// <summary>
    /// The full assignment (listed units as given, free units chosen) of every fitted recorded unit, keyed by its index in the
    /// recording, and the warm-up's net outgoing weight of each fitted unit.
    /// </summary>
    public static (Dictionary<int, string> Types, double[] NetOutgoing) Choose(FitDataset dataset, RecordingFitOptions options, CancellationToken cancellationToken)
    {
        var c = options.Constraints;
        // The warm-up keeps everything but the signs: same rate function (so "outgoing weight" means the same thing), mask and data.
        var warmUpOptions = options with
        {
            Iterations = c.WarmUpIterations,
            LossPlateau = null,
            TimeLimit = null,
            TargetMse = null,
            NetworkUnits = null,
            Constraints = new FitConstraints { NonNegativeRates = true, RateFunction = c.RateFunction, RecurrentMask = c.RecurrentMask },
        };
        var warmUp = RecordingFitter.Fit(dataset, warmUpOptions, null, cancellationToken);
        int n = options.UnitCount;
        var w = warmUp.Model.EffectiveRecurrentWeights();
        var readout = warmUp.Model.Options.ReadoutUnits!;
        var fitted = dataset.FittedUnits;
        var net = new double[fitted.Length];
        for (int k = 0; k < fitted.Length; k++)
        {
            int j = readout[k];
            double s = 0;
            for (int i = 0; i < n; i++) s += w[j * n + i];
            net[k] = s;
        }
        return (Assign(fitted, net, c.UnitTypes, c.ExcitatoryFraction, n), net);
    }

    /// <summary>
    /// Free units become E in decreasing order of <paramref name="netOutgoing"/>: as many as have a positive net weight, but at
    /// least enough that the inhibitory units left can hold the rest and at most the excitatory units left.
    /// </summary>
    internal static Dictionary<int, string> Assign(int[] fittedUnits, double[] netOutgoing, IReadOnlyDictionary<int, string>? listed, double excitatoryFraction, int unitCount)
    {
        int excitatorySlots = (int)Math.Round(excitatoryFraction * unitCount, MidpointRounding.AwayFromZero);
        var types = new Dictionary<int, string>();
        var free = new List<int>();
        for (int k = 0; k < fittedUnits.Length; k++)
        {
            if (listed is not null && listed.TryGetValue(fittedUnits[k], out var type)) types[fittedUnits[k]] = type;
            else free.Add(k);
        }
        int eLeft = excitatorySlots - types.Values.Count(t => t == "E");
        int iLeft = unitCount - excitatorySlots - types.Values.Count(t => t == "I");
        if (eLeft < 0 || iLeft < 0 || free.Count > eLeft + iLeft)
            throw new ArgumentException($"RecordingFitOptions.Constraints.UnitTypes does not fit ExcitatoryFraction {excitatoryFraction} of {unitCount} network units.", nameof(listed));
        var order = free.OrderByDescending(k => netOutgoing[k]).ThenBy(k => k).ToArray();
        int positive = order.Count(k => netOutgoing[k] > 0);
        int excitatory = Math.Clamp(positive, Math.Max(0, free.Count - iLeft), eLeft);
        for (int r = 0; r < order.Length; r++) types[fittedUnits[order[r]]] = r < excitatory ? "E" : "I";
        return types;
    }
}
