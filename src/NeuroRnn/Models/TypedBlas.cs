using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroRnn.Numerics;

namespace NeuroRnn.Models;

/// <summary>
/// Routes generic float/double calls to the typed overloads of <see cref="INumericsBackend"/>. The type tests are
/// JIT-time constants, so each instantiation compiles to a direct call with no boxing.
/// </summary>
internal static class TypedBlas
{
    public static void Gemm<T>(INumericsBackend backend, Transpose transA, Transpose transB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        if (typeof(T) == typeof(double))
            backend.Gemm(transA, transB, m, n, k, Unsafe.As<T, double>(ref alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(b), ldb, Unsafe.As<T, double>(ref beta), MemoryMarshal.Cast<T, double>(c), ldc);
        else if (typeof(T) == typeof(float))
            backend.Gemm(transA, transB, m, n, k, Unsafe.As<T, float>(ref alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(b), ldb, Unsafe.As<T, float>(ref beta), MemoryMarshal.Cast<T, float>(c), ldc);
        else throw new NotSupportedException($"Only float and double are supported, not {typeof(T).Name}.");
    }

    /// <summary>y = alpha·op(A)·x + beta·y.</summary>
    public static void Gemv<T>(INumericsBackend backend, Transpose transA, int m, int n, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        if (typeof(T) == typeof(double))
            backend.Gemv(transA, m, n, Unsafe.As<T, double>(ref alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(x), Unsafe.As<T, double>(ref beta), MemoryMarshal.Cast<T, double>(y));
        else if (typeof(T) == typeof(float))
            backend.Gemv(transA, m, n, Unsafe.As<T, float>(ref alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(x), Unsafe.As<T, float>(ref beta), MemoryMarshal.Cast<T, float>(y));
        else throw new NotSupportedException($"Only float and double are supported, not {typeof(T).Name}.");
    }
}
