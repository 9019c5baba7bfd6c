using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>
    /// A random subset of the units, as an experimenter's electrode would catch them: max(1, round(fraction · units))
    /// unit indices drawn without replacement by a seeded shuffle, returned in ascending order. For one seed the samples
    /// are nested: a smaller fraction always picks a subset of the units a larger one picks.
    /// </summary>
    /// <param name="fraction">Fraction of the units to keep, in (0, 1].</param>
    /// <param name="seed">Seed of the shuffle; the same seed gives the same units.</param>
    /// <exception cref="ArgumentException">The fraction is outside (0, 1] or not a number.</exception>
    public int[] SampleUnitIndices(double fraction, ulong seed)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"fraction must be in (0, 1] (the share of the {UnitCount} units to sample), got {fraction}.", nameof(fraction));
        int count = Math.Max(1, (int)Math.Round(fraction * UnitCount, MidpointRounding.AwayFromZero));
        var order = Enumerable.Range(0, UnitCount).ToArray();
        new Xoshiro256StarStar(seed).Shuffle(order);
        var chosen = order.Take(count).ToArray();
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>The units chosen by <see cref="SampleUnitIndices"/> (units-table rows kept, in ascending order).</summary>
    /// <exception cref="ArgumentException">The fraction is outside (0, 1] or not a number.</exception>
    public Recording SampleUnits(double fraction, ulong seed) => SelectUnits(SampleUnitIndices(fraction, seed));
}
