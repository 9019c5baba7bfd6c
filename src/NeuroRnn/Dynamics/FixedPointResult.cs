using System.Globalization;

namespace NeuroRnn.Dynamics;

/// <summary>
/// What a <see cref="FixedPointFinder"/> search found: the unique fixed and slow points (fixed points first, then by
/// ascending q, then by start index — a stable order for a given seed) and what was discarded on the way.
/// </summary>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.FixedPointResultFormatterSource")]
public sealed class FixedPointResult
{
    internal FixedPointResult(IReadOnlyList<FixedPoint> points, double[] input, int startCount, int rejectedCount,
        int outlierCount, int duplicateCount, long iterationCount, TimeSpan elapsed, FixedPointOptions options)
    {
        IterationCount = iterationCount;
        Points = points;
        Input = input;
        StartCount = startCount;
        RejectedCount = rejectedCount;
        OutlierCount = outlierCount;
        DuplicateCount = duplicateCount;
        Elapsed = elapsed;
        Options = options;
    }

    /// <summary>The unique points kept.</summary>
    public IReadOnlyList<FixedPoint> Points { get; }

    /// <summary>The fixed points (q ≤ FixedPointTolerance) among <see cref="Points"/>.</summary>
    public IReadOnlyList<FixedPoint> FixedPoints => Points.Where(p => p.Kind == FixedPointKind.Fixed).ToArray();

    /// <summary>The slow points among <see cref="Points"/>.</summary>
    public IReadOnlyList<FixedPoint> SlowPoints => Points.Where(p => p.Kind == FixedPointKind.Slow).ToArray();

    /// <summary>The constant input of the search.</summary>
    public double[] Input { get; }

    /// <summary>Number of starts searched from.</summary>
    public int StartCount { get; }

    /// <summary>Searches that ended with q above SlowPointTolerance (or a non-finite state).</summary>
    public int RejectedCount { get; }

    /// <summary>Points dropped because they lie far from the trajectories.</summary>
    public int OutlierCount { get; }

    /// <summary>Points dropped as duplicates of a kept point (closer than UniqueDistance).</summary>
    public int DuplicateCount { get; }

    /// <summary>Levenberg–Marquardt iterations summed over all starts (kept or not).</summary>
    public long IterationCount { get; }

    /// <summary>Wall-clock time of the search.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The options used.</summary>
    public FixedPointOptions Options { get; }

    /// <summary>The states as a points × units array (e.g. to project onto principal components).</summary>
    public double[,] States()
    {
        int n = Points.Count == 0 ? 0 : Points[0].State.Length;
        var result = new double[Points.Count, n];
        for (int p = 0; p < Points.Count; p++)
            for (int i = 0; i < n; i++) result[p, i] = Points[p].State[i];
        return result;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        int fixedCount = Points.Count(p => p.Kind == FixedPointKind.Fixed);
        string range = Points.Count == 0 ? "" : string.Create(ci, $", q {Points.Min(p => p.Q):G2} … {Points.Max(p => p.Q):G2}");
        return string.Create(ci,
            $"{Points.Count} points ({fixedCount} fixed, {Points.Count - fixedCount} slow{range}) from {StartCount} starts; dropped {DuplicateCount} duplicates, {OutlierCount} outliers, {RejectedCount} above q = {Options.SlowPointTolerance:G2}; {Elapsed.TotalSeconds:0.00} s");
    }
}
