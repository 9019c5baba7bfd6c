namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.TdrTrajectories"/>.</summary>
public sealed record TdrTrajectoryOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Trajectories in the task subspace";

    /// <summary>Panels per row (default: 2, or 1 for a single panel).</summary>
    public int? Columns { get; init; }

    /// <summary>What the colour encodes, for the legend (e.g. "motion coherence"). Default "coherence".</summary>
    public string CoherenceName { get; init; } = "coherence";

    /// <summary>Draw a marker every this many time points (the line connects all). Default 1.</summary>
    public int MarkerEvery { get; init; } = 1;

    /// <summary>Height of one row of panels in px. Default 380.</summary>
    public double RowHeight { get; init; } = 380;
}
