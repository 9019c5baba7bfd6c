namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.SweepMetric"/>.</summary>
public sealed record SweepMetricOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Sweep";

    /// <summary>x axis title (the swept parameter).</summary>
    public string XTitle { get; init; } = "parameter";

    /// <summary>y axis title (the metric).</summary>
    public string YTitle { get; init; } = "metric";

    /// <summary>Series names for the legend (default "series 0", …), e.g. "dales_law=true".</summary>
    public IReadOnlyList<string>? SeriesNames { get; init; }

    /// <summary>low[series][x]: lower ends of the intervals (e.g. a 95% t-interval over seeds); with <see cref="High"/>. NaN: no bar.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Low { get; init; }

    /// <summary>high[series][x]: upper ends of the intervals.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? High { get; init; }

    /// <summary>pointX[series][k]: x of each single run (e.g. every seed), drawn as small markers; with <see cref="PointY"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? PointX { get; init; }

    /// <summary>pointY[series][k]: the single runs' values.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? PointY { get; init; }

    /// <summary>x on a log axis (network sizes, learning rates). Default false.</summary>
    public bool LogX { get; init; }
}
