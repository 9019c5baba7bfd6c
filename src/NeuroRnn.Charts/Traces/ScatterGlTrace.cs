namespace NeuroRnn.Charts;

/// <summary>
/// A 2-D scatter or line trace drawn with WebGL (plotly <c>scattergl</c>): use for tens of thousands of points
/// and more (spike rasters, long recordings). Same attributes as <see cref="ScatterTrace"/>.
/// </summary>
public sealed record ScatterGlTrace : ScatterTrace
{
    /// <inheritdoc />
    public override string Type => "scattergl";
}
