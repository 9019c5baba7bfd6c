using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A Cartesian or 3-D axis (plotly <c>xaxis</c>, <c>yaxis2</c>, <c>scene.zaxis</c>, …).</summary>
public sealed record Axis : IPlotlyWritable
{
    /// <summary>Axis title.</summary>
    public string? Title { get; init; }

    /// <summary>Axis type (null = plotly default).</summary>
    public AxisType? Type { get; init; }

    /// <summary>
    /// Shown range. For log axes plotly expects log10 units: use <see cref="WithLogRange"/> to give data units.
    /// </summary>
    public (double Low, double High)? Range { get; init; }

    /// <summary>plotly autorange: "true", "false", "reversed" (e.g. matrix rows top to bottom).</summary>
    public string? AutoRange { get; init; }

    /// <summary>Ties this axis's scale to another axis ("x", "y2", …): with <see cref="ScaleRatio"/> 1, equal aspect.</summary>
    public string? ScaleAnchor { get; init; }

    /// <summary>Units of this axis per unit of <see cref="ScaleAnchor"/>.</summary>
    public double? ScaleRatio { get; init; }

    /// <summary>How <see cref="ScaleAnchor"/> keeps the aspect: "range" (plotly default: widen the range) or "domain" (shrink the plot area).</summary>
    public string? Constrain { get; init; }

    /// <summary>Exponent notation of tick labels: "none", "e", "E", "power", "SI" (plotly default "B"), "B".</summary>
    public string? ExponentFormat { get; init; }

    /// <summary>Makes this axis follow another's range ("x" shares x with the first subplot).</summary>
    public string? Matches { get; init; }

    /// <summary>Axis this one is positioned against ("x", "y2", or "free").</summary>
    public string? Anchor { get; init; }

    /// <summary>Draw this axis on top of another ("y" for a secondary y axis).</summary>
    public string? Overlaying { get; init; }

    /// <summary>"left"/"right" (y axes) or "top"/"bottom" (x axes).</summary>
    public string? Side { get; init; }

    /// <summary>Fraction of the plot area the axis spans, e.g. (0, 0.45).</summary>
    public (double Start, double End)? Domain { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }

    /// <summary>Whether the zero line is drawn.</summary>
    public bool? ZeroLine { get; init; }

    /// <summary>Whether tick labels are drawn.</summary>
    public bool? ShowTickLabels { get; init; }

    /// <summary>d3 format of tick labels, e.g. ".2f" or ".0e".</summary>
    public string? TickFormat { get; init; }

    /// <summary>Distance between ticks (for log axes "D1", "D2" or a power of ten as number).</summary>
    public double? DTick { get; init; }

    /// <summary>Colour of the axis title and tick labels.</summary>
    public string? Color { get; init; }

    /// <summary>Returns a copy with another title.</summary>
    public Axis WithTitle(string title) => this with { Title = title };

    /// <summary>Returns a copy of log type.</summary>
    public Axis AsLog() => this with { Type = AxisType.Log };

    /// <summary>Returns a copy with a fixed range in data units.</summary>
    public Axis WithRange(double low, double high) => this with { Range = (low, high) };

    /// <summary>Returns a copy of log type with a fixed range given in data units (positive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive.</exception>
    public Axis WithLogRange(double low, double high)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(low);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(high);
        return this with { Type = AxisType.Log, Range = (Math.Log10(low), Math.Log10(high)) };
    }

    /// <summary>Returns a copy whose scale equals that of <paramref name="otherAxis"/> (equal aspect).</summary>
    public Axis WithEqualAspect(string otherAxis) => this with { ScaleAnchor = otherAxis, ScaleRatio = 1 };

    internal static string? TypeName(AxisType? type) => type switch
    {
        null => null,
        AxisType.Auto => "-",
        AxisType.Linear => "linear",
        AxisType.Log => "log",
        AxisType.Category => "category",
        AxisType.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown axis type"),
    };

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Object("title", Title is null ? null : new TitleText(Title));
        writer.String("type", TypeName(Type));
        writer.Pair("range", Range);
        if (AutoRange is "true" or "false") writer.Bool("autorange", AutoRange == "true");
        else writer.String("autorange", AutoRange);
        writer.String("scaleanchor", ScaleAnchor);
        writer.Number("scaleratio", ScaleRatio);
        writer.String("constrain", Constrain);
        writer.String("matches", Matches);
        writer.String("anchor", Anchor);
        writer.String("overlaying", Overlaying);
        writer.String("side", Side);
        writer.Pair("domain", Domain);
        writer.Bool("showgrid", ShowGrid);
        writer.Bool("zeroline", ZeroLine);
        writer.Bool("showticklabels", ShowTickLabels);
        writer.String("tickformat", TickFormat);
        writer.Number("dtick", DTick);
        writer.String("exponentformat", ExponentFormat);
        writer.String("color", Color);
        writer.Json.WriteEndObject();
    }
}
