namespace NeuroRnn.Charts;

/// <summary>
/// One panel of <see cref="NeuroCharts.TdrTrajectories"/>: condition-averaged trajectories projected onto two task axes
/// (e.g. choice against motion in the motion context), each labelled by its signed coherence and its choice.
/// </summary>
public sealed record TdrPanel
{
    /// <summary>Panel title (e.g. "motion context: choice × motion").</summary>
    public string Title { get; init; } = "";

    /// <summary>Titles of the x and y axes (e.g. "choice", "motion"); default "axis 1", "axis 2".</summary>
    public IReadOnlyList<string>? AxisTitles { get; init; }

    /// <summary>One time × 2 matrix per condition: its projections onto the x and y axes.</summary>
    public IReadOnlyList<double[,]> Trajectories { get; init; } = [];

    /// <summary>Signed coherence of each trajectory's condition (colour).</summary>
    public IReadOnlyList<double> Coherence { get; init; } = [];

    /// <summary>Choice of each trajectory's condition: +1 (filled markers), −1 (open markers).</summary>
    public IReadOnlyList<double> Choice { get; init; } = [];
}
