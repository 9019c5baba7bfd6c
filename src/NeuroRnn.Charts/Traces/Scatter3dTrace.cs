using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A 3-D scatter or line trace (plotly <c>scatter3d</c>).</summary>
public sealed record Scatter3dTrace : Trace
{
    /// <inheritdoc />
    public override string Type => "scatter3d";

    /// <summary>x values.</summary>
    public DataArray? X { get; init; }

    /// <summary>y values.</summary>
    public DataArray? Y { get; init; }

    /// <summary>z values.</summary>
    public DataArray? Z { get; init; }

    /// <summary>What is drawn.</summary>
    public TraceMode? Mode { get; init; }

    /// <summary>Line style.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Marker style.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>The 3-D scene: "scene" (default), "scene2", ….</summary>
    public string? Scene { get; init; }

    /// <summary>Returns a copy with another mode.</summary>
    public Scatter3dTrace WithMode(TraceMode mode) => this with { Mode = mode };

    /// <summary>Returns a copy with another line style.</summary>
    public Scatter3dTrace WithLine(LineStyle line) => this with { Line = line };

    /// <summary>Returns a copy with another marker style.</summary>
    public Scatter3dTrace WithMarker(MarkerStyle marker) => this with { Marker = marker };

    /// <inheritdoc />
    protected override int? PointCount => X?.Length ?? Y?.Length ?? Z?.Length;

    /// <inheritdoc />
    public override void Validate()
    {
        RequireSameLength("x", X?.Length, "y", Y?.Length);
        RequireSameLength("x", X?.Length, "z", Z?.Length);
        RequireSameLength("y", Y?.Length, "z", Z?.Length);
        RequireSameLength("marker.color", Marker?.ColorValues?.Length, "points", PointCount);
        RequireSameLength("line.color", Line?.ColorValues?.Length, "points", PointCount);
        base.Validate();
    }

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        writer.String("scene", Scene);
        writer.String("mode", TraceModeText.ToPlotly(Mode));
        writer.Array("x", X);
        writer.Array("y", Y);
        writer.Array("z", Z);
        writer.Object("line", Line);
        writer.Object("marker", Marker);
    }
}
