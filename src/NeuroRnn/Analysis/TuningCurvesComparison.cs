using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>One unit's tuning in two recordings (e.g. data and a fitted model) side by side.</summary>
/// <param name="UnitIndex">The unit's row.</param>
/// <param name="UnitId">The unit's id.</param>
/// <param name="First">Fit to the first recording.</param>
/// <param name="Second">Fit to the second recording.</param>
/// <param name="FirstOsi">OSI in the first recording.</param>
/// <param name="SecondOsi">OSI in the second recording.</param>
/// <param name="PreferredOrientationDifferenceDeg">Second − first preferred orientation, wrapped to (−90, 90].</param>
public sealed record UnitTuningComparison(int UnitIndex, string UnitId, VonMisesFit First, VonMisesFit Second, double FirstOsi, double SecondOsi,
    double PreferredOrientationDifferenceDeg);

/// <summary>Compares tuning between two recordings of the same units (data vs model, session vs session).</summary>
public static class TuningComparison
{
    /// <summary>The circular difference <paramref name="secondDeg"/> − <paramref name="firstDeg"/> of two orientations, wrapped to (−90, 90].</summary>
    public static double OrientationDifferenceDeg(double firstDeg, double secondDeg)
    {
        double d = OrientationSelectivity.Mod(secondDeg - firstDeg, 180);
        return d > 90 ? d - 180 : d;
    }

    /// <summary>Per-pair preferred-orientation differences (second − first, in (−90, 90]).</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double[] PreferredOrientationDifferences(IReadOnlyList<VonMisesFit> first, IReadOnlyList<VonMisesFit> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count) throw new ArgumentException($"{first.Count} fits vs {second.Count} fits.", nameof(second));
        return first.Zip(second, (a, b) => OrientationDifferenceDeg(a.PreferredOrientationDeg, b.PreferredOrientationDeg)).ToArray();
    }

    /// <summary>
    /// Computes tuning curves and von Mises fits of every unit in both recordings (same units, in the same order) and
    /// returns them side by side with the preferred-orientation difference.
    /// </summary>
    /// <exception cref="ArgumentException">The recordings have different numbers of units.</exception>
    public static UnitTuningComparison[] Compare(Recording first, Recording second, TuningCurveOptions? options = null, VonMisesFitOptions? fitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.UnitCount != second.UnitCount) throw new ArgumentException($"{first.UnitCount} units vs {second.UnitCount} units.", nameof(second));
        var a = TuningCurves.Compute(first, options);
        var b = TuningCurves.Compute(second, options);
        var result = new UnitTuningComparison[a.Length];
        for (int u = 0; u < a.Length; u++)
        {
            var fa = VonMisesFitter.Fit(a[u], fitOptions);
            var fb = VonMisesFitter.Fit(b[u], fitOptions);
            result[u] = new UnitTuningComparison(u, a[u].UnitId, fa, fb, OrientationSelectivity.Osi(a[u]), OrientationSelectivity.Osi(b[u]),
                OrientationDifferenceDeg(fa.PreferredOrientationDeg, fb.PreferredOrientationDeg));
        }
        return result;
    }
}
