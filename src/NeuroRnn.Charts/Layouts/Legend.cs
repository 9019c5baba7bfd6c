using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>The legend (plotly <c>layout.legend</c>).</summary>
public sealed record Legend : IPlotlyWritable
{
    /// <summary>Legend title.</summary>
    public string? Title { get; init; }

    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; init; }

    /// <summary>Horizontal position in paper fractions.</summary>
    public double? X { get; init; }

    /// <summary>Vertical position in paper fractions.</summary>
    public double? Y { get; init; }

    /// <summary>"auto", "left", "center", "right".</summary>
    public string? XAnchor { get; init; }

    /// <summary>"auto", "top", "middle", "bottom".</summary>
    public string? YAnchor { get; init; }

    /// <summary>Background colour.</summary>
    public string? BgColor { get; init; }

    /// <summary>"grouped", "reversed", "normal".</summary>
    public string? TraceOrder { get; init; }

    /// <summary>A horizontal legend above the plot.</summary>
    public static Legend HorizontalTop { get; } = new() { Orientation = "h", X = 0, Y = 1.02, XAnchor = "left", YAnchor = "bottom" };

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Object("title", Title is null ? null : new TitleText(Title));
        writer.String("orientation", Orientation);
        writer.Number("x", X);
        writer.Number("y", Y);
        writer.String("xanchor", XAnchor);
        writer.String("yanchor", YAnchor);
        writer.String("bgcolor", BgColor);
        writer.String("traceorder", TraceOrder);
        writer.Json.WriteEndObject();
    }
}
