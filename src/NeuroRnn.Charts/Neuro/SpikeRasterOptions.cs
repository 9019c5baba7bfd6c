namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.SpikeRaster"/>.</summary>
public sealed record SpikeRasterOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Spike raster";

    /// <summary>x axis title.</summary>
    public string TimeTitle { get; init; } = "time (s)";

    /// <summary>y axis title (rows are trials or units).</summary>
    public string RowTitle { get; init; } = "trial";

    /// <summary>Tick colour.</summary>
    public string Color { get; init; } = "#222222";

    /// <summary>Tick height in px.</summary>
    public double TickSize { get; init; } = 6;
}
