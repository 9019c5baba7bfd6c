using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// Error bars from data arrays (plotly <c>error_x</c>/<c>error_y</c> with <c>type: "data"</c>): <see cref="Array"/>
/// above (or both sides when symmetric) and <see cref="ArrayMinus"/> below.
/// </summary>
public sealed record ErrorBars : IPlotlyWritable
{
    /// <summary>Error sizes (upper, or both sides when <see cref="ArrayMinus"/> is null).</summary>
    public required DataArray Array { get; init; }

    /// <summary>Lower error sizes for asymmetric bars.</summary>
    public DataArray? ArrayMinus { get; init; }

    /// <summary>Whether the bars are shown (default true).</summary>
    public bool Visible { get; init; } = true;

    /// <summary>CSS colour (default: the trace colour).</summary>
    public string? Color { get; init; }

    /// <summary>Bar line thickness in px.</summary>
    public double? Thickness { get; init; }

    /// <summary>Width of the end caps in px.</summary>
    public double? Width { get; init; }

    /// <summary>Symmetric error bars of the given sizes.</summary>
    public static ErrorBars Symmetric(DataArray sizes) => new() { Array = sizes ?? throw new ArgumentNullException(nameof(sizes)) };

    internal int Length => Array.Length;

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("type", "data");
        writer.Array("array", Array);
        writer.Bool("symmetric", ArrayMinus is null);
        writer.Array("arrayminus", ArrayMinus);
        writer.Bool("visible", Visible);
        writer.String("color", Color);
        writer.Number("thickness", Thickness);
        writer.Number("width", Width);
        writer.Json.WriteEndObject();
    }
}
