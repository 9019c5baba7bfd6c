namespace NeuroRnn.Charts;

/// <summary>Colours used by the chart builders.</summary>
public static class Palette
{
    /// <summary>The ten-colour categorical palette plotly.js uses by default (D3 category10).</summary>
    public static IReadOnlyList<string> Categorical { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The <paramref name="index"/>-th categorical colour, cycling.</summary>
    public static string Color(int index) => Categorical[((index % Categorical.Count) + Categorical.Count) % Categorical.Count];

    /// <summary>Colour of stable things (eigenvalues, fixed points).</summary>
    public const string Stable = "#1f77b4";

    /// <summary>Colour of unstable things.</summary>
    public const string Unstable = "#d62728";

    /// <summary>Colour of reference lines (stability boundary, chance level).</summary>
    public const string Reference = "#555555";
}
