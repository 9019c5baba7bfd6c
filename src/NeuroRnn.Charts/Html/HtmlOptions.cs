namespace NeuroRnn.Charts;

/// <summary>Options for <see cref="Figure.ToHtml"/>.</summary>
public sealed record HtmlOptions
{
    /// <summary>Where plotly.js comes from (default: embedded, so the output renders offline).</summary>
    public PlotlyJsMode PlotlyJs { get; init; } = PlotlyJsMode.Embedded;

    /// <summary>The plot div's id (letters, digits, '-' and '_'); null = a new unique id.</summary>
    public string? DivId { get; init; }

    /// <summary>CSS height of the plot div when the layout gives none (default "450px").</summary>
    public string DefaultHeight { get; init; } = "450px";

    /// <summary>
    /// Large numeric arrays as plotly typed arrays (base64, decoded by our pinned plotly.js ≥ 2.28): much faster and
    /// smaller. Default true; turn off only to embed the figure into a page with an older plotly.js.
    /// </summary>
    public bool BinaryArrays { get; init; } = true;
}
