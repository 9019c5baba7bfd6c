using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A trace drawn on a pair of Cartesian axes (plotly <c>xaxis</c>/<c>yaxis</c> references).</summary>
public abstract record CartesianTrace : Trace
{
    /// <summary>The x axis: "x" (default), "x2", "x3", ….</summary>
    public string? XAxis { get; init; }

    /// <summary>The y axis: "y" (default), "y2", "y3", ….</summary>
    public string? YAxis { get; init; }

    /// <summary>Writes the axis references.</summary>
    private protected void WriteAxes(PlotlyJsonWriter writer)
    {
        writer.String("xaxis", XAxis);
        writer.String("yaxis", YAxis);
    }
}
