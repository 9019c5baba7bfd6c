using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>The colour bar of a heat-map or colour-mapped markers (plotly <c>colorbar</c>).</summary>
public sealed record ColorBar : IPlotlyWritable
{
    /// <summary>Title next to the bar.</summary>
    public string? Title { get; init; }

    /// <summary>Horizontal position in plot fractions (plotly default 1.02).</summary>
    public double? X { get; init; }

    /// <summary>Length as a fraction of the plot height.</summary>
    public double? Len { get; init; }

    /// <summary>Thickness in pixels.</summary>
    public double? Thickness { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Object("title", Title is null ? null : new TitleText(Title));
        writer.Number("x", X);
        writer.Number("len", Len);
        writer.Number("thickness", Thickness);
        writer.Json.WriteEndObject();
    }
}
