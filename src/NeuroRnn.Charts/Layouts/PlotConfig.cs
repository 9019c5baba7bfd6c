using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>plotly.js <c>config</c>: interaction options, not part of the figure's look.</summary>
public sealed record PlotConfig : IPlotlyWritable
{
    /// <summary>Resize with the window/container (default true).</summary>
    public bool Responsive { get; init; } = true;

    /// <summary>Show the plotly logo in the mode bar (default false).</summary>
    public bool DisplayLogo { get; init; }

    /// <summary>Show the mode bar: null = on hover (plotly default), true = always, false = never.</summary>
    public bool? DisplayModeBar { get; init; }

    /// <summary>A static image without interaction.</summary>
    public bool? StaticPlot { get; init; }

    /// <summary>Zoom with the scroll wheel.</summary>
    public bool? ScrollZoom { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Bool("responsive", Responsive);
        writer.Bool("displaylogo", DisplayLogo);
        writer.Bool("displayModeBar", DisplayModeBar);
        writer.Bool("staticPlot", StaticPlot);
        writer.Bool("scrollZoom", ScrollZoom);
        writer.Json.WriteEndObject();
    }
}
