namespace NeuroRnn.Analysis;

/// <summary>Options of <see cref="VonMisesFitter"/>.</summary>
public sealed record VonMisesFitOptions
{
    /// <summary>Maximum Levenberg–Marquardt iterations (default 200).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when the relative decrease of the squared error falls below this (default 1e-12).</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Bounds of κ (default 0.01 … 50); κ is fitted on a log scale so it stays positive.</summary>
    public double MinKappa { get; init; } = 0.01;

    /// <summary>Upper bound of κ.</summary>
    public double MaxKappa { get; init; } = 50;
}
