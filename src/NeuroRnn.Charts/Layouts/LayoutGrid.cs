using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// plotly's subplot grid (<c>layout.grid</c>): with pattern "independent" the i-th cell (row-major from the top)
/// uses axes x{i}/y{i}; with "coupled" every column shares one x axis and every row one y axis.
/// </summary>
public sealed record LayoutGrid : IPlotlyWritable
{
    /// <summary>Number of rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Number of columns.</summary>
    public required int Columns { get; init; }

    /// <summary>"independent" or "coupled".</summary>
    public string Pattern { get; init; } = "independent";

    /// <summary>"top to bottom" (default) or "bottom to top".</summary>
    public string? RowOrder { get; init; }

    /// <summary>Horizontal gap between cells as a fraction of the cell width.</summary>
    public double? XGap { get; init; }

    /// <summary>Vertical gap between cells as a fraction of the cell height.</summary>
    public double? YGap { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Integer("rows", Rows);
        writer.Integer("columns", Columns);
        writer.String("pattern", Pattern);
        writer.String("roworder", RowOrder);
        writer.Number("xgap", XGap);
        writer.Number("ygap", YGap);
        writer.Json.WriteEndObject();
    }
}
