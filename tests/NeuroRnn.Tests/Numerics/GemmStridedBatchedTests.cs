using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class GemmStridedBatchedTests
{
    public static TheoryData<string, Transpose, Transpose, int, int, int, int, bool> Cases()
    {
        var data = new TheoryData<string, Transpose, Transpose, int, int, int, int, bool>();
        foreach (var backend in Backends.Names)
            foreach (var ta in new[] { Transpose.None, Transpose.Transpose })
                foreach (var tb in new[] { Transpose.None, Transpose.Transpose })
                {
                    data.Add(backend, ta, tb, 3, 4, 5, 4, false);
                    data.Add(backend, ta, tb, 3, 4, 5, 4, true);
                    data.Add(backend, ta, tb, 7, 1, 9, 3, false);
                    data.Add(backend, ta, tb, 7, 1, 9, 3, true);
                    data.Add(backend, ta, tb, 20, 12, 16, 1, false);
                    data.Add(backend, ta, tb, 5, 5, 0, 2, false);
                    data.Add(backend, ta, tb, 5, 5, 5, 0, false);
                }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_batch_entry_matches_reference_in_both_precisions(string backend, Transpose ta, Transpose tb,
        int m, int n, int k, int batch, bool shareB)
    {
        var random = new Random(HashCode.Combine(m, n, k, batch, ta, tb));
        var (aRows, aCols) = ta == Transpose.None ? (m, k) : (k, m);
        var (bRows, bCols) = tb == Transpose.None ? (k, n) : (n, k);
        int lda = Math.Max(1, aRows) + 1, ldb = Math.Max(1, bRows), ldc = Math.Max(1, m) + 2;
        // Gaps between entries; optionally B shared by all entries (stride 0), as a batched weight product does
        // (MKL's native strided batch rejects stride 0, so that case also covers the looping fallback).
        long strideA = lda * aCols + 3, strideB = shareB ? 0 : ldb * bCols + 2, strideC = ldc * n + 1;
        var a = ReferenceBlas.Random(random, (int)(strideA * Math.Max(batch, 1)));
        var b = ReferenceBlas.Random(random, (int)(shareB ? ldb * bCols : strideB * Math.Max(batch, 1)));
        var c = ReferenceBlas.Random(random, (int)(strideC * Math.Max(batch, 1)));
        const double alpha = 0.75, beta = 0.5;

        var expected = (double[])c.Clone();
        for (int i = 0; i < batch; i++)
        {
            var ai = a.AsSpan((int)(i * strideA), lda * aCols).ToArray();
            var bi = b.AsSpan((int)(i * strideB), ldb * bCols).ToArray();
            var ci = c.AsSpan((int)(i * strideC), ldc * n).ToArray();
            ReferenceBlas.Gemm(ta, tb, m, n, k, alpha, ai, lda, bi, ldb, beta, ci, ldc).CopyTo(expected, (int)(i * strideC));
        }

        var be = Backends.Get(backend);
        var actual = (double[])c.Clone();
        be.GemmStridedBatched(ta, tb, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, actual, ldc, strideC, batch);
        Assertions.Close(expected, actual, 1e-13 * (k + 1), $"{backend} float64 batch");

        var single = ReferenceBlas.ToSingle(c);
        be.GemmStridedBatched(ta, tb, m, n, k, (float)alpha, ReferenceBlas.ToSingle(a), lda, strideA,
            ReferenceBlas.ToSingle(b), ldb, strideB, (float)beta, single, ldc, strideC, batch);
        Assertions.Close(expected, ReferenceBlas.ToDouble(single), 1e-5 * (k + 1), $"{backend} float32 batch");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Overlapping_outputs_are_rejected(string backend)
    {
        var a = new double[8]; var b = new double[8]; var c = new double[12];
        var e = Assert.Throws<ArgumentException>(() => Backends.Get(backend).GemmStridedBatched(
            Transpose.None, Transpose.None, 2, 2, 2, 1.0, a, 2, 4, b, 2, 4, 0.0, c, 2, 2, 2));
        Assert.Contains("strideC=2", e.Message);
        Assert.Contains("overlap", e.Message);
    }
}
