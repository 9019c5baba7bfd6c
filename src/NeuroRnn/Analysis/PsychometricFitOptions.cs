namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="PsychometricFitter"/>.</summary>
public sealed record PsychometricFitOptions
{
    /// <summary>The sigmoid. Default logistic.</summary>
    public PsychometricFunction Function { get; init; } = PsychometricFunction.Logistic;

    /// <summary>Fit the lower lapse rate γ (guess rate); false fixes it at 0. Default true.</summary>
    public bool FitLowerLapse { get; init; } = true;

    /// <summary>Fit the upper lapse rate λ; false fixes it at 0. Default true.</summary>
    public bool FitUpperLapse { get; init; } = true;

    /// <summary>Upper bound of each lapse rate, in (0, 0.5). Default 0.25.</summary>
    public double MaxLapse { get; init; } = 0.25;

    /// <summary>How the data are resampled for the confidence intervals. Default parametric.</summary>
    public PsychometricBootstrap Bootstrap { get; init; } = PsychometricBootstrap.Parametric;

    /// <summary>Bootstrap fits for the confidence intervals (≥ 0; 0 skips them). Default 1000.</summary>
    public int BootstrapCount { get; init; } = 1000;

    /// <summary>Coverage of the percentile confidence intervals, in (0, 1). Default 0.95.</summary>
    public double IntervalLevel { get; init; } = 0.95;

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Maximum iterations of each maximum-likelihood search (positive). Default 200.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Function)) throw Bad(nameof(Function), $"has the undefined value {(int)Function}");
        if (!Enum.IsDefined(Bootstrap)) throw Bad(nameof(Bootstrap), $"has the undefined value {(int)Bootstrap}");
        if (!(MaxLapse > 0 && MaxLapse < 0.5)) throw Bad(nameof(MaxLapse), $"must be in (0, 0.5), got {MaxLapse}");
        if (BootstrapCount < 0) throw Bad(nameof(BootstrapCount), $"must be ≥ 0, got {BootstrapCount}");
        if (!(IntervalLevel > 0 && IntervalLevel < 1)) throw Bad(nameof(IntervalLevel), $"must be in (0, 1), got {IntervalLevel}");
        if (MaxIterations <= 0) throw Bad(nameof(MaxIterations), $"must be positive, got {MaxIterations}");
    }

    private static ArgumentException Bad(string property, string problem) => new($"PsychometricFitOptions.{property} {problem}.", property);
}
