using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// One plotly.js trace. Concrete traces are immutable records: change one with a C# <c>with</c> expression or
/// with the <c>With…</c> methods (<see cref="TraceExtensions"/> for the common ones), which F# can call too.
/// </summary>
public abstract record Trace : IPlotlyWritable
{
    /// <summary>The plotly.js trace type, e.g. "scatter".</summary>
    public abstract string Type { get; }

    /// <summary>Name in the legend and hover labels.</summary>
    public string? Name { get; init; }

    /// <summary>Whether the trace has a legend entry.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces with the same group are toggled together from the legend.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>Opacity of the whole trace in [0, 1].</summary>
    public double? Opacity { get; init; }

    /// <summary>plotly hover template, e.g. "t=%{x}&lt;br&gt;r=%{y:.3f}".</summary>
    public string? HoverTemplate { get; init; }

    /// <summary>Per-point text (hover, or drawn when the mode includes text).</summary>
    public DataArray? Text { get; init; }

    /// <summary>Whether the trace is drawn (false hides it, its legend entry stays).</summary>
    public bool? Visible { get; init; }

    /// <summary>A label for error messages: the type and the name when there is one.</summary>
    protected string Describe() => Name is null ? $"{Type} trace" : $"{Type} trace '{Name}'";

    /// <summary>Checks that the data arrays fit together.</summary>
    /// <exception cref="ArgumentException">Arrays that must match in length do not; the message names the trace and both lengths.</exception>
    public virtual void Validate() => RequireSameLength("text", Text?.Length, "points", PointCount);

    /// <summary>The number of data points, or null when the trace has no point arrays.</summary>
    protected abstract int? PointCount { get; }

    /// <summary>Throws when two arrays that belong together differ in length.</summary>
    protected void RequireSameLength(string firstName, int? first, string secondName, int? second)
    {
        if (first is int a && second is int b && a != b)
            throw new ArgumentException($"{Describe()}: {firstName} has {a} values but {secondName} has {b}", "trace");
    }

    /// <summary>Writes the properties special to the trace type.</summary>
    private protected abstract void WriteProperties(PlotlyJsonWriter writer);

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("type", Type);
        writer.String("name", Name);
        writer.Bool("visible", Visible);
        writer.Bool("showlegend", ShowLegend);
        writer.String("legendgroup", LegendGroup);
        writer.Number("opacity", Opacity);
        writer.String("hovertemplate", HoverTemplate);
        writer.Array("text", Text);
        WriteProperties(writer);
        writer.Json.WriteEndObject();
    }

    /// <summary>A short description, never the data (arrays can be large).</summary>
    public override string ToString() => Describe();
}
