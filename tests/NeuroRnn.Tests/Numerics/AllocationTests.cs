using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

/// <summary>The hot-path kernels must not allocate: they run inside every time step of training.</summary>
public class AllocationTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Blas_and_element_wise_calls_allocate_nothing(string backend)
    {
        var be = Backends.Get(backend);
        const int n = 40; // small enough for the managed kernel's single-threaded path
        var a = new double[n * n]; var b = new double[n * n]; var c = new double[n * n];
        var af = new float[n * n]; var bf = new float[n * n]; var cf = new float[n * n];
        var x = new double[500]; var y = new double[500];
        Array.Fill(x, 0.5);

        void Work()
        {
            be.Gemm(Transpose.Transpose, Transpose.None, n, n, n, 1.0, a, n, b, n, 0.5, c, n);
            be.Gemm(Transpose.None, Transpose.Transpose, n, n, n, 1f, af, n, bf, n, 0f, cf, n);
            be.GemmStridedBatched(Transpose.None, Transpose.None, 10, 10, 10, 1.0, a, 10, 100, b, 10, 100, 0.0, c, 10, 100, 4);
            be.Gemv(Transpose.Transpose, n, n, 1.0, a, n, x.AsSpan(0, n), 0.0, y.AsSpan(0, n));
            be.Axpy(2.0, x, y);
            be.Scale(0.5, y);
            _ = be.Dot(x, y);
            be.Tanh(x, y);
            be.Exp(x, y);
            be.Log(x, y);
            be.Sigmoid(x, y);
            be.Sigmoid(y, y);
        }

        for (int i = 0; i < 60; i++) Work(); // JIT tiering and any lazy initialisation
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // A per-call allocation would cost at least 20 × 24 bytes; allow a little for one-off runtime work (tier-up).
        Assert.True(allocated < 20 * 24, $"{backend}: {allocated} bytes allocated by 20 rounds of kernel calls");
    }
}
