using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A text label placed on the plot (plotly <c>layout.annotations[i]</c>).</summary>
public sealed record Annotation : IPlotlyWritable
{
    /// <summary>The text (may contain plotly's small HTML subset: &lt;b&gt;, &lt;br&gt;, …).</summary>
    public required string Text { get; init; }

    /// <summary>x position in <see cref="XRef"/> units.</summary>
    public double X { get; init; }

    /// <summary>y position in <see cref="YRef"/> units.</summary>
    public double Y { get; init; }

    /// <summary>"x" (data of the first x axis, default), "x2", … or "paper".</summary>
    public string? XRef { get; init; }

    /// <summary>"y" (default), "y2", … or "paper".</summary>
    public string? YRef { get; init; }

    /// <summary>Whether an arrow points at (x, y); default false here.</summary>
    public bool ShowArrow { get; init; }

    /// <summary>"auto", "left", "center", "right".</summary>
    public string? XAnchor { get; init; }

    /// <summary>"auto", "top", "middle", "bottom".</summary>
    public string? YAnchor { get; init; }

    /// <summary>Text font.</summary>
    public Font? Font { get; init; }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("text", Text);
        writer.Number("x", X);
        writer.Number("y", Y);
        writer.String("xref", XRef);
        writer.String("yref", YRef);
        writer.Bool("showarrow", ShowArrow);
        writer.String("xanchor", XAnchor);
        writer.String("yanchor", YAnchor);
        writer.Object("font", Font);
        writer.Json.WriteEndObject();
    }
}
