using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>How far apart two configurations are after the best translation, scaling and rotation (or reflection).</summary>
/// <param name="Disparity">Σ‖A − s B R‖² after centring both and scaling each to unit Frobenius norm, minimised over the
/// scale s and orthogonal R: 1 − (Σσᵢ)² with σ the singular values of AᵀB (the quantity SciPy's
/// <c>scipy.spatial.procrustes</c> returns). 0 for congruent configurations, 1 for unrelated ones.</param>
/// <param name="AngularDistance">arccos(Σσᵢ) in radians, the Procrustes shape metric of Williams et al. (2021), in [0, π/2].</param>
/// <param name="Dimensions">Number of columns compared (principal components for recordings).</param>
/// <param name="SampleCount">Number of samples (rows).</param>
public sealed record ProcrustesResult(double Disparity, double AngularDistance, int Dimensions, int SampleCount)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Procrustes disparity {Disparity:F4}, angular distance {AngularDistance:F4} rad ({Dimensions} dimensions, {SampleCount} samples)");
}

/// <summary>
/// Procrustes comparison of two trajectories or point clouds (Gower 1975), a companion to <see cref="Svcca"/>: unlike
/// CCA it allows only rotations, reflections and a global scale, so it also compares the relative sizes of the
/// dimensions. For recordings with different units the two populations are first reduced to the same number of
/// principal-component scores.
/// </summary>
public static class Procrustes
{
    /// <summary>Procrustes comparison of two samples × dimensions matrices of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ, a value is not finite, or a matrix has no variance.</exception>
    public static ProcrustesResult Compare(double[,] a, double[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"b is {b.GetLength(0)}×{b.GetLength(1)} but a is {a.GetLength(0)}×{a.GetLength(1)}; Procrustes compares configurations of the same shape (reduce recordings to the same number of components first).", nameof(b));
        int n = a.GetLength(0), k = a.GetLength(1);
        return FromCentered(n, k, CenteredSvd.CenterColumns(a, nameof(a)), CenteredSvd.CenterColumns(b, nameof(b)));
    }

    /// <summary>
    /// Procrustes comparison of the leading <paramref name="components"/> principal-component trajectories of two
    /// recordings with matching conditions and time axes (see <see cref="PopulationActivity.Align"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Mismatched recordings, components &lt; 1 or more than either population's units.</exception>
    public static ProcrustesResult Compare(Recording a, Recording b, int components = 5, IReadOnlyList<string>? conditionColumns = null)
    {
        var (ma, mb) = PopulationActivity.Align(a, b, conditionColumns);
        if (components < 1) throw new ArgumentException($"components must be ≥ 1, got {components}.", nameof(components));
        if (components > Math.Min(ma.GetLength(1), mb.GetLength(1)) || components > ma.GetLength(0))
            throw new ArgumentException($"components = {components} exceeds the units of a ({ma.GetLength(1)}) or b ({mb.GetLength(1)}) or the samples ({ma.GetLength(0)}).", nameof(components));
        var backend = NumericsBackend.Current;
        var sa = CenteredSvd.Of(ma, nameof(a), backend);
        var sb = CenteredSvd.Of(mb, nameof(b), backend);
        return FromCentered(sa.Samples, components, sa.Scores(components), sb.Scores(components));
    }

    /// <summary>Both inputs centred, n × k column-major.</summary>
    private static ProcrustesResult FromCentered(int n, int k, double[] a, double[] b)
    {
        static double Normalize(double[] x)
        {
            double norm = Math.Sqrt(x.Sum(v => v * v));
            if (norm > 0) for (int i = 0; i < x.Length; i++) x[i] /= norm;
            return norm;
        }
        if (Normalize(a) == 0) throw new ArgumentException("a has no variance.", nameof(a));
        if (Normalize(b) == 0) throw new ArgumentException("b has no variance.", nameof(b));
        var backend = NumericsBackend.Current;
        var m = new double[k * k];
        backend.Gemm(Transpose.Transpose, Transpose.None, k, k, n, 1.0, a, n, b, n, 0.0, m, k);
        var s = new double[k];
        backend.Svd(k, k, m, s, new double[k * k], new double[k * k]);
        double nuclear = Math.Clamp(s.Sum(), 0, 1);
        return new ProcrustesResult(Math.Max(0, 1 - nuclear * nuclear), Math.Acos(nuclear), k, n);
    }
}
