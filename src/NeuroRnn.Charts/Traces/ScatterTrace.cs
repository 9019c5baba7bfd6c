using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A 2-D scatter or line trace (plotly <c>scatter</c>, SVG; use <see cref="ScatterGlTrace"/> for many points).</summary>
public record ScatterTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "scatter";

    /// <summary>x values (numbers or categories).</summary>
    public DataArray? X { get; init; }

    /// <summary>y values.</summary>
    public DataArray? Y { get; init; }

    /// <summary>What is drawn; plotly's default is lines+markers for fewer than 20 points, else lines.</summary>
    public TraceMode? Mode { get; init; }

    /// <summary>Line style.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Marker style.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>Horizontal error bars.</summary>
    public ErrorBars? ErrorX { get; init; }

    /// <summary>Vertical error bars.</summary>
    public ErrorBars? ErrorY { get; init; }

    /// <summary>plotly fill: "none", "tozeroy", "tonexty", "toself", ….</summary>
    public string? Fill { get; init; }

    /// <summary>Fill colour.</summary>
    public string? FillColor { get; init; }

    /// <summary>Whether lines bridge missing (null) values; default false (a gap).</summary>
    public bool? ConnectGaps { get; init; }

    /// <summary>A line through the points (mode "lines").</summary>
    public static ScatterTrace LineOf(DataArray x, DataArray y, string? name = null) => new() { X = x, Y = y, Mode = TraceMode.Lines, Name = name };

    /// <summary>Markers at the points (mode "markers").</summary>
    public static ScatterTrace MarkersOf(DataArray x, DataArray y, string? name = null) => new() { X = x, Y = y, Mode = TraceMode.Markers, Name = name };

    /// <summary>Returns a copy with another mode.</summary>
    public ScatterTrace WithMode(TraceMode mode) => this with { Mode = mode };

    /// <summary>Returns a copy with another line style.</summary>
    public ScatterTrace WithLine(LineStyle line) => this with { Line = line };

    /// <summary>Returns a copy with another marker style.</summary>
    public ScatterTrace WithMarker(MarkerStyle marker) => this with { Marker = marker };

    /// <summary>Returns a copy with symmetric vertical error bars.</summary>
    public ScatterTrace WithErrorY(DataArray sizes) => this with { ErrorY = ErrorBars.Symmetric(sizes) };

    /// <inheritdoc />
    protected override int? PointCount => Y?.Length ?? X?.Length;

    /// <inheritdoc />
    public override void Validate()
    {
        RequireSameLength("x", X?.Length, "y", Y?.Length);
        RequireSameLength("error_y.array", ErrorY?.Length, "y", Y?.Length);
        RequireSameLength("error_y.arrayminus", ErrorY?.ArrayMinus?.Length, "y", Y?.Length);
        RequireSameLength("error_x.array", ErrorX?.Length, "x", X?.Length);
        RequireSameLength("error_x.arrayminus", ErrorX?.ArrayMinus?.Length, "x", X?.Length);
        RequireSameLength("marker.color", Marker?.ColorValues?.Length, "points", PointCount);
        RequireSameLength("marker.size", Marker?.Sizes?.Length, "points", PointCount);
        base.Validate();
    }

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        WriteAxes(writer);
        writer.String("mode", TraceModeText.ToPlotly(Mode));
        writer.Array("x", X);
        writer.Array("y", Y);
        writer.Object("line", Line);
        writer.Object("marker", Marker);
        writer.Object("error_x", ErrorX);
        writer.Object("error_y", ErrorY);
        writer.String("fill", Fill);
        writer.String("fillcolor", FillColor);
        writer.Bool("connectgaps", ConnectGaps);
    }
}
