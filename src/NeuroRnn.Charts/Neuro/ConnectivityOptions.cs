namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.ConnectivityMatrix"/>.</summary>
public sealed record ConnectivityOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Connectivity";

    /// <summary>
    /// Sizes of consecutive unit blocks (e.g. [80, 20] for 80 excitatory then 20 inhibitory units); boundaries between
    /// blocks are drawn as lines. The sizes must add up to the number of units. Null = no blocks.
    /// </summary>
    public IReadOnlyList<int>? BlockSizes { get; init; }

    /// <summary>Block names written above the columns (e.g. ["E", "I"]); null = none.</summary>
    public IReadOnlyList<string>? BlockNames { get; init; }

    /// <summary>Diverging colour scale, centred on 0 (default blue–white–red).</summary>
    public ColorScale ColorScale { get; init; } = ColorScale.BlueWhiteRed;

    /// <summary>Colour bar title.</summary>
    public string ColorBarTitle { get; init; } = "weight";

    /// <summary>Use a colour range symmetric about 0 (±max |w|) so that equal magnitudes look equally strong (default true).</summary>
    public bool SymmetricRange { get; init; } = true;

    /// <summary>x axis title (columns are presynaptic).</summary>
    public string FromTitle { get; init; } = "from (presynaptic unit)";

    /// <summary>y axis title (rows are postsynaptic).</summary>
    public string ToTitle { get; init; } = "to (postsynaptic unit)";
}
