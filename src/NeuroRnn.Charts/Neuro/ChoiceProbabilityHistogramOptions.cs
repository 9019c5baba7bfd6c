namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.ChoiceProbabilityHistogram"/>.</summary>
public sealed record ChoiceProbabilityHistogramOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Choice probability";

    /// <summary>Bin width on the [0, 1] axis. Default 0.025.</summary>
    public double BinWidth { get; init; } = 0.025;

    /// <summary>x axis title.</summary>
    public string ValueTitle { get; init; } = "choice probability";

    /// <summary>Names of groups 0, 1, … (e.g. areas or cell types), drawn as overlaid histograms; default "group 0", ….</summary>
    public IReadOnlyList<string>? GroupNames { get; init; }
}
