namespace NeuroRnn.Charts;

/// <summary>What a scatter-like trace draws (plotly <c>mode</c>, written as e.g. "lines+markers").</summary>
[Flags]
public enum TraceMode
{
    /// <summary>Nothing but hover points ("none").</summary>
    None = 0,

    /// <summary>Lines between the points.</summary>
    Lines = 1,

    /// <summary>A marker at each point.</summary>
    Markers = 2,

    /// <summary>The <c>text</c> at each point.</summary>
    Text = 4,
}

internal static class TraceModeText
{
    public static string? ToPlotly(TraceMode? mode) => mode switch
    {
        null => null,
        TraceMode.None => "none",
        var m => string.Join('+', new[] { (TraceMode.Lines, "lines"), (TraceMode.Markers, "markers"), (TraceMode.Text, "text") }
            .Where(f => (m.Value & f.Item1) != 0).Select(f => f.Item2)),
    };
}
