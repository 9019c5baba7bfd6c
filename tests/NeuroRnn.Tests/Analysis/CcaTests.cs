using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Analysis;

namespace NeuroRnn.Tests.Analysis;

public class CcaTests
{
    internal static double[,] Gaussian(int rows, int columns, int seed)
    {
        var random = new SeededRandom(seed);
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) m[i, j] = random.NextGaussian();
        return m;
    }

    internal static double[,] Multiply(double[,] a, double[,] b)
    {
        var r = Matrix<double>.Build.DenseOfArray(a) * Matrix<double>.Build.DenseOfArray(b);
        return r.ToArray();
    }

    internal static double[,] RandomRotation(int n, int seed) =>
        Matrix<double>.Build.DenseOfArray(Gaussian(n, n, seed)).QR().Q.ToArray();

    [Fact]
    public void A_signal_and_a_random_rotation_of_itself_are_perfectly_correlated()
    {
        // A smooth, low-dimensional signal in 30 units: 400 samples of 5 latent sinusoids mixed at random.
        var latent = new double[400, 5];
        for (int i = 0; i < 400; i++)
            for (int k = 0; k < 5; k++) latent[i, k] = Math.Sin(0.01 * (k + 1) * i + k) + 0.1 * k * Math.Cos(0.003 * i);
        var x = Multiply(latent, Gaussian(5, 30, 1));
        var y = Multiply(x, RandomRotation(30, 2));
        var result = Cca.Fit(x, y);
        Assert.Equal(5, result.RankX); // 30 units carry 5 dimensions: the null directions are dropped
        Assert.Equal(5, result.RankY);
        Assert.Equal(5, result.Correlations.Length);
        Assert.All(result.Correlations, r => Assert.Equal(1.0, r, 1e-10));

        // Full-rank data and a rotation of all of it.
        var full = Gaussian(300, 12, 3);
        var rotated = Cca.Fit(full, Multiply(full, RandomRotation(12, 4)));
        Assert.Equal(12, rotated.Correlations.Length);
        Assert.All(rotated.Correlations, r => Assert.Equal(1.0, r, 1e-10));
    }

    [Fact]
    public void Correlations_match_the_covariance_formula_and_the_weights_give_the_canonical_variates()
    {
        // Two views sharing two latent signals with known strengths, plus private noise.
        int n = 5000;
        var shared = Gaussian(n, 2, 10);
        var x = Gaussian(n, 4, 11);
        var y = Gaussian(n, 3, 12);
        for (int i = 0; i < n; i++)
        {
            x[i, 0] += 2 * shared[i, 0];
            x[i, 1] += 0.5 * shared[i, 1];
            y[i, 2] += 2 * shared[i, 0];
            y[i, 0] += 0.5 * shared[i, 1];
        }
        var result = Cca.Fit(x, y);
        // Independent reference: singular values of Σxx^{-1/2} Σxy Σyy^{-1/2} from sample covariances.
        var mx = Matrix<double>.Build.DenseOfArray(x);
        var my = Matrix<double>.Build.DenseOfArray(y);
        Matrix<double> Center(Matrix<double> m) => m - Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (i, j) => m.Column(j).Average());
        var cx = Center(mx);
        var cy = Center(my);
        Matrix<double> InverseSqrt(Matrix<double> s)
        {
            var evd = s.Evd(Symmetricity.Symmetric);
            return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Map(v => 1 / Math.Sqrt(v.Real))) * evd.EigenVectors.Transpose();
        }
        var reference = (InverseSqrt(cx.TransposeThisAndMultiply(cx)) * cx.TransposeThisAndMultiply(cy) * InverseSqrt(cy.TransposeThisAndMultiply(cy))).Svd().S;
        Assert.Equal(3, result.Correlations.Length);
        for (int i = 0; i < 3; i++) Assert.Equal(reference[i], result.Correlations[i], 1e-10);
        // Population values: ρ = 4/√(5·5) = 0.8 for the strong latent and 0.25/√(1.25·1.25) = 0.2 for the weak one.
        Assert.Equal(0.8, result.Correlations[0], 0.02);
        Assert.Equal(0.2, result.Correlations[1], 0.04);

        // X·Wx and Y·Wy: unit variance, uncorrelated within a view, correlated ρᵢ pairwise.
        var u = cx * Matrix<double>.Build.DenseOfArray(result.WeightsX);
        var v = cy * Matrix<double>.Build.DenseOfArray(result.WeightsY);
        var cuv = u.TransposeThisAndMultiply(v) / (n - 1);
        var cuu = u.TransposeThisAndMultiply(u) / (n - 1);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1 : 0, cuu[i, j], 1e-9);
                Assert.Equal(i == j ? result.Correlations[i] : 0, Math.Abs(cuv[i, j]), 1e-9);
            }
    }

    [Fact]
    public void Independent_noise_follows_the_analytic_null()
    {
        // n samples of p and q independent Gaussians. Exact: E[Σρᵢ²] = p·q/(n − 1). Asymptotic (Wachter 1980): the ρᵢ²
        // are distributed with density √((x − λ₋)(λ₊ − x)) / (2π c₁ x (1 − x)) on [λ₋, λ₊],
        // λ± = (√(c₁(1 − c₂)) ± √(c₂(1 − c₁)))², c₁ = p/n, c₂ = q/n.
        const int n = 2000, p = 40, q = 60, draws = 8;
        double c1 = (double)p / n, c2 = (double)q / n;
        double lower = Math.Pow(Math.Sqrt(c1 * (1 - c2)) - Math.Sqrt(c2 * (1 - c1)), 2);
        double upper = Math.Pow(Math.Sqrt(c1 * (1 - c2)) + Math.Sqrt(c2 * (1 - c1)), 2);
        var squared = new List<double>();
        var sums = new List<double>();
        for (int d = 0; d < draws; d++)
        {
            var rho = Cca.Fit(Gaussian(n, p, 100 + d), Gaussian(n, q, 200 + d)).Correlations;
            Assert.Equal(p, rho.Length);
            var r2 = rho.Select(r => r * r).ToArray();
            squared.AddRange(r2);
            sums.Add(r2.Sum());
            Assert.InRange(r2.Max(), upper - 0.02, upper + 0.02); // the largest one sits at the upper edge
        }
        double expected = (double)p * q / (n - 1);
        Assert.InRange(sums.Average(), expected - 0.05, expected + 0.05); // SD of one sum ≈ 0.035
        // Kolmogorov–Smirnov distance to the Wachter law.
        var sorted = squared.Order().ToArray();
        double ks = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double cdf = WachterCdf(sorted[i], lower, upper, c1);
            ks = Math.Max(ks, Math.Max(Math.Abs(cdf - (double)i / sorted.Length), Math.Abs(cdf - (double)(i + 1) / sorted.Length)));
        }
        Assert.True(ks < 0.08, $"KS distance {ks:F3} to the Wachter distribution");
    }

    private static double WachterCdf(double x, double lower, double upper, double c1)
    {
        if (x <= lower) return 0;
        if (x >= upper) return 1;
        const int steps = 4000;
        double h = (x - lower) / steps, sum = 0;
        for (int i = 0; i < steps; i++)
        {
            double t = lower + (i + 0.5) * h;
            sum += Math.Sqrt((t - lower) * (upper - t)) / (2 * Math.PI * c1 * t * (1 - t)) * h;
        }
        return sum;
    }

    [Fact]
    public void Rank_deficient_inputs_keep_only_their_real_dimensions()
    {
        var x = Gaussian(200, 3, 20);
        var wide = new double[200, 6];
        for (int i = 0; i < 200; i++)
        {
            wide[i, 0] = x[i, 0];
            wide[i, 1] = x[i, 1];
            wide[i, 2] = x[i, 0] + x[i, 1]; // collinear
            wide[i, 3] = 7;                 // constant
            wide[i, 4] = 2 * x[i, 1];       // collinear
            wide[i, 5] = 0;                 // silent
        }
        var result = Cca.Fit(wide, x);
        Assert.Equal(2, result.RankX);
        Assert.Equal(3, result.RankY);
        Assert.Equal(2, result.Correlations.Length);
        Assert.All(result.Correlations, r => Assert.Equal(1.0, r, 1e-10));
        Assert.All(result.WeightsX.Cast<double>(), w => Assert.True(double.IsFinite(w)));
        Assert.Equal(1.0, result.Mean(5), 1e-10);
        // More units than samples: the rank is capped by the samples (minus the mean).
        var tall = Cca.Fit(Gaussian(10, 40, 21), Gaussian(10, 40, 22));
        Assert.Equal(9, tall.RankX);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Cca.Fit(Gaussian(10, 2, 1), Gaussian(11, 2, 1))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Cca.Fit(new double[1, 2], new double[1, 2])).ParamName);
        var constant = new double[10, 3];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Cca.Fit(constant, Gaussian(10, 2, 1))).ParamName);
        var nan = Gaussian(10, 2, 1);
        nan[3, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Cca.Fit(Gaussian(10, 2, 2), nan));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("[3, 1]", e.Message);
    }
}
