namespace NeuroRnn.Charts;

/// <summary>Options of <see cref="NeuroCharts.PsychometricCurves"/>.</summary>
public sealed record PsychometricOptions
{
    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Psychometric curves";

    /// <summary>Context names (default "context 0", …).</summary>
    public IReadOnlyList<string>? ContextNames { get; init; }

    /// <summary>trials[context][coherence]: trial counts; when given, binomial standard errors √(p(1−p)/n) are drawn.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? TrialCounts { get; init; }

    /// <summary>Fitted curves, one function of coherence per context (e.g. a logistic fit), drawn as lines; null = none.</summary>
    public IReadOnlyList<Func<double, double>>? Fits { get; init; }

    /// <summary>
    /// Lower and upper edges of a confidence band around each fit (e.g. pointwise bootstrap percentiles), one function per
    /// context each, drawn as a shaded band; both or neither, and only with <see cref="Fits"/>.
    /// </summary>
    public IReadOnlyList<Func<double, double>>? FitLower { get; init; }

    /// <summary>Upper edges of the confidence bands (see <see cref="FitLower"/>).</summary>
    public IReadOnlyList<Func<double, double>>? FitUpper { get; init; }

    /// <summary>Points at which each fit is evaluated across the coherence range (default 101).</summary>
    public int FitPoints { get; init; } = 101;

    /// <summary>x axis title.</summary>
    public string CoherenceTitle { get; init; } = "coherence";

    /// <summary>y axis title.</summary>
    public string ChoiceTitle { get; init; } = "P(choice = right)";
}
