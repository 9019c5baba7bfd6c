namespace NeuroRnn.Dynamics;

/// <summary>
/// Options of <see cref="FixedPointFinder"/>. q = ½‖F(x)‖² is in (state units per time unit)², with time in the units
/// of the model's τ (ms for the shipped tasks), so a tolerance q corresponds to the speed √(2q).
/// </summary>
public sealed record FixedPointOptions
{
    /// <summary>Number of initial states drawn (with replacement) from the trajectory's states. Default 256.</summary>
    public int StartCount { get; init; } = 256;

    /// <summary>Standard deviation of Gaussian noise added to every coordinate of each drawn start (≥ 0). Default 0.</summary>
    public double StartNoiseStd { get; init; }

    /// <summary>
    /// Trials of the trajectory (or recording) the starts are drawn from; null (default) = all. Use it to restrict the
    /// starts to the trials of one condition, e.g. one context.
    /// </summary>
    public IReadOnlyList<int>? Trials { get; init; }

    /// <summary>Seed of the start sampling and noise: the same seed gives the same points in the same order.</summary>
    public int Seed { get; init; }

    /// <summary>Maximum Levenberg–Marquardt iterations per start (positive). Default 200.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>q at or below which a point is a fixed point, and the search from its start stops (≥ 0). Default 1e-20 (speed ≤ 1.4e-10).</summary>
    public double FixedPointTolerance { get; init; } = 1e-20;

    /// <summary>
    /// q at or below which a point that is not a fixed point is kept as a slow point (≥ <see cref="FixedPointTolerance"/>);
    /// points with larger q are discarded. Default 1e-6 (speed ≤ 1.4e-3 per time unit: with τ = 10 ms, about one
    /// state unit over a 750 ms trial, a few hundred times slower than a state change of order one per τ).
    /// </summary>
    public double SlowPointTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Stop the search from a start as soon as q ≤ <see cref="SlowPointTolerance"/> (Sussillo &amp; Barak's practice for
    /// approximate line attractors: the slow points then sample the whole line instead of converging onto its few exact
    /// fixed points). Default false: search on to a fixed point or a local minimum of q.
    /// </summary>
    public bool StopAtSlowPoints { get; init; }

    /// <summary>Points closer than this (Euclidean, state units) count as one; the one with the smaller q is kept (≥ 0). Default 1e-3.</summary>
    public double UniqueDistance { get; init; } = 1e-3;

    /// <summary>
    /// Points farther from the centroid of the trajectory's states than this many times the states' RMS distance to
    /// that centroid are dropped as outliers (positive). Null disables the check. Default 10.
    /// </summary>
    public double? OutlierDistanceScale { get; init; } = 10;

    /// <summary>
    /// The search from a start also stops when a step is shorter than this times (‖x‖ + this), i.e. it has stalled
    /// at a local minimum of q (positive). Default 1e-13.
    /// </summary>
    public double StepTolerance { get; init; } = 1e-13;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option and its value.</summary>
    public void Validate()
    {
        if (StartCount <= 0) throw Bad(nameof(StartCount), $"must be positive, got {StartCount}");
        if (!double.IsFinite(StartNoiseStd) || StartNoiseStd < 0) throw Bad(nameof(StartNoiseStd), $"must be ≥ 0 and finite, got {StartNoiseStd}");
        if (MaxIterations <= 0) throw Bad(nameof(MaxIterations), $"must be positive, got {MaxIterations}");
        if (!(FixedPointTolerance >= 0) || double.IsInfinity(FixedPointTolerance)) throw Bad(nameof(FixedPointTolerance), $"must be ≥ 0 and finite, got {FixedPointTolerance}");
        if (!(SlowPointTolerance >= FixedPointTolerance) || double.IsInfinity(SlowPointTolerance))
            throw Bad(nameof(SlowPointTolerance), $"must be finite and ≥ FixedPointTolerance ({FixedPointTolerance}), got {SlowPointTolerance}");
        if (!(UniqueDistance >= 0) || double.IsInfinity(UniqueDistance)) throw Bad(nameof(UniqueDistance), $"must be ≥ 0 and finite, got {UniqueDistance}");
        if (OutlierDistanceScale is { } scale && !(scale > 0)) throw Bad(nameof(OutlierDistanceScale), $"must be positive (or null to disable), got {scale}");
        if (!(StepTolerance > 0) || double.IsInfinity(StepTolerance)) throw Bad(nameof(StepTolerance), $"must be positive and finite, got {StepTolerance}");
    }

    private static ArgumentException Bad(string property, string problem) => new($"FixedPointOptions.{property} {problem}.", property);
}
