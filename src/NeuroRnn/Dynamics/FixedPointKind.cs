namespace NeuroRnn.Dynamics;

/// <summary>What a minimum of q(x) = ½‖F(x)‖² found by <see cref="FixedPointFinder"/> is.</summary>
public enum FixedPointKind
{
    /// <summary>q ≤ <see cref="FixedPointOptions.FixedPointTolerance"/>: F(x) = 0 up to rounding.</summary>
    Fixed,
    /// <summary>
    /// <see cref="FixedPointOptions.FixedPointTolerance"/> &lt; q ≤ <see cref="FixedPointOptions.SlowPointTolerance"/>: the
    /// state moves, but slowly (a local minimum of q, or a point where the search stopped).
    /// </summary>
    Slow,
}
