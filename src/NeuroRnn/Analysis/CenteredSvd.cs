using NeuroRnn.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>
/// The thin SVD of a column-centred samples × features matrix on the numerics back-end, with its numerical rank: the
/// shared first step of CCA, SVCCA and the Procrustes comparison.
/// </summary>
internal sealed class CenteredSvd
{
    private CenteredSvd(int samples, int features, double[] u, double[] singularValues, double[] vt, int rank)
    {
        Samples = samples;
        Features = features;
        U = u;
        SingularValues = singularValues;
        Vt = vt;
        Rank = rank;
    }

    public int Samples { get; }
    public int Features { get; }

    /// <summary>Left singular vectors, samples × min(samples, features), column-major.</summary>
    public double[] U { get; }

    /// <summary>Singular values, descending.</summary>
    public double[] SingularValues { get; }

    /// <summary>Vᵀ, min(samples, features) × features, column-major.</summary>
    public double[] Vt { get; }

    /// <summary>
    /// Numerical rank: singular values above s₀ · max(samples, features) · ε (the convention of LAPACK-based rank
    /// estimates), so exactly collinear or constant features do not count.
    /// </summary>
    public int Rank { get; }

    /// <summary>Σ s², the total variance times (samples − 1).</summary>
    public double TotalSquares => SingularValues.Sum(s => s * s);

    /// <summary>Centres the columns of <paramref name="matrix"/> (samples × features) and decomposes it.</summary>
    /// <exception cref="ArgumentException">Fewer than two samples, no features, or a non-finite value (named by <paramref name="argument"/>).</exception>
    public static CenteredSvd Of(double[,] matrix, string argument, INumericsBackend? backend = null)
    {
        var a = CenterColumns(matrix, argument);
        return OfCentered(matrix.GetLength(0), matrix.GetLength(1), a, backend);
    }

    /// <summary>The column-centred copy of <paramref name="matrix"/> (samples × features), column-major.</summary>
    /// <exception cref="ArgumentException">Fewer than two samples, no features, or a non-finite value (named by <paramref name="argument"/>).</exception>
    public static double[] CenterColumns(double[,] matrix, string argument)
    {
        ArgumentNullException.ThrowIfNull(matrix, argument);
        int n = matrix.GetLength(0), p = matrix.GetLength(1);
        if (n < 2) throw new ArgumentException($"{argument} has {n} sample(s) (rows); at least two are needed.", argument);
        if (p < 1) throw new ArgumentException($"{argument} has no features (columns).", argument);
        var a = new double[n * p];
        for (int j = 0; j < p; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                double v = matrix[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException($"{argument}[{i}, {j}] is {v}; the activity must be finite.", argument);
                mean += v;
            }
            mean /= n;
            for (int i = 0; i < n; i++) a[j * n + i] = matrix[i, j] - mean;
        }
        return a;
    }

    /// <summary>Decomposes an already centred column-major n × p matrix (not modified).</summary>
    public static CenteredSvd OfCentered(int n, int p, double[] centered, INumericsBackend? backend = null)
    {
        int r = Math.Min(n, p);
        var s = new double[r];
        var u = new double[n * r];
        var vt = new double[r * p];
        (backend ?? NumericsBackend.Current).Svd(n, p, centered, s, u, vt);
        double tolerance = (r > 0 ? s[0] : 0) * Math.Max(n, p) * 2.220446049250313e-16;
        int rank = 0;
        while (rank < r && s[rank] > tolerance && s[rank] > 0) rank++;
        return new CenteredSvd(n, p, u, s, vt, rank);
    }

    /// <summary>The number of leading components whose squared singular values reach <paramref name="fraction"/> of the total (at most the rank).</summary>
    public int ComponentsFor(double fraction)
    {
        double total = TotalSquares, sum = 0;
        if (total <= 0) return 0;
        for (int k = 0; k < Rank; k++)
        {
            sum += SingularValues[k] * SingularValues[k];
            if (sum >= fraction * total * (1 - 1e-12)) return k + 1;
        }
        return Rank;
    }

    /// <summary>The fraction of the total variance in each leading component, cumulative, for the first <paramref name="count"/>.</summary>
    public double[] CumulativeVariance(int count)
    {
        double total = TotalSquares, sum = 0;
        var result = new double[Math.Min(count, SingularValues.Length)];
        for (int k = 0; k < result.Length; k++)
        {
            sum += SingularValues[k] * SingularValues[k];
            result[k] = total > 0 ? sum / total : double.NaN;
        }
        return result;
    }

    /// <summary>The first <paramref name="count"/> columns of U (an orthonormal basis of the leading sample-space directions).</summary>
    public double[] Basis(int count) => U.AsSpan(0, Samples * count).ToArray();

    /// <summary>The leading <paramref name="count"/> principal-component scores U·diag(s), samples × count, column-major.</summary>
    public double[] Scores(int count)
    {
        var result = Basis(count);
        for (int k = 0; k < count; k++)
            for (int i = 0; i < Samples; i++) result[k * Samples + i] *= SingularValues[k];
        return result;
    }

    /// <summary>Singular values of Qaᵀ Qb for orthonormal n × ka and n × kb bases (column-major): the canonical correlations, clamped to [0, 1].</summary>
    public static double[] PrincipalCosines(int n, double[] qa, int ka, double[] qb, int kb, INumericsBackend? backend = null,
        double[]? leftVectors = null, double[]? rightVectorsT = null)
    {
        backend ??= NumericsBackend.Current;
        int r = Math.Min(ka, kb);
        if (r == 0) return [];
        var m = new double[ka * kb];
        backend.Gemm(Transpose.Transpose, Transpose.None, ka, kb, n, 1.0, qa, n, qb, n, 0.0, m, ka);
        var s = new double[r];
        var u = leftVectors ?? new double[ka * r];
        var vt = rightVectorsT ?? new double[r * kb];
        backend.Svd(ka, kb, m, s, u, vt);
        for (int i = 0; i < r; i++) s[i] = Math.Clamp(s[i], 0, 1);
        return s;
    }
}
