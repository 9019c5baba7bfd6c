namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.FractionCurves"/>.</summary>
public sealed record FractionCurveOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Similarity against sampled fraction";

    /// <summary>Series names (default "series 0", …).</summary>
    public IReadOnlyList<string>? SeriesNames { get; init; }

    /// <summary>spread[series][point]: error-bar half-widths (e.g. standard deviations over seeds); null = none.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Spread { get; init; }

    /// <summary>Per series, an optional value drawn as a dashed horizontal line in the series' colour (e.g. the output-only result); NaN = none.</summary>
    public IReadOnlyList<double>? Baselines { get; init; }

    /// <summary>Labelled horizontal reference lines drawn in grey (e.g. a ceiling or a criterion).</summary>
    public IReadOnlyList<(string Label, double Value)>? References { get; init; }

    /// <summary>x axis title.</summary>
    public string FractionTitle { get; init; } = "sampled units (% of the circuit)";

    /// <summary>y axis title.</summary>
    public string ValueTitle { get; init; } = "SVCCA";

    /// <summary>Logarithmic x axis (default true: fractions span 1–100 %).</summary>
    public bool LogFraction { get; init; } = true;
}
