using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A bar chart trace (plotly <c>bar</c>); set <see cref="Orientation"/> to "h" for horizontal bars.</summary>
public sealed record BarTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "bar";

    /// <summary>Positions (vertical bars) or lengths (horizontal bars).</summary>
    public DataArray? X { get; init; }

    /// <summary>Lengths (vertical bars) or positions (horizontal bars).</summary>
    public DataArray? Y { get; init; }

    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; init; }

    /// <summary>Bar colours and outlines.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>Vertical error bars.</summary>
    public ErrorBars? ErrorY { get; init; }

    /// <summary>Horizontal error bars.</summary>
    public ErrorBars? ErrorX { get; init; }

    /// <summary>Bar width in data units.</summary>
    public double? Width { get; init; }

    /// <summary>Returns a copy with another marker style.</summary>
    public BarTrace WithMarker(MarkerStyle marker) => this with { Marker = marker };

    /// <inheritdoc />
    protected override int? PointCount => Y?.Length ?? X?.Length;

    /// <inheritdoc />
    public override void Validate()
    {
        RequireSameLength("x", X?.Length, "y", Y?.Length);
        RequireSameLength("error_y.array", ErrorY?.Length, "bars", PointCount);
        RequireSameLength("error_x.array", ErrorX?.Length, "bars", PointCount);
        RequireSameLength("marker.color", Marker?.ColorValues?.Length, "bars", PointCount);
        base.Validate();
    }

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        WriteAxes(writer);
        writer.String("orientation", Orientation);
        writer.Array("x", X);
        writer.Array("y", Y);
        writer.Object("marker", Marker);
        writer.Object("error_x", ErrorX);
        writer.Object("error_y", ErrorY);
        writer.Number("width", Width);
    }
}
