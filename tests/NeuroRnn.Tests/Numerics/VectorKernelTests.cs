using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class VectorKernelTests
{
    public static TheoryData<string, Transpose, int, int, double> GemvCases()
    {
        var data = new TheoryData<string, Transpose, int, int, double>();
        foreach (var backend in Backends.Names)
            foreach (var t in new[] { Transpose.None, Transpose.Transpose })
                foreach (var (m, n) in new[] { (1, 1), (5, 3), (3, 5), (1, 17), (17, 1), (0, 4), (4, 0), (70, 90) })
                    foreach (var beta in new[] { 0.0, 1.0, -2.0 })
                        data.Add(backend, t, m, n, beta);
        return data;
    }

    [Theory]
    [MemberData(nameof(GemvCases))]
    public void Gemv_matches_reference(string backend, Transpose t, int m, int n, double beta)
    {
        var random = new Random(HashCode.Combine(m, n, t, beta));
        int lda = Math.Max(1, m) + 2;
        var a = ReferenceBlas.Random(random, lda * n);
        var x = ReferenceBlas.Random(random, t == Transpose.None ? n : m);
        int yLength = t == Transpose.None ? m : n;
        var y = beta == 0 ? Enumerable.Repeat(double.NaN, yLength).ToArray() : ReferenceBlas.Random(random, yLength);
        var expected = ReferenceBlas.Gemv(t, m, n, 0.8, a, lda, x, beta, y);
        var be = Backends.Get(backend);

        var actual = (double[])y.Clone();
        be.Gemv(t, m, n, 0.8, a, lda, x, beta, actual);
        Assertions.Close(expected, actual, 1e-13 * (m + n + 1), $"{backend} gemv {t} {m}×{n}");

        var single = ReferenceBlas.ToSingle(y);
        be.Gemv(t, m, n, 0.8f, ReferenceBlas.ToSingle(a), lda, ReferenceBlas.ToSingle(x), (float)beta, single);
        Assertions.Close(expected, ReferenceBlas.ToDouble(single), 1e-5 * (m + n + 1), $"{backend} sgemv {t} {m}×{n}");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Axpy_scale_dot_match_reference(string backend)
    {
        var be = Backends.Get(backend);
        var random = new Random(5);
        foreach (int length in new[] { 0, 1, 7, 64, 1000 })
        {
            var x = ReferenceBlas.Random(random, length);
            var y = ReferenceBlas.Random(random, length);

            var axpy = (double[])y.Clone();
            be.Axpy(-1.5, x, axpy);
            Assertions.Close(y.Select((v, i) => v - 1.5 * x[i]).ToArray(), axpy, 1e-15, $"{backend} axpy {length}");
            var axpyF = ReferenceBlas.ToSingle(y);
            be.Axpy(-1.5f, ReferenceBlas.ToSingle(x), axpyF);
            Assertions.Close(y.Select((v, i) => v - 1.5 * x[i]).ToArray(), ReferenceBlas.ToDouble(axpyF), 1e-6, $"{backend} saxpy {length}");

            var scaled = (double[])x.Clone();
            be.Scale(3.0, scaled);
            Assertions.Close(x.Select(v => 3 * v).ToArray(), scaled, 1e-15, $"{backend} scal {length}");
            var scaledF = ReferenceBlas.ToSingle(x);
            be.Scale(3f, scaledF);
            Assertions.Close(x.Select(v => 3 * v).ToArray(), ReferenceBlas.ToDouble(scaledF), 1e-6, $"{backend} sscal {length}");

            double dot = x.Select((v, i) => v * y[i]).Sum();
            Assertions.Close(dot, be.Dot(x, y), 1e-13 * (length + 1), $"{backend} dot {length}");
            Assertions.Close(dot, be.Dot(ReferenceBlas.ToSingle(x), ReferenceBlas.ToSingle(y)), 1e-5 * (length + 1), $"{backend} sdot {length}");
        }
    }
}
