namespace NeuroRnn.Charts;

/// <summary>Fluent setters shared by all traces; they keep the concrete trace type (usable from F#).</summary>
public static class TraceExtensions
{
    /// <summary>Returns a copy with another legend name.</summary>
    public static T WithName<T>(this T trace, string name) where T : Trace => (T)(trace with { Name = name });

    /// <summary>Returns a copy with the legend entry shown or hidden.</summary>
    public static T WithShowLegend<T>(this T trace, bool show) where T : Trace => (T)(trace with { ShowLegend = show });

    /// <summary>Returns a copy in another legend group.</summary>
    public static T WithLegendGroup<T>(this T trace, string group) where T : Trace => (T)(trace with { LegendGroup = group });

    /// <summary>Returns a copy with another opacity.</summary>
    public static T WithOpacity<T>(this T trace, double opacity) where T : Trace => (T)(trace with { Opacity = opacity });

    /// <summary>Returns a copy with another hover template.</summary>
    public static T WithHoverTemplate<T>(this T trace, string template) where T : Trace => (T)(trace with { HoverTemplate = template });

    /// <summary>Returns a copy drawn on other axes ("x2", "y3", …).</summary>
    public static T OnAxes<T>(this T trace, string xAxis, string yAxis) where T : CartesianTrace => (T)(trace with { XAxis = xAxis, YAxis = yAxis });
}
