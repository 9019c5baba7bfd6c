using System.Globalization;
using NeuroRnn.Models;

namespace NeuroRnn.Networks;

/// <summary>
/// The architecture of a multi-area network in the style of Kleinman, Chandrasekaran &amp; Kao (2021): consecutive areas
/// obeying Dale's law, dense connections within an area, sparse excitatory-only connections between adjacent areas —
/// denser forward (area k → k+1) than backward (k+1 → k) and, as in the paper's main model, onto excitatory units only
/// (<see cref="InterAreaOntoInhibitory"/>) — the task's inputs reaching only the first area and the output read from the
/// excitatory units of the last area. <see cref="Apply"/> turns it into <see cref="RateRnnOptions"/>.
/// </summary>
public sealed record MultiAreaOptions
{
    /// <summary>Units per area, first (input) area first. Default three areas of 50.</summary>
    public IReadOnlyList<int> AreaSizes { get; init; } = [50, 50, 50];

    /// <summary>Fraction of each area's units that are excitatory. Default 0.8.</summary>
    public double ExcitatoryFraction { get; init; } = 0.8;

    /// <summary>Probability that an excitatory unit of area k connects to a unit of area k + 1. Default 0.1.</summary>
    public double FeedforwardDensity { get; init; } = 0.1;

    /// <summary>Probability that an excitatory unit of area k + 1 connects to a unit of area k. Default 0.05.</summary>
    public double FeedbackDensity { get; init; } = 0.05;

    /// <summary>
    /// Whether inter-area projections may also reach the target area's inhibitory units. Default false: Kleinman et al.'s
    /// main three-area model (their public code, <c>cb_simple_3areas</c>) draws feed-forward and feedback connections
    /// between excitatory units only (E → E); E → I projections appear only in their "ffi" control variants. An
    /// inter-area input onto local inhibition lets the receiving area subtract what it receives, one more route for the
    /// upstream colour signal to shape the last area.
    /// </summary>
    public bool InterAreaOntoInhibitory { get; init; }

    /// <summary>Seed of the random inter-area connectivity. Default 1.</summary>
    public int ConnectivitySeed { get; init; } = 1;

    /// <summary>Names of the areas: "area1", "area2", ….</summary>
    public IReadOnlyList<string> AreaNames => [.. Enumerable.Range(1, AreaSizes.Count).Select(k => "area" + k.ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// <paramref name="network"/> with this architecture: Dale's law at <see cref="ExcitatoryFraction"/>, the areas, the
    /// recurrent mask (within-area dense, adjacent areas sparse, excitatory-only and by default onto excitatory units only),
    /// the input mask (first area only) and
    /// the readout mask (excitatory units of the last area only), balanced initial inhibition.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid, or the area sizes do not sum to <paramref name="network"/>'s
    /// UnitCount (the message names <c>AreaSizes</c>).</exception>
    public RateRnnOptions Apply(RateRnnOptions network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Validate();
        long total = AreaSizes.Sum(s => (long)s);
        if (total != network.UnitCount)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"MultiAreaOptions.AreaSizes ({string.Join(" + ", AreaSizes)} = {total}) must sum to the network's UnitCount = {network.UnitCount}."), nameof(AreaSizes));
        int n = network.UnitCount, areaCount = AreaSizes.Count;
        var areaOf = new int[n];
        var excitatory = new bool[n];
        int start = 0;
        for (int a = 0; a < areaCount; a++)
        {
            int e = (int)Math.Round(ExcitatoryFraction * AreaSizes[a], MidpointRounding.AwayFromZero);
            for (int k = 0; k < AreaSizes[a]; k++) { areaOf[start + k] = a; excitatory[start + k] = k < e; }
            start += AreaSizes[a];
        }
        var random = new SeededRandom(ConnectivitySeed);
        var mask = new bool[n, n];
        for (int post = 0; post < n; post++)
            for (int pre = 0; pre < n; pre++)
            {
                int target = areaOf[post], source = areaOf[pre];
                bool projects = excitatory[pre] && (excitatory[post] || InterAreaOntoInhibitory);
                mask[post, pre] = target == source
                    || (projects && target == source + 1 && random.NextDouble() < FeedforwardDensity)
                    || (projects && target == source - 1 && random.NextDouble() < FeedbackDensity);
            }
        var inputMask = new bool[n, network.InputCount];
        for (int u = 0; u < n; u++)
            for (int i = 0; i < network.InputCount; i++) inputMask[u, i] = areaOf[u] == 0;
        var outputMask = new bool[network.OutputCount, n];
        for (int o = 0; o < network.OutputCount; o++)
            for (int u = 0; u < n; u++) outputMask[o, u] = areaOf[u] == areaCount - 1 && excitatory[u];
        var names = AreaNames;
        return network with
        {
            DalesLaw = true,
            ExcitatoryFraction = ExcitatoryFraction,
            BalanceInhibition = true,
            Areas = [.. AreaSizes.Select((size, a) => new NetworkArea(names[a], size))],
            RecurrentMask = mask,
            InputMask = inputMask,
            OutputMask = outputMask,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"MultiAreaOptions.{name} {problem}.", name);
        if (AreaSizes is null || AreaSizes.Count == 0) throw Bad(nameof(AreaSizes), "must list at least one area");
        for (int a = 0; a < AreaSizes.Count; a++)
            if (AreaSizes[a] <= 0) throw Bad(nameof(AreaSizes), $"[{a}] = {AreaSizes[a]}; sizes must be positive");
        if (!(ExcitatoryFraction > 0 && ExcitatoryFraction <= 1)) throw Bad(nameof(ExcitatoryFraction), $"must be in (0, 1], got {ExcitatoryFraction}");
        if (!(FeedforwardDensity >= 0 && FeedforwardDensity <= 1)) throw Bad(nameof(FeedforwardDensity), $"must be in [0, 1], got {FeedforwardDensity}");
        if (!(FeedbackDensity >= 0 && FeedbackDensity <= 1)) throw Bad(nameof(FeedbackDensity), $"must be in [0, 1], got {FeedbackDensity}");
    }
}
