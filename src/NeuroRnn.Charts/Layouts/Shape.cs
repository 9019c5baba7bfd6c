using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// A line, rectangle or circle drawn on the plot (plotly <c>layout.shapes[i]</c>), e.g. E/I block boundaries of a
/// connectivity matrix or the unit circle of an eigenvalue plot. Coordinates are in <see cref="XRef"/>/<see cref="YRef"/> units.
/// </summary>
public sealed record Shape : IPlotlyWritable
{
    /// <summary>"line", "rect", "circle" (inscribed in the box x0..x1, y0..y1) or "path".</summary>
    public required string Type { get; init; }

    /// <summary>Start x.</summary>
    public double X0 { get; init; }

    /// <summary>Start y.</summary>
    public double Y0 { get; init; }

    /// <summary>End x.</summary>
    public double X1 { get; init; }

    /// <summary>End y.</summary>
    public double Y1 { get; init; }

    /// <summary>"x" (default), "x2", … or "paper".</summary>
    public string? XRef { get; init; }

    /// <summary>"y" (default), "y2", … or "paper".</summary>
    public string? YRef { get; init; }

    /// <summary>Outline.</summary>
    public LineStyle? Line { get; init; }

    /// <summary>Fill colour (rect, circle).</summary>
    public string? FillColor { get; init; }

    /// <summary>"above" (default) or "below" the traces.</summary>
    public string? Layer { get; init; }

    /// <summary>Opacity in [0, 1].</summary>
    public double? Opacity { get; init; }

    /// <summary>A straight line from (x0, y0) to (x1, y1) in data units of the first axes.</summary>
    public static Shape LineBetween(double x0, double y0, double x1, double y1, LineStyle? line = null) =>
        new() { Type = "line", X0 = x0, Y0 = y0, X1 = x1, Y1 = y1, Line = line };

    /// <summary>A vertical line at x across the whole plot height.</summary>
    public static Shape VerticalLine(double x, LineStyle? line = null) =>
        new() { Type = "line", X0 = x, X1 = x, Y0 = 0, Y1 = 1, YRef = "paper", Line = line };

    /// <summary>A horizontal line at y across the whole plot width.</summary>
    public static Shape HorizontalLine(double y, LineStyle? line = null) =>
        new() { Type = "line", X0 = 0, X1 = 1, Y0 = y, Y1 = y, XRef = "paper", Line = line };

    /// <summary>A circle of radius r centred at (cx, cy) in data units.</summary>
    public static Shape Circle(double cx, double cy, double r, LineStyle? line = null) =>
        new() { Type = "circle", X0 = cx - r, Y0 = cy - r, X1 = cx + r, Y1 = cy + r, Line = line };

    /// <summary>A rectangle in data units.</summary>
    public static Shape Rectangle(double x0, double y0, double x1, double y1, LineStyle? line = null, string? fillColor = null) =>
        new() { Type = "rect", X0 = x0, Y0 = y0, X1 = x1, Y1 = y1, Line = line, FillColor = fillColor };

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("type", Type);
        writer.String("xref", XRef);
        writer.String("yref", YRef);
        writer.Number("x0", X0);
        writer.Number("y0", Y0);
        writer.Number("x1", X1);
        writer.Number("y1", Y1);
        writer.Object("line", Line);
        writer.String("fillcolor", FillColor);
        writer.String("layer", Layer);
        writer.Number("opacity", Opacity);
        writer.Json.WriteEndObject();
    }
}
