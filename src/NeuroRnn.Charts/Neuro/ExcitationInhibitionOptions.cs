namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.ExcitationInhibitionCurrents"/> and <see cref="NeuroCharts.ExcitationInhibitionBalance"/>.</summary>
public sealed record ExcitationInhibitionOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Excitatory and inhibitory input";

    /// <summary>Title of the time axis (time-course chart).</summary>
    public string TimeTitle { get; init; } = "time (ms)";

    /// <summary>Title of the current axis.</summary>
    public string CurrentTitle { get; init; } = "input current";

    /// <summary>Names of groups 0, 1, … of the balance scatter (e.g. "E units", "I units").</summary>
    public IReadOnlyList<string>? GroupNames { get; init; }
}
