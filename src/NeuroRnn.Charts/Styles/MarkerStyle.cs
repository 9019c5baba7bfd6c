using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>How markers (or bars) are drawn (plotly <c>marker</c>).</summary>
public sealed record MarkerStyle : IPlotlyWritable
{
    /// <summary>One CSS colour for all points.</summary>
    public string? Color { get; init; }

    /// <summary>Per-point colours: numbers mapped through <see cref="ColorScale"/>, or CSS colour strings. Wins over <see cref="Color"/>.</summary>
    public DataArray? ColorValues { get; init; }

    /// <summary>Colour scale for numeric <see cref="ColorValues"/>.</summary>
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether a colour bar is shown for <see cref="ColorValues"/>.</summary>
    public bool? ShowScale { get; init; }

    /// <summary>One size (px) for all points.</summary>
    public double? Size { get; init; }

    /// <summary>Per-point sizes. Wins over <see cref="Size"/>.</summary>
    public DataArray? Sizes { get; init; }

    /// <summary>plotly symbol name, e.g. "circle", "circle-open", "square", "x", "diamond", "line-ns-open".</summary>
    public string? Symbol { get; init; }

    /// <summary>Per-point symbols. Wins over <see cref="Symbol"/>.</summary>
    public DataArray? Symbols { get; init; }

    /// <summary>Opacity in [0, 1].</summary>
    public double? Opacity { get; init; }

    /// <summary>The marker outline.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Returns a copy with another colour.</summary>
    public MarkerStyle WithColor(string color) => this with { Color = color };

    /// <summary>Returns a copy with another size.</summary>
    public MarkerStyle WithSize(double size) => this with { Size = size };

    /// <summary>Returns a copy with another symbol.</summary>
    public MarkerStyle WithSymbol(string symbol) => this with { Symbol = symbol };

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        if (ColorValues is not null) writer.Array("color", ColorValues);
        else writer.String("color", Color);
        writer.Object("colorscale", ColorScale);
        writer.Bool("showscale", ShowScale);
        if (Sizes is not null) writer.Array("size", Sizes);
        else writer.Number("size", Size);
        if (Symbols is not null) writer.Array("symbol", Symbols);
        else writer.String("symbol", Symbol);
        writer.Number("opacity", Opacity);
        writer.Object("line", Line);
        writer.Json.WriteEndObject();
    }
}
