using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A 3-D subplot (plotly <c>layout.scene</c>).</summary>
public sealed record Scene : IPlotlyWritable
{
    /// <summary>The x axis.</summary>
    public Axis? XAxis { get; init; }

    /// <summary>The y axis.</summary>
    public Axis? YAxis { get; init; }

    /// <summary>The z axis.</summary>
    public Axis? ZAxis { get; init; }

    /// <summary>plotly aspect mode: "auto", "cube", "data" (equal units), "manual".</summary>
    public string? AspectMode { get; init; }

    /// <summary>Where the scene sits, in paper fractions: (x0, x1).</summary>
    public (double Start, double End)? DomainX { get; init; }

    /// <summary>Where the scene sits, in paper fractions: (y0, y1).</summary>
    public (double Start, double End)? DomainY { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Object("xaxis", XAxis);
        writer.Object("yaxis", YAxis);
        writer.Object("zaxis", ZAxis);
        writer.String("aspectmode", AspectMode);
        if (DomainX is not null || DomainY is not null)
        {
            writer.Json.WritePropertyName("domain");
            writer.Json.WriteStartObject();
            writer.Pair("x", DomainX);
            writer.Pair("y", DomainY);
            writer.Json.WriteEndObject();
        }
        writer.Json.WriteEndObject();
    }
}
