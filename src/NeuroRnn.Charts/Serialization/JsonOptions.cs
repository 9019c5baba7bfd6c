namespace NeuroRnn.Charts;

/// <summary>How a figure is written as plotly.js JSON.</summary>
public sealed record JsonOptions
{
    /// <summary>Pretty-printed output (for reading and golden files). Default false.</summary>
    public bool Indented { get; init; }

    /// <summary>
    /// Numeric arrays with at least this many values are written as plotly.js typed-array specs
    /// (<c>{"dtype":"f8","bdata":"&lt;base64&gt;"}</c>, plus <c>"shape":"rows,cols"</c> for matrices), which plotly.js
    /// 2.28 and later decode natively; that is an order of magnitude faster and smaller than decimal text for large
    /// data. NaN stays NaN and ±∞ become NaN, so gaps look the same as with <c>null</c>. Default
    /// <see cref="int.MaxValue"/>: plain JSON arrays, which any plotly front end understands.
    /// </summary>
    public int BinaryArrayThreshold { get; init; } = int.MaxValue;

    /// <summary>Plain, compact JSON.</summary>
    public static JsonOptions Default { get; } = new();

    /// <summary>Compact JSON with typed arrays for arrays of 1,024 values or more (used for HTML with our pinned plotly.js).</summary>
    public static JsonOptions ForPinnedPlotlyJs { get; } = new() { BinaryArrayThreshold = 1024 };
}
