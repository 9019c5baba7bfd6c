using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A polar subplot (plotly <c>layout.polar</c>).</summary>
public sealed record PolarLayout : IPlotlyWritable
{
    /// <summary>Radial axis range.</summary>
    public (double Low, double High)? RadialRange { get; init; }

    /// <summary>Radial axis title.</summary>
    public string? RadialTitle { get; init; }

    /// <summary>Angle at which the radial axis is drawn, in degrees.</summary>
    public double? RadialAngle { get; init; }

    /// <summary>Angular direction: "counterclockwise" (default) or "clockwise".</summary>
    public string? Direction { get; init; }

    /// <summary>Where θ = 0 points, in degrees (0 = east).</summary>
    public double? Rotation { get; init; }

    /// <summary>The part of the circle drawn, in degrees, e.g. (0, 180) for orientation tuning.</summary>
    public (double Start, double End)? Sector { get; init; }

    /// <summary>Where the subplot sits, in paper fractions: (x0, x1).</summary>
    public (double Start, double End)? DomainX { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        if (RadialRange is not null || RadialTitle is not null || RadialAngle is not null)
        {
            writer.Json.WritePropertyName("radialaxis");
            writer.Json.WriteStartObject();
            writer.Pair("range", RadialRange);
            writer.Object("title", RadialTitle is null ? null : new TitleText(RadialTitle));
            writer.Number("angle", RadialAngle);
            writer.Json.WriteEndObject();
        }
        if (Direction is not null || Rotation is not null)
        {
            writer.Json.WritePropertyName("angularaxis");
            writer.Json.WriteStartObject();
            writer.String("direction", Direction);
            writer.Number("rotation", Rotation);
            writer.Json.WriteEndObject();
        }
        writer.Pair("sector", Sector);
        if (DomainX is not null)
        {
            writer.Json.WritePropertyName("domain");
            writer.Json.WriteStartObject();
            writer.Pair("x", DomainX);
            writer.Json.WriteEndObject();
        }
        writer.Json.WriteEndObject();
    }
}
