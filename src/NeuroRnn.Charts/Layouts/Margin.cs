using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>Plot margins in px (plotly <c>layout.margin</c>).</summary>
public sealed record Margin : IPlotlyWritable
{
    /// <summary>Left margin.</summary>
    public double? L { get; init; }

    /// <summary>Right margin.</summary>
    public double? R { get; init; }

    /// <summary>Top margin.</summary>
    public double? T { get; init; }

    /// <summary>Bottom margin.</summary>
    public double? B { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Number("l", L);
        writer.Number("r", R);
        writer.Number("t", T);
        writer.Number("b", B);
        writer.Json.WriteEndObject();
    }
}
