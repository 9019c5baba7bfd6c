namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.ActivityHeatmap"/>.</summary>
public sealed record ActivityHeatmapOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Population activity";

    /// <summary>Time of each column (default 0, 1, …).</summary>
    public IReadOnlyList<double>? Time { get; init; }

    /// <summary>Sort units by the time of their peak activity (earliest at the top). Ignored when <see cref="Order"/> is set.</summary>
    public bool SortByPeakTime { get; init; }

    /// <summary>Explicit unit order: Order[k] is the unit drawn in row k (a permutation of 0 … units − 1).</summary>
    public IReadOnlyList<int>? Order { get; init; }

    /// <summary>Colour scale (default Viridis).</summary>
    public ColorScale ColorScale { get; init; } = ColorScale.Viridis;

    /// <summary>Colour bar title.</summary>
    public string ColorBarTitle { get; init; } = "rate";

    /// <summary>x axis title.</summary>
    public string TimeTitle { get; init; } = "time step";

    /// <summary>y axis title.</summary>
    public string UnitTitle { get; init; } = "unit";
}
