using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A scatter or line trace in polar coordinates (plotly <c>scatterpolar</c>).</summary>
public sealed record ScatterPolarTrace : Trace
{
    /// <inheritdoc />
    public override string Type => "scatterpolar";

    /// <summary>Radii.</summary>
    public DataArray? R { get; init; }

    /// <summary>Angles, in <see cref="ThetaUnit"/>.</summary>
    public DataArray? Theta { get; init; }

    /// <summary>"degrees" (plotly default) or "radians".</summary>
    public string? ThetaUnit { get; init; }

    /// <summary>What is drawn.</summary>
    public TraceMode? Mode { get; init; }

    /// <summary>Line style.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Marker style.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <summary>plotly fill: "none" or "toself".</summary>
    public string? Fill { get; init; }

    /// <summary>The polar subplot: "polar" (default), "polar2", ….</summary>
    public string? Subplot { get; init; }

    /// <summary>Returns a copy with another mode.</summary>
    public ScatterPolarTrace WithMode(TraceMode mode) => this with { Mode = mode };

    /// <summary>Returns a copy with another line style.</summary>
    public ScatterPolarTrace WithLine(LineStyle line) => this with { Line = line };

    /// <summary>Returns a copy with another marker style.</summary>
    public ScatterPolarTrace WithMarker(MarkerStyle marker) => this with { Marker = marker };

    /// <inheritdoc />
    protected override int? PointCount => R?.Length ?? Theta?.Length;

    /// <inheritdoc />
    public override void Validate()
    {
        RequireSameLength("r", R?.Length, "theta", Theta?.Length);
        base.Validate();
    }

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        writer.String("subplot", Subplot);
        writer.String("mode", TraceModeText.ToPlotly(Mode));
        writer.Array("r", R);
        writer.Array("theta", Theta);
        writer.String("thetaunit", ThetaUnit);
        writer.Object("line", Line);
        writer.Object("marker", Marker);
        writer.String("fill", Fill);
    }
}
