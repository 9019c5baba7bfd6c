using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

/// <summary>Ger, Symv and Syr of both back-ends against naive loops; the triangles they may and may not touch.</summary>
public class Blas2Tests
{
    public static TheoryData<string, int, int> Shapes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var backend in Backends.Names)
            foreach (var (m, n) in new[] { (1, 1), (5, 3), (3, 5), (17, 1), (1, 17), (0, 4), (4, 0), (70, 90), (129, 129) })
                data.Add(backend, m, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Ger_matches_a_naive_rank_one_update(string backend, int m, int n)
    {
        var random = new Random(HashCode.Combine(m, n, 1));
        int lda = Math.Max(1, m) + 3;
        var a = ReferenceBlas.Random(random, lda * n);
        var x = ReferenceBlas.Random(random, m);
        var y = ReferenceBlas.Random(random, n);
        var expected = (double[])a.Clone();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < m; i++) expected[i + j * lda] += -1.7 * x[i] * y[j];
        Backends.Get(backend).Ger(m, n, -1.7, x, y, a, lda);
        Assertions.Close(expected, a, 1e-14, $"{backend} ger {m}×{n}"); // padding rows below m stay as they were too
    }

    public static TheoryData<string, int, double> SymmetricCases()
    {
        var data = new TheoryData<string, int, double>();
        foreach (var backend in Backends.Names)
            foreach (var n in new[] { 0, 1, 2, 7, 64, 129 })
                foreach (var beta in new[] { 0.0, 1.0, -0.5 })
                    data.Add(backend, n, beta);
        return data;
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void Symv_reads_only_the_lower_triangle(string backend, int n, double beta)
    {
        var random = new Random(HashCode.Combine(n, beta, 2));
        int lda = n + 2;
        var a = ReferenceBlas.Random(random, lda * n);
        var full = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
            {
                full[i + j * n] = full[j + i * n] = a[i + j * lda];
                if (i > j) a[j + i * lda] = double.NaN; // the strict upper triangle must not be read
            }
        var x = ReferenceBlas.Random(random, n);
        var y = beta == 0 ? Enumerable.Repeat(double.NaN, n).ToArray() : ReferenceBlas.Random(random, n);
        var expected = ReferenceBlas.Gemv(Transpose.None, n, n, 0.9, full, Math.Max(1, n), x, beta, y);
        Backends.Get(backend).Symv(n, 0.9, a, lda, x, beta, y);
        Assertions.Close(expected, y, 1e-13 * (n + 1), $"{backend} symv n={n} beta={beta}");
    }

    [Theory]
    [MemberData(nameof(SymmetricCases))]
    public void Syr_updates_only_the_lower_triangle(string backend, int n, double alpha)
    {
        alpha = alpha == 0 ? 2.5 : alpha;
        var random = new Random(HashCode.Combine(n, alpha, 3));
        int lda = n + 1;
        var a = ReferenceBlas.Random(random, lda * n);
        var x = ReferenceBlas.Random(random, n);
        var expected = (double[])a.Clone();
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++) expected[i + j * lda] += alpha * x[i] * x[j];
        Backends.Get(backend).Syr(n, alpha, x, a, lda);
        Assertions.Close(expected, a, 1e-14, $"{backend} syr n={n}");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Bad_shapes_name_the_argument(string backend)
    {
        var be = Backends.Get(backend);
        var a = new double[12];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => be.Ger(4, 3, 1, new double[3], new double[3], a, 4)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => be.Ger(4, 3, 1, new double[4], new double[2], a, 4)).ParamName);
        Assert.Equal("lda", Assert.Throws<ArgumentException>(() => be.Ger(4, 3, 1, new double[4], new double[3], a, 3)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => be.Syr(4, 1, new double[4], new double[15], 4)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => be.Symv(3, 1, new double[9], 3, new double[3], 0, new double[2])).ParamName);
        var shared = new double[16];
        Assert.Throws<ArgumentException>(() => be.Syr(3, 1, shared.AsSpan(0, 3), shared.AsSpan(2, 9), 3));
    }
}
