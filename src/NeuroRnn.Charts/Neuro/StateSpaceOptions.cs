namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.StateSpace2D"/> and <see cref="NeuroCharts.StateSpace3D"/>.</summary>
public sealed record StateSpaceOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "State-space trajectories";

    /// <summary>Names of conditions 0, 1, … for the legend (default "condition 0", …).</summary>
    public IReadOnlyList<string>? ConditionNames { get; init; }

    /// <summary>Axis titles, one per drawn dimension (default "PC 1", "PC 2", "PC 3").</summary>
    public IReadOnlyList<string>? AxisTitles { get; init; }

    /// <summary>Fixed points to overlay: rows are points, columns the same coordinates as the trajectories (at least the drawn ones).</summary>
    public double[,]? FixedPoints { get; init; }

    /// <summary>Stability of each fixed point: stable ones are filled, unstable ones open. Default: all stable.</summary>
    public IReadOnlyList<bool>? FixedPointStable { get; init; }

    /// <summary>Line width of trajectories.</summary>
    public double LineWidth { get; init; } = 2;
}
