namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.EigenvalueSpectra"/> and <see cref="NeuroCharts.TimeConstants"/>.</summary>
public sealed record EigenvalueSpectraOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Eigenvalue spectra";

    /// <summary>Which stability boundary is drawn: the line Re = 0 (default) or the unit circle.</summary>
    public DynamicsKind Dynamics { get; init; } = DynamicsKind.ContinuousTime;

    /// <summary>Names of the spectra for the legend (default "spectrum 0", …).</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Marker size in px.</summary>
    public double MarkerSize { get; init; } = 7;

    /// <summary>Unit of the time constants' axis (e.g. "ms"). Default "time units".</summary>
    public string TimeUnit { get; init; } = "time units";
}
