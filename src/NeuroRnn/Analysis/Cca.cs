using NeuroRnn.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>
/// Canonical correlation analysis of two sets of variables observed on the same samples.
/// </summary>
/// <param name="Correlations">Canonical correlations ρ₁ ≥ ρ₂ ≥ … in [0, 1], min(RankX, RankY) of them.</param>
/// <param name="RankX">Numerical rank of the centred x (collinear or constant features do not count).</param>
/// <param name="RankY">Numerical rank of the centred y.</param>
/// <param name="SampleCount">Number of samples n.</param>
/// <param name="WeightsX">p × k canonical weights: the centred x times column j is the j-th canonical variate of x, with unit variance.</param>
/// <param name="WeightsY">q × k canonical weights of y.</param>
public sealed record CcaResult(double[] Correlations, int RankX, int RankY, int SampleCount, double[,] WeightsX, double[,] WeightsY)
{
    /// <summary>The mean of the first <paramref name="k"/> canonical correlations (all when k exceeds their number).</summary>
    /// <exception cref="ArgumentException">k is not positive or there is no correlation.</exception>
    public double Mean(int k)
    {
        if (k < 1) throw new ArgumentException($"k must be ≥ 1, got {k}.", nameof(k));
        if (Correlations.Length == 0) throw new ArgumentException("There are no canonical correlations (one of the inputs has rank 0).", nameof(k));
        int m = Math.Min(k, Correlations.Length);
        return Correlations.Take(m).Average();
    }
}

/// <summary>
/// Canonical correlation analysis (Hotelling 1936) computed as in Björck &amp; Golub (1973): centre both matrices, take
/// orthonormal bases Qx, Qy of their column spaces from thin SVDs on the numerics back-end (dropping numerically null
/// directions, so rank-deficient inputs are handled), and read the canonical correlations off the singular values of
/// Qxᵀ Qy. Exact for exactly related inputs (a signal and any invertible linear map of it give correlations of 1 to
/// rounding), and free of the squared condition number of covariance-matrix formulations.
/// </summary>
/// <remarks>
/// With n samples, CCA of p and q unrelated variables still finds large correlations when p + q approaches n: for
/// independent Gaussian data E[Σᵢ ρᵢ²] = p·q / (n − 1) and the largest ρ² concentrates near the upper edge of the
/// Wachter distribution. Keep p + q well below n, or reduce the dimension first (<see cref="Svcca"/>).
/// </remarks>
public static class Cca
{
    /// <summary>CCA of <paramref name="x"/> (samples × p) and <paramref name="y"/> (samples × q).</summary>
    /// <exception cref="ArgumentException">The sample counts differ, fewer than two samples, a non-finite value, or an
    /// input without variance (the message names the argument).</exception>
    public static CcaResult Fit(double[,] x, double[,] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.GetLength(0) != y.GetLength(0))
            throw new ArgumentException($"y has {y.GetLength(0)} samples (rows) but x has {x.GetLength(0)}; CCA needs the same samples in both.", nameof(y));
        var backend = NumericsBackend.Current;
        var sx = CenteredSvd.Of(x, nameof(x), backend);
        var sy = CenteredSvd.Of(y, nameof(y), backend);
        if (sx.Rank == 0) throw new ArgumentException("x has no variance (every column is constant).", nameof(x));
        if (sy.Rank == 0) throw new ArgumentException("y has no variance (every column is constant).", nameof(y));
        int n = sx.Samples, rx = sx.Rank, ry = sy.Rank, k = Math.Min(rx, ry);
        var left = new double[rx * k];
        var rightT = new double[k * ry];
        var rho = CenteredSvd.PrincipalCosines(n, sx.Basis(rx), rx, sy.Basis(ry), ry, backend, left, rightT);
        return new CcaResult(rho, rx, ry, n, Weights(sx, left, rx, k, transposed: false), Weights(sy, rightT, ry, k, transposed: true));
    }

    /// <summary>
    /// W = V_r diag(1/s_r) A √(n − 1): with centred X = U S Vᵀ, X W = U_r A √(n − 1), whose columns have unit variance.
    /// A is the rank × k rotation (column-major, or its transpose stored k × rank when <paramref name="transposed"/>).
    /// </summary>
    private static double[,] Weights(CenteredSvd svd, double[] rotation, int rank, int k, bool transposed)
    {
        int p = svd.Features, r = svd.SingularValues.Length;
        double scale = Math.Sqrt(svd.Samples - 1);
        var w = new double[p, k];
        for (int f = 0; f < p; f++)
            for (int j = 0; j < k; j++)
            {
                double sum = 0;
                for (int i = 0; i < rank; i++)
                {
                    double a = transposed ? rotation[j + i * k] : rotation[i + j * rank];
                    sum += svd.Vt[i + f * r] / svd.SingularValues[i] * a;
                }
                w[f, j] = sum * scale;
            }
        return w;
    }
}
