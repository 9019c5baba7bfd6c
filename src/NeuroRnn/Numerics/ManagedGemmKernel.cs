using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NeuroRnn.Numerics;

/// <summary>
/// Portable column-major GEMM in managed code. Shapes are validated by the caller.
/// Strategy: scale C by beta, then accumulate C[:, j] += Σ_p (alpha·op(B)[p, j])·op(A)[:, p] four columns of A at a
/// time, blocked so a panel of op(A) stays in L2 while the C column segment stays in L1. A transposed A is packed
/// once into a pooled buffer so the inner loop always streams contiguous columns; a transposed B only changes the
/// strides of its scalar reads. Columns of C are split between threads for large products.
/// </summary>
internal static class ManagedGemmKernel
{
    private const int RowBlock = 256;
    private const int DepthBlock = 256;
    // A one-off measurement on the 2-core machine (2026-11-22; not recorded in bench/results, whose numerics suite
    // runs the managed back-end with this threshold in place): splitting columns over two threads made n = 200 and
    // n = 512 products slower than one thread (1.8 vs 24 and 11 vs 17 GFLOP/s) and only paid off around n = 1024
    // (42 vs 18). So products below ~2·640³ FLOPs stay on the calling thread.
    private const long ParallelFlopThreshold = 1L << 29;

    public static unsafe void Gemm<T>(Transpose transA, Transpose transB, int m, int n, int k,
        T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        ApplyBeta(m, n, beta, c, ldc);
        if (k == 0 || alpha == T.Zero) return;

        if (transA == Transpose.None)
        {
            Run(m, n, k, alpha, a, lda, b, ldb, transB, c, ldc, threads);
            return;
        }
        T[] packed = ArrayPool<T>.Shared.Rent(checked(m * k));
        try
        {
            fixed (T* p = packed)
            {
                PackTransposed(m, k, a, lda, p);
                Run(m, n, k, alpha, p, m, b, ldb, transB, c, ldc, threads);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packed);
        }
    }

    private static unsafe void Run<T>(int m, int n, int k, T alpha, T* a, int lda, T* b, int ldb, Transpose transB,
        T* c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // op(B)[p, j] = b[p·rowStride + j·colStride].
        long bRowStride = transB == Transpose.None ? 1 : ldb;
        long bColStride = transB == Transpose.None ? ldb : 1;
        long flops = 2L * m * n * k;
        if (threads <= 1 || n < 2 || flops < ParallelFlopThreshold)
        {
            Accumulate(m, 0, n, k, alpha, a, lda, b, bRowStride, bColStride, c, ldc);
            return;
        }
        RunParallel(m, n, k, alpha, a, lda, b, bRowStride, bColStride, c, ldc, threads);
    }

    // Separate from Run so the lambda's captured-variable object is only allocated on the parallel path.
    private static unsafe void RunParallel<T>(int m, int n, int k, T alpha, T* a, int lda, T* b, long bRowStride,
        long bColStride, T* c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunks = Math.Min(threads, n);
        nint ap = (nint)a, bp = (nint)b, cp = (nint)c;
        // The pointers stay valid: the caller's fixed blocks enclose this synchronous Parallel.For.
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            int j0 = (int)((long)n * chunk / chunks), j1 = (int)((long)n * (chunk + 1) / chunks);
            Accumulate(m, j0, j1, k, alpha, (T*)ap, lda, (T*)bp, bRowStride, bColStride, (T*)cp, ldc);
        });
    }

    private static unsafe void ApplyBeta<T>(int m, int n, T beta, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int j = 0; j < n; j++)
        {
            var column = new Span<T>(c + (long)j * ldc, m);
            // BLAS semantics: with beta = 0, C is not read, so NaN/Inf already in C do not propagate.
            if (beta == T.Zero) column.Clear();
            else TensorPrimitives.Multiply(column, beta, column);
        }
    }

    private static unsafe void PackTransposed<T>(int m, int k, T* a, int lda, T* destination)
        where T : unmanaged
    {
        // op(A) = Aᵀ is m×k; A is stored k×m. Block the transpose so both sides stay cache-resident.
        const int tile = 32;
        for (int i0 = 0; i0 < m; i0 += tile)
        {
            int i1 = Math.Min(m, i0 + tile);
            for (int p0 = 0; p0 < k; p0 += tile)
            {
                int p1 = Math.Min(k, p0 + tile);
                for (int i = i0; i < i1; i++)
                {
                    T* source = a + (long)i * lda;
                    for (int p = p0; p < p1; p++)
                        destination[i + (long)p * m] = source[p];
                }
            }
        }
    }

    private static unsafe void Accumulate<T>(int m, int jStart, int jEnd, int k, T alpha, T* a, int lda,
        T* b, long bRowStride, long bColStride, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p0 = 0; p0 < k; p0 += DepthBlock)
        {
            int p1 = Math.Min(k, p0 + DepthBlock);
            for (int i0 = 0; i0 < m; i0 += RowBlock)
            {
                int rows = Math.Min(RowBlock, m - i0);
                for (int j = jStart; j < jEnd; j++)
                {
                    T* cj = c + (long)j * ldc + i0;
                    T* bj = b + j * bColStride;
                    int p = p0;
                    for (; p + 4 <= p1; p += 4)
                    {
                        T* a0 = a + (long)p * lda + i0;
                        AxpyFour(rows,
                            alpha * bj[p * bRowStride], alpha * bj[(p + 1) * bRowStride],
                            alpha * bj[(p + 2) * bRowStride], alpha * bj[(p + 3) * bRowStride],
                            a0, a0 + lda, a0 + 2L * lda, a0 + 3L * lda, cj);
                    }
                    for (; p < p1; p++)
                        AxpyOne(rows, alpha * bj[p * bRowStride], a + (long)p * lda + i0, cj);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AxpyFour<T>(int rows, T s0, T s1, T s2, T s3, T* a0, T* a1, T* a2, T* a3, T* c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<T>.Count;
            var v0 = new Vector<T>(s0); var v1 = new Vector<T>(s1);
            var v2 = new Vector<T>(s2); var v3 = new Vector<T>(s3);
            for (; i + width <= rows; i += width)
            {
                var acc = Vector.Load(c + i);
                acc += Vector.Load(a0 + i) * v0;
                acc += Vector.Load(a1 + i) * v1;
                acc += Vector.Load(a2 + i) * v2;
                acc += Vector.Load(a3 + i) * v3;
                acc.Store(c + i);
            }
        }
        for (; i < rows; i++)
            c[i] += a0[i] * s0 + a1[i] * s1 + a2[i] * s2 + a3[i] * s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AxpyOne<T>(int rows, T s, T* a, T* c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<T>.Count;
            var v = new Vector<T>(s);
            for (; i + width <= rows; i += width)
                (Vector.Load(c + i) + Vector.Load(a + i) * v).Store(c + i);
        }
        for (; i < rows; i++)
            c[i] += a[i] * s;
    }
}
