using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class GemmTests
{
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (3, 4, 5), (4, 3, 5), (1, 9, 4), (9, 1, 4), (5, 6, 1), (1, 1, 13),
        (0, 3, 4), (3, 0, 4), (3, 4, 0), (17, 13, 11), (33, 7, 65), (64, 65, 66),
        (150, 140, 130), // large enough for the managed kernel's multi-threaded path
    ];

    private static readonly double[] Betas = [0, 1, -0.5];

    public static TheoryData<string, Transpose, Transpose, int, int, int, int, double> Cases()
    {
        var data = new TheoryData<string, Transpose, Transpose, int, int, int, int, double>();
        foreach (var backend in Backends.Names)
            foreach (var ta in new[] { Transpose.None, Transpose.Transpose })
                foreach (var tb in new[] { Transpose.None, Transpose.Transpose })
                    for (int s = 0; s < Shapes.Length; s++)
                    {
                        var (m, n, k) = Shapes[s];
                        // Padding 0, 1 or 3 beyond the rows so leading dimensions larger than rows are covered.
                        int ldPad = new[] { 0, 1, 3 }[s % 3];
                        data.Add(backend, ta, tb, m, n, k, ldPad, Betas[(s + (int)ta + 2 * (int)tb) % Betas.Length]);
                    }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_reference(string backend, Transpose ta, Transpose tb, int m, int n, int k, int ldPad, double beta)
    {
        var random = new Random(HashCode.Combine(m, n, k, ta, tb, ldPad));
        var p = Problem.Create(random, ta, tb, m, n, k, ldPad, beta);
        var expected = ReferenceBlas.Gemm(ta, tb, m, n, k, p.Alpha, p.A, p.Lda, p.B, p.Ldb, beta, p.C, p.Ldc);
        var c = (double[])p.C.Clone();
        var aCopy = (double[])p.A.Clone();
        var bCopy = (double[])p.B.Clone();

        Backends.Get(backend).Gemm(ta, tb, m, n, k, p.Alpha, p.A, p.Lda, p.B, p.Ldb, beta, c, p.Ldc);

        Assertions.Close(expected, c, 1e-13 * (k + 1), $"{backend} {ta}/{tb} {m}×{n}×{k}");
        Assert.Equal(aCopy, p.A);
        Assert.Equal(bCopy, p.B);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_reference(string backend, Transpose ta, Transpose tb, int m, int n, int k, int ldPad, double beta)
    {
        var random = new Random(HashCode.Combine(m, n, k, ta, tb, ldPad, 32));
        var p = Problem.Create(random, ta, tb, m, n, k, ldPad, beta);
        var a = ReferenceBlas.ToSingle(p.A);
        var b = ReferenceBlas.ToSingle(p.B);
        var c = ReferenceBlas.ToSingle(p.C);
        float alpha = (float)p.Alpha;
        var expected = ReferenceBlas.Gemm(ta, tb, m, n, k, alpha, ReferenceBlas.ToDouble(a), p.Lda,
            ReferenceBlas.ToDouble(b), p.Ldb, (float)beta, ReferenceBlas.ToDouble(c), p.Ldc);

        Backends.Get(backend).Gemm(ta, tb, m, n, k, alpha, a, p.Lda, b, p.Ldb, (float)beta, c, p.Ldc);

        Assertions.Close(expected, ReferenceBlas.ToDouble(c), 2e-6 * (k + 1), $"{backend} {ta}/{tb} {m}×{n}×{k}");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Alpha_zero_only_scales_C(string backend)
    {
        var a = new[] { double.NaN, 1, 2, 3 };
        var b = new[] { 1.0, 2, 3, 4 };
        var c = new[] { 1.0, 2, 3, 4 };
        Backends.Get(backend).Gemm(Transpose.None, Transpose.None, 2, 2, 2, 0.0, a, 2, b, 2, 2.0, c, 2);
        // BLAS does not read A or B when alpha = 0, so the NaN in A must not reach C.
        Assert.Equal(new[] { 2.0, 4, 6, 8 }, c);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Empty_inner_dimension_scales_C_by_beta(string backend)
    {
        var c = new[] { 1.0, 2, 3, 4, 5, 6 };
        Backends.Get(backend).Gemm(Transpose.None, Transpose.None, 2, 3, 0, 1.0, [], 2, [], 1, 0.5, c, 2);
        Assert.Equal(new[] { 0.5, 1, 1.5, 2, 2.5, 3 }, c);
        var f = new[] { 1f, 2f };
        Backends.Get(backend).Gemm(Transpose.Transpose, Transpose.Transpose, 1, 2, 0, 1f, [], 1, [], 2, 0f, f, 1);
        Assert.Equal(new[] { 0f, 0f }, f);
    }

    internal sealed record Problem(double Alpha, double[] A, int Lda, double[] B, int Ldb, double[] C, int Ldc)
    {
        public static Problem Create(Random random, Transpose ta, Transpose tb, int m, int n, int k, int ldPad, double beta)
        {
            var (aRows, aCols) = ta == Transpose.None ? (m, k) : (k, m);
            var (bRows, bCols) = tb == Transpose.None ? (k, n) : (n, k);
            int lda = Math.Max(1, aRows) + ldPad, ldb = Math.Max(1, bRows) + ldPad, ldc = Math.Max(1, m) + ldPad;
            var a = ReferenceBlas.Random(random, lda * aCols);
            var b = ReferenceBlas.Random(random, ldb * bCols);
            // With beta = 0, C starts as NaN: BLAS semantics say C is not read, so no NaN may survive.
            var c = beta == 0 ? Enumerable.Repeat(double.NaN, ldc * n).ToArray() : ReferenceBlas.Random(random, ldc * n);
            return new Problem(1.25 + random.NextDouble(), a, lda, b, ldb, c, ldc);
        }
    }
}
