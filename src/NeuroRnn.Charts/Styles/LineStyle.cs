using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>How a line is drawn (plotly <c>line</c> of a trace or shape).</summary>
public sealed record LineStyle : IPlotlyWritable
{
    /// <summary>CSS colour, e.g. "#1f77b4" or "rgba(0,0,0,0.5)".</summary>
    public string? Color { get; init; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; init; }

    /// <summary>plotly dash style: "solid", "dot", "dash", "longdash", "dashdot", "longdashdot" or a px list like "5px,10px".</summary>
    public string? Dash { get; init; }

    /// <summary>plotly line shape: "linear", "spline", "hv", "vh", "hvh", "vhv".</summary>
    public string? Shape { get; init; }

    /// <summary>Per-point colour values (scatter3d lines only), mapped through <see cref="ColorScale"/>.</summary>
    public DataArray? ColorValues { get; init; }

    /// <summary>Colour scale for <see cref="ColorValues"/>.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Returns a copy with another colour.</summary>
    public LineStyle WithColor(string color) => this with { Color = color };

    /// <summary>Returns a copy with another width.</summary>
    public LineStyle WithWidth(double width) => this with { Width = width };

    /// <summary>Returns a copy with another dash style.</summary>
    public LineStyle WithDash(string dash) => this with { Dash = dash };

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        if (ColorValues is not null) writer.Array("color", ColorValues);
        else writer.String("color", Color);
        writer.Number("width", Width);
        writer.String("dash", Dash);
        writer.String("shape", Shape);
        writer.Object("colorscale", ColorScale);
        writer.Json.WriteEndObject();
    }
}
