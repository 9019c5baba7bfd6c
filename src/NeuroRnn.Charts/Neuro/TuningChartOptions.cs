namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.TuningCurves"/> and <see cref="NeuroCharts.PolarTuningCurves"/>.</summary>
public sealed record TuningChartOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Tuning curves";

    /// <summary>Unit names for the legend (default "unit 0", "unit 1", …).</summary>
    public IReadOnlyList<string>? UnitNames { get; init; }

    /// <summary>Stimulus axis title.</summary>
    public string StimulusTitle { get; init; } = "orientation (deg)";

    /// <summary>Response axis title.</summary>
    public string ResponseTitle { get; init; } = "response";

    /// <summary>Legend suffix of recorded data.</summary>
    public string DataLabel { get; init; } = "data";

    /// <summary>Legend suffix of model curves.</summary>
    public string ModelLabel { get; init; } = "model";

    /// <summary>Polar only: the part of the circle drawn in degrees, e.g. (0, 180) for orientations; null = full circle (curves are closed).</summary>
    public (double Start, double End)? Sector { get; init; }
}
