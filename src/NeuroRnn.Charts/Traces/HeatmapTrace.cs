using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A heat-map (plotly <c>heatmap</c>): z[i, j] is drawn at (x[j], y[i]).</summary>
public sealed record HeatmapTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "heatmap";

    /// <summary>The values, rows along y and columns along x.</summary>
    public required DataMatrix Z { get; init; }

    /// <summary>x coordinates of the columns (default 0, 1, …).</summary>
    public DataArray? X { get; init; }

    /// <summary>y coordinates of the rows (default 0, 1, …).</summary>
    public DataArray? Y { get; init; }

    /// <summary>Colour scale.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Value at the bottom of the colour scale.</summary>
    public double? ZMin { get; init; }

    /// <summary>Value at the top of the colour scale.</summary>
    public double? ZMax { get; init; }

    /// <summary>Value at the middle of the colour scale (0 for diverging scales of signed data).</summary>
    public double? ZMid { get; init; }

    /// <summary>Whether the colour scale is reversed.</summary>
    public bool? ReverseScale { get; init; }

    /// <summary>Whether the colour bar is shown.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>The colour bar.</summary>
    public ColorBar? ColorBar { get; init; }

    /// <summary>plotly smoothing: "fast", "best" or false (null = plotly default, none).</summary>
    public string? ZSmooth { get; init; }

    /// <summary>Gap between columns in px.</summary>
    public double? XGap { get; init; }

    /// <summary>Gap between rows in px.</summary>
    public double? YGap { get; init; }

    /// <summary>Returns a copy with another colour scale.</summary>
    public HeatmapTrace WithColorScale(ColorScale scale) => this with { ColorScale = scale };

    /// <inheritdoc />
    protected override int? PointCount => null;

    /// <inheritdoc />
    public override void Validate()
    {
        // plotly also accepts x/y of length n+1 (cell edges).
        if (X is not null && X.Length != Z.Columns && X.Length != Z.Columns + 1)
            throw new ArgumentException($"{Describe()}: x has {X.Length} values but z has {Z.Columns} columns", "trace");
        if (Y is not null && Y.Length != Z.Rows && Y.Length != Z.Rows + 1)
            throw new ArgumentException($"{Describe()}: y has {Y.Length} values but z has {Z.Rows} rows", "trace");
    }

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        WriteAxes(writer);
        writer.Array("x", X);
        writer.Array("y", Y);
        writer.Matrix("z", Z);
        writer.Object("colorscale", ColorScale);
        writer.Number("zmin", ZMin);
        writer.Number("zmax", ZMax);
        writer.Number("zmid", ZMid);
        writer.Bool("reversescale", ReverseScale);
        writer.Bool("showscale", ShowScale);
        writer.Object("colorbar", ColorBar);
        writer.String("zsmooth", ZSmooth);
        writer.Number("xgap", XGap);
        writer.Number("ygap", YGap);
    }
}
