using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>
/// Singular vector canonical correlation analysis (Raghu et al. 2017): each representation (samples × units) is reduced
/// to its leading SVD directions — a fixed number, or enough to explain a variance fraction — and CCA between the
/// reduced representations gives canonical correlations whose mean over the top k is the similarity. Because CCA is
/// invariant to invertible linear maps, the similarity does not depend on which units carry the signal or how they mix
/// it; the SVD step discards low-variance directions that CCA would otherwise match to noise. On recordings the
/// samples are the time bins of every condition (<see cref="PopulationActivity"/>), so the comparison is between
/// population dynamics: model vs model, or model vs data.
/// </summary>
public static class Svcca
{
    /// <summary>SVCCA of two recordings with matching conditions and time axes.</summary>
    /// <exception cref="ArgumentException">The time axes or condition sets differ (see <see cref="PopulationActivity.Align"/>),
    /// an option is invalid, or a recording has no variance.</exception>
    public static SvccaResult Compare(Recording a, Recording b, SvccaOptions? options = null)
    {
        options ??= new SvccaOptions();
        options.Validate();
        var (ma, mb) = PopulationActivity.Align(a, b, options.ConditionColumns);
        return Compare(ma, mb, options);
    }

    /// <summary>SVCCA of two samples × units matrices with the same samples (rows).</summary>
    /// <exception cref="ArgumentException">The sample counts differ, a value is not finite, a matrix has no variance, or an option is invalid.</exception>
    public static SvccaResult Compare(double[,] a, double[,] b, SvccaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= new SvccaOptions();
        options.Validate();
        if (a.GetLength(0) != b.GetLength(0))
            throw new ArgumentException($"b has {b.GetLength(0)} samples (rows) but a has {a.GetLength(0)}; SVCCA needs the same samples in both.", nameof(b));
        var backend = NumericsBackend.Current;
        var sa = CenteredSvd.Of(a, nameof(a), backend);
        var sb = CenteredSvd.Of(b, nameof(b), backend);
        if (sa.Rank == 0) throw new ArgumentException("a has no variance (every unit is constant).", nameof(a));
        if (sb.Rank == 0) throw new ArgumentException("b has no variance (every unit is constant).", nameof(b));
        int ka = Kept(sa, options), kb = Kept(sb, options), n = sa.Samples;
        var qa = sa.Basis(ka);
        var qb = sb.Basis(kb);
        var rho = CenteredSvd.PrincipalCosines(n, qa, ka, qb, kb, backend);
        int top = Math.Min(options.TopK ?? rho.Length, rho.Length);
        SimilarityNull? baseline = options.Baseline switch
        {
            SimilarityBaseline.ShuffledTime => new SimilarityNull(options.Baseline, ShuffledTime(n, qa, ka, qb, kb, top, options, backend)),
            SimilarityBaseline.ShuffledUnits => new SimilarityNull(options.Baseline, ShuffledUnits(b, qa, ka, top, options, backend)),
            _ => null,
        };
        return new SvccaResult(rho, rho.Take(top).Average(), top, ka, kb, sa.CumulativeVariance(ka), sb.CumulativeVariance(kb), n, baseline);
    }

    private static int Kept(CenteredSvd svd, SvccaOptions options) =>
        options.Components is { } c ? Math.Min(c, svd.Rank) : Math.Max(1, svd.ComponentsFor(options.VarianceFraction));

    private static double[] ShuffledTime(int n, double[] qa, int ka, double[] qb, int kb, int top, SvccaOptions options, INumericsBackend backend)
    {
        // Permuting the rows of B permutes its left singular vectors the same way, so only the basis is shuffled.
        var rng = new Xoshiro256StarStar(options.Seed);
        var order = Enumerable.Range(0, n).ToArray();
        var shuffled = new double[qb.Length];
        var result = new double[options.BaselineRepeats];
        for (int r = 0; r < result.Length; r++)
        {
            rng.Shuffle(order);
            for (int k = 0; k < kb; k++)
                for (int i = 0; i < n; i++) shuffled[k * n + i] = qb[k * n + order[i]];
            result[r] = Top(CenteredSvd.PrincipalCosines(n, qa, ka, shuffled, kb, backend), top);
        }
        return result;
    }

    private static double[] ShuffledUnits(double[,] b, double[] qa, int ka, int top, SvccaOptions options, INumericsBackend backend)
    {
        var rng = new Xoshiro256StarStar(options.Seed);
        int n = b.GetLength(0), units = b.GetLength(1);
        var order = Enumerable.Range(0, n).ToArray();
        var shuffled = new double[n, units];
        var result = new double[options.BaselineRepeats];
        for (int r = 0; r < result.Length; r++)
        {
            for (int u = 0; u < units; u++)
            {
                rng.Shuffle(order);
                for (int i = 0; i < n; i++) shuffled[i, u] = b[order[i], u];
            }
            var sb = CenteredSvd.Of(shuffled, nameof(b), backend);
            int kb = Kept(sb, options);
            result[r] = Top(CenteredSvd.PrincipalCosines(n, qa, ka, sb.Basis(kb), kb, backend), top);
        }
        return result;
    }

    private static double Top(double[] rho, int top) => rho.Take(Math.Min(top, rho.Length)).Average();
}
