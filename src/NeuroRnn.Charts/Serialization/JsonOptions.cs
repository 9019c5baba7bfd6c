namespace NeuroRnn.Charts;

/// <summary>How a figure is written as plotly.js JSON.</summary>
public sealed record JsonOptions
{
    /// <summary>Pretty-printed output (for reading and golden files). Default false.</summary>
    public bool Indented { get; init; }

    /// <summary>
    /// Numeric arrays with at least this many values are written as plotly.js typed-array specs
    /// (<c>{"dtype":"f8","bdata":"&lt;base64&gt;"}</c>, plus <c>"shape":"rows,cols"</c> for matrices), which plotly.js
    /// 2.28 and later decode natively; for large data that is faster to write than decimal text (5× for a 100k-point
    /// scatter, 30× for a 1000 × 1000 heat-map, minimum times in bench/results/charts.md) and smaller (base64 takes
    /// 10⅔ characters per value). NaN stays NaN and ±∞ become NaN, so gaps look the same as with <c>null</c>. Default
    /// <see cref="int.MaxValue"/>: plain JSON arrays, which any plotly front end understands.
    /// </summary>
    public int BinaryArrayThreshold { get; init; } = int.MaxValue;

    /// <summary>Plain, compact JSON.</summary>
    public static JsonOptions Default { get; } = new();

    /// <summary>Compact JSON with typed arrays for arrays of 1,024 values or more (used for HTML with our pinned plotly.js).</summary>
    public static JsonOptions ForPinnedPlotlyJs { get; } = new() { BinaryArrayThreshold = 1024 };
}
