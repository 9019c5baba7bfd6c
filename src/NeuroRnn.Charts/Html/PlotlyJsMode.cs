namespace NeuroRnn.Charts;

/// <summary>How an HTML figure gets plotly.js.</summary>
public enum PlotlyJsMode
{
    /// <summary>The pinned plotly.min.js is inlined (≈ 4.8 MB): renders offline.</summary>
    Embedded,

    /// <summary>A script tag loads the same pinned version from the plotly CDN (needs network).</summary>
    Cdn,

    /// <summary>Nothing is loaded: the page or notebook already has plotly.js (the plot waits until it appears).</summary>
    AlreadyLoaded,
}
