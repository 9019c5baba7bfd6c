namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.FixedPointMap"/>.</summary>
public sealed record FixedPointMapOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Fixed and slow points";

    /// <summary>Names of groups 0, 1, … (e.g. contexts) for the legend; default "group 0", ….</summary>
    public IReadOnlyList<string>? GroupNames { get; init; }

    /// <summary>Axis titles of the two drawn dimensions (default "PC 1", "PC 2").</summary>
    public IReadOnlyList<string>? AxisTitles { get; init; }

    /// <summary>Stability of each point: stable ones are filled, unstable ones open. Default: all stable.</summary>
    public IReadOnlyList<bool>? PointStable { get; init; }

    /// <summary>
    /// Optional slow direction of each point (rows = points, same coordinates as the points, e.g. the right eigenvector of
    /// the slowest mode projected into the drawn space), drawn as a short segment centred on the point.
    /// </summary>
    public double[,]? SlowDirections { get; init; }

    /// <summary>Length of each slow-direction segment in axis units; null: 6 % of the larger axis range.</summary>
    public double? DirectionLength { get; init; }

    /// <summary>Opacity of the trajectories, so the points stay visible on top. Default 0.45.</summary>
    public double TrajectoryOpacity { get; init; } = 0.45;
}
