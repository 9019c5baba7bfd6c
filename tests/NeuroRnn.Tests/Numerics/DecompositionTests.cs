using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class DecompositionTests
{
    public static TheoryData<string, int> EigenCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in Backends.Names)
            foreach (int n in new[] { 0, 1, 2, 5, 40 })
                data.Add(backend, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(EigenCases))]
    public void SymmetricEigen_gives_ascending_orthonormal_eigenpairs_and_reads_only_the_lower_triangle(string backend, int n)
    {
        var random = new Random(n + 11);
        var sym = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
                sym[i + j * n] = sym[j + i * n] = 2 * random.NextDouble() - 1;
        // Garbage in the strictly upper triangle must be ignored.
        var a = (double[])sym.Clone();
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++)
                a[i + j * n] = 1e6 * (i + 1);
        var original = (double[])a.Clone();
        var values = new double[n];
        var vectors = new double[n * n];

        Backends.Get(backend).SymmetricEigen(n, a, values, vectors);

        Assert.Equal(original, a);
        for (int i = 1; i < n; i++) Assert.True(values[i - 1] <= values[i], $"eigenvalues not ascending: {values[i - 1]} > {values[i]}");
        // A·v = λ·v with the symmetric matrix, and VᵀV = I.
        var av = ReferenceBlas.Multiply(n, n, n, sym, vectors);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(av[i + j * n] - values[j] * vectors[i + j * n]) < 1e-10,
                    $"{backend}: (A·v)[{i}] differs from λ·v[{i}] for eigenpair {j}");
        var vtv = ReferenceBlas.Gemm(Transpose.Transpose, Transpose.None, n, n, n, 1, vectors, Math.Max(1, n), vectors,
            Math.Max(1, n), 0, new double[n * n], Math.Max(1, n));
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(vtv[i + j * n] - (i == j ? 1 : 0)) < 1e-10, $"{backend}: VᵀV[{i},{j}] = {vtv[i + j * n]}");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void SymmetricEigen_of_a_known_matrix(string backend)
    {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        var values = new double[2];
        Backends.Get(backend).SymmetricEigen(2, [2, 1, 1, 2], values, new double[4]);
        Assertions.Close([1.0, 3.0], values, 1e-13, backend);
    }

    public static TheoryData<string, int, int> SvdCases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var backend in Backends.Names)
            foreach (var (m, n) in new[] { (0, 3), (3, 0), (1, 1), (1, 6), (6, 1), (5, 3), (3, 5), (30, 20), (20, 30) })
                data.Add(backend, m, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(SvdCases))]
    public void Svd_is_thin_descending_orthonormal_and_reconstructs(string backend, int m, int n)
    {
        var random = new Random(m * 100 + n);
        var a = ReferenceBlas.Random(random, m * n);
        var original = (double[])a.Clone();
        int p = Math.Min(m, n);
        var s = new double[p];
        var u = new double[m * p];
        var vt = new double[p * n];

        Backends.Get(backend).Svd(m, n, a, s, u, vt);

        Assert.Equal(original, a);
        for (int i = 0; i < p; i++) Assert.True(s[i] >= 0, $"negative singular value {s[i]}");
        for (int i = 1; i < p; i++) Assert.True(s[i - 1] >= s[i], $"singular values not descending: {s[i - 1]} < {s[i]}");
        if (p == 0) return;
        // A = U·diag(s)·Vᵀ
        var us = (double[])u.Clone();
        for (int j = 0; j < p; j++)
            for (int i = 0; i < m; i++)
                us[i + j * m] *= s[j];
        var reconstructed = ReferenceBlas.Multiply(m, n, p, us, vt);
        Assertions.Close(a, reconstructed, 1e-12, $"{backend} reconstruction");
        // UᵀU = I and Vᵀ(Vᵀ)ᵀ = I (p×p)
        var utu = ReferenceBlas.Gemm(Transpose.Transpose, Transpose.None, p, p, m, 1, u, m, u, m, 0, new double[p * p], p);
        var vvt = ReferenceBlas.Gemm(Transpose.None, Transpose.Transpose, p, p, n, 1, vt, p, vt, p, 0, new double[p * p], p);
        for (int j = 0; j < p; j++)
            for (int i = 0; i < p; i++)
            {
                Assert.True(Math.Abs(utu[i + j * p] - (i == j ? 1 : 0)) < 1e-12, $"{backend}: UᵀU[{i},{j}] = {utu[i + j * p]}");
                Assert.True(Math.Abs(vvt[i + j * p] - (i == j ? 1 : 0)) < 1e-12, $"{backend}: VᵀV[{i},{j}] = {vvt[i + j * p]}");
            }
    }
}
