using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

public class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Backend_is_usable_from_several_threads_at_once(string backend)
    {
        var be = Backends.Get(backend);
        const int n = 48;
        var random = new Random(9);
        var a = ReferenceBlas.Random(random, n * n);
        var b = ReferenceBlas.Random(random, n * n);
        var expected = ReferenceBlas.Multiply(n, n, n, a, b);
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (int repeat = 0; repeat < 20; repeat++)
            {
                var c = new double[n * n];
                be.Gemm(Transpose.None, Transpose.None, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
                var t = new double[n * n];
                be.Tanh(c, t);
                for (int i = 0; i < c.Length; i++)
                    if (Math.Abs(c[i] - expected[i]) > 1e-12 || Math.Abs(t[i] - Math.Tanh(expected[i])) > 1e-12)
                        Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
