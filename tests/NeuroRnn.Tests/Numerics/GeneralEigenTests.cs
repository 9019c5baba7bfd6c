using System.Numerics;
using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class GeneralEigenTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in Backends.Names)
            foreach (int n in new[] { 0, 1, 2, 5, 40, 100 })
                data.Add(backend, n);
        return data;
    }

    /// <summary>A random non-symmetric matrix with entries N(0, 1/n): a circular spectrum of radius ≈ 1 with complex pairs.</summary>
    internal static double[] RandomMatrix(int n, int seed)
    {
        var random = new SeededRandom(seed);
        var a = new double[n * n];
        for (int k = 0; k < a.Length; k++) a[k] = random.NextGaussian() / Math.Sqrt(Math.Max(1, n));
        return a;
    }

    internal static (Complex[] Values, Complex[] Left, Complex[] Right) Decompose(INumericsBackend backend, int n, double[] a)
    {
        var values = new Complex[n];
        var left = new Complex[n * n];
        var right = new Complex[n * n];
        backend.GeneralEigen(n, a, values, left, right);
        return (values, left, right);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Right_and_left_eigenpairs_have_residuals_below_1e_10_and_the_promised_normalisation(string backend, int n)
    {
        var a = RandomMatrix(n, 100 + n);
        var original = (double[])a.Clone();
        var (values, left, right) = Decompose(Backends.Get(backend), n, a);

        Assert.Equal(original, a);
        for (int k = 1; k < n; k++)
            Assert.True(values[k - 1].Real > values[k].Real || (values[k - 1].Real == values[k].Real && values[k - 1].Imaginary >= values[k].Imaginary),
                $"{backend}: eigenvalues not in descending order of real part: {values[k - 1]} before {values[k]}");
        for (int k = 0; k < n; k++)
        {
            var v = right.AsSpan(k * n, n).ToArray();
            var u = left.AsSpan(k * n, n).ToArray();
            // ‖A v − λ v‖ and ‖Aᴴ u − conj(λ) u‖ / ‖u‖ (u is scaled so that uᴴv = 1, so it may be longer than 1).
            double rightResidual = Norm(Subtract(Multiply(n, a, v, transpose: false), Scale(v, values[k])));
            double leftResidual = Norm(Subtract(Multiply(n, a, u, transpose: true), Scale(u, Complex.Conjugate(values[k])))) / Norm(u);
            Assert.True(rightResidual < 1e-10, $"{backend}: ‖A v − λ v‖ = {rightResidual:G3} for λ = {values[k]}");
            Assert.True(leftResidual < 1e-10, $"{backend}: ‖Aᴴ u − λ̄ u‖/‖u‖ = {leftResidual:G3} for λ = {values[k]}");
            Assert.True(Math.Abs(Norm(v) - 1) < 1e-12, $"{backend}: right eigenvector {k} has norm {Norm(v)}");
            int big = 0;
            for (int i = 1; i < n; i++) if (v[i].Magnitude > v[big].Magnitude) big = i;
            Assert.True(v[big].Imaginary == 0 && v[big].Real > 0, $"{backend}: largest entry of right eigenvector {k} is {v[big]}, not real positive");
            var uv = Dot(u, v);
            Assert.True((uv - 1).Magnitude < 1e-10, $"{backend}: uᴴv = {uv} for eigenpair {k}");
            if (values[k].Imaginary == 0)
                Assert.True(v.All(x => x.Imaginary == 0) && u.All(x => x.Imaginary == 0), $"{backend}: eigenvectors of the real eigenvalue {values[k]} are not real");
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(100)]
    public void Managed_and_MKL_agree_to_1e_10(int n)
    {
        var a = RandomMatrix(n, 7 * n);
        var managed = Decompose(NumericsBackend.Managed, n, a);
        var mkl = Decompose(NumericsBackend.Mkl, n, a);
        for (int k = 0; k < n; k++)
        {
            Assert.True((managed.Values[k] - mkl.Values[k]).Magnitude < 1e-10, $"eigenvalue {k}: managed {managed.Values[k]}, mkl {mkl.Values[k]}");
            double uScale = Math.Max(1, Norm(mkl.Left.AsSpan(k * n, n).ToArray()));
            for (int i = 0; i < n; i++)
            {
                Assert.True((managed.Right[k * n + i] - mkl.Right[k * n + i]).Magnitude < 1e-10,
                    $"right eigenvector {k}, entry {i}: managed {managed.Right[k * n + i]}, mkl {mkl.Right[k * n + i]}");
                Assert.True((managed.Left[k * n + i] - mkl.Left[k * n + i]).Magnitude < 1e-10 * uScale,
                    $"left eigenvector {k}, entry {i}: managed {managed.Left[k * n + i]}, mkl {mkl.Left[k * n + i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Known_spectrum_of_a_rotation_block_and_a_triangular_matrix(string backend)
    {
        // Column-major [[0, −2, 0], [2, 0, 0], [0, 0, 1]]: eigenvalues 1 and ±2i.
        var rotation = new double[] { 0, 2, 0, -2, 0, 0, 0, 0, 1 };
        var (values, left, right) = Decompose(Backends.Get(backend), 3, rotation);
        Assert.Equal(new Complex(1, 0), values[0]);
        Assert.True((values[1] - new Complex(0, 2)).Magnitude < 1e-14 && (values[2] - new Complex(0, -2)).Magnitude < 1e-14, $"{values[1]}, {values[2]}");
        Assert.True(right[0].Magnitude < 1e-15 && right[1].Magnitude < 1e-15 && (right[2] - 1).Magnitude < 1e-15, $"{right[0]}, {right[1]}, {right[2]}");
        // The pair's eigenvectors are conjugates, v = (1, −i, 0)/√2 with the first entry real positive.
        double h = 1 / Math.Sqrt(2);
        Assert.True((right[3] - h).Magnitude < 1e-14 && (right[4] - new Complex(0, -h)).Magnitude < 1e-14, $"{right[3]}, {right[4]}");
        Assert.True((right[6] - Complex.Conjugate(right[3])).Magnitude < 1e-15 && (right[7] - Complex.Conjugate(right[4])).Magnitude < 1e-15);

        // Upper triangular [[3, 1], [0, 2]]: right eigenvectors (1, 0) and (1, −1)/√2 → (−1, 1)/√2 made positive at the
        // largest entry (a tie broken towards the first); left eigenvectors (1, 1) and (0, 1) scaled so that uᵀv = 1.
        var triangular = new double[] { 3, 0, 1, 2 };
        (values, left, right) = Decompose(Backends.Get(backend), 2, triangular);
        Assert.Equal(new Complex[] { 3, 2 }, values);
        Assert.True((right[0] - 1).Magnitude < 1e-15 && right[1].Magnitude < 1e-15);
        Assert.True((left[0] - 1).Magnitude < 1e-14 && (left[1] - 1).Magnitude < 1e-14, $"u₀ = ({left[0]}, {left[1]})");
        Assert.True(Math.Abs(right[2].Real * left[2].Real + right[3].Real * left[3].Real - 1) < 1e-14);
        Assert.True(left[2].Magnitude < 1e-14, $"u₁ = ({left[2]}, {left[3]}) should be along (0, 1)");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Empty_eigenvector_spans_give_eigenvalues_only(string backend)
    {
        var a = RandomMatrix(6, 3);
        var all = Decompose(Backends.Get(backend), 6, a);
        var values = new Complex[6];
        Backends.Get(backend).GeneralEigen(6, a, values, [], []);
        Assert.Equal(all.Values, values);
        var right = new Complex[36];
        Backends.Get(backend).GeneralEigen(6, a, values, [], right);
        Assert.Equal(all.Right, right);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Bad_shapes_and_NaN_are_rejected_with_named_arguments(string backend)
    {
        var b = Backends.Get(backend);
        var e = Assert.Throws<ArgumentException>(() => b.GeneralEigen(3, new double[8], new Complex[3], [], []));
        Assert.Equal("a", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => b.GeneralEigen(3, new double[9], new Complex[3], new Complex[8], []));
        Assert.Equal("leftEigenvectors", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => b.GeneralEigen(3, new double[9], new Complex[2], [], []));
        Assert.Equal("eigenvalues", e.ParamName);
        Assert.Throws<ArithmeticException>(() => b.GeneralEigen(2, [1, double.NaN, 0, 1], new Complex[2], [], []));
        e = Assert.Throws<ArgumentException>(() => b.CholeskySolve(3, new double[9], new double[2]));
        Assert.Equal("b", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void CholeskySolve_solves_positive_definite_systems_and_reports_indefinite_ones(string backend)
    {
        var b = Backends.Get(backend);
        foreach (int n in new[] { 1, 3, 17, 100 })
        {
            var m = RandomMatrix(n, n);
            // A = MᵀM + I is positive definite; put garbage in the upper triangle, which must not be read.
            var a = ReferenceBlas.Gemm(Transpose.Transpose, Transpose.None, n, n, n, 1, m, n, m, n, 0, new double[n * n], n);
            for (int i = 0; i < n; i++) a[i * n + i] += 1;
            var expectedX = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
            var rhs = ReferenceBlas.Multiply(n, 1, n, a, expectedX);
            for (int j = 1; j < n; j++) for (int i = 0; i < j; i++) a[j * n + i] = 1e6;
            Assert.True(b.CholeskySolve(n, a, rhs), $"{backend}: a positive definite {n}×{n} system was reported indefinite");
            Assertions.Close(expectedX, rhs, 1e-11, $"{backend} x (n = {n})");
        }
        Assert.False(b.CholeskySolve(2, [1, 2, 2, 1], new double[] { 1, 1 }), $"{backend}: [[1, 2], [2, 1]] is indefinite");
        Assert.False(b.CholeskySolve(2, [1, double.NaN, 0, 1], new double[] { 1, 1 }), $"{backend}: NaN accepted");
    }

    private static Complex[] Multiply(int n, double[] a, Complex[] x, bool transpose)
    {
        var y = new Complex[n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                if (transpose) y[j] += a[j * n + i] * x[i];
                else y[i] += a[j * n + i] * x[j];
            }
        return y;
    }

    private static Complex[] Subtract(Complex[] x, Complex[] y) => x.Zip(y, (p, q) => p - q).ToArray();
    private static Complex[] Scale(Complex[] x, Complex s) => x.Select(v => v * s).ToArray();
    private static double Norm(Complex[] x) => Math.Sqrt(x.Sum(v => v.Magnitude * v.Magnitude));

    private static Complex Dot(Complex[] u, Complex[] v)
    {
        Complex s = 0;
        for (int i = 0; i < u.Length; i++) s += Complex.Conjugate(u[i]) * v[i];
        return s;
    }
}
