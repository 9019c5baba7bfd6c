using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A text font (plotly <c>font</c>).</summary>
public sealed record Font : IPlotlyWritable
{
    /// <summary>CSS font family list.</summary>
    public string? Family { get; init; }

    /// <summary>Size in points.</summary>
    public double? Size { get; init; }

    /// <summary>CSS colour.</summary>
    public string? Color { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("family", Family);
        writer.Number("size", Size);
        writer.String("color", Color);
        writer.Json.WriteEndObject();
    }
}
