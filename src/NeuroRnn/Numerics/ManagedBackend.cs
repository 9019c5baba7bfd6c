using System.Numerics.Tensors;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace NeuroRnn.Numerics;

/// <summary>
/// Portable back-end in pure managed code: blocked, vectorised GEMM loops, <see cref="TensorPrimitives"/> for
/// vector and element-wise kernels, and MathNet.Numerics' managed algorithms for the symmetric eigen-decomposition
/// and the SVD. Used when MKL is not installed; correct for every shape MKL accepts, but several times slower.
/// Safe to use from several threads at once.
/// </summary>
public sealed class ManagedBackend : INumericsBackend
{
    private volatile int _threadCount;

    /// <summary>Creates a managed back-end that uses up to <see cref="Environment.ProcessorCount"/> threads.</summary>
    public ManagedBackend() : this(Environment.ProcessorCount) { }

    /// <summary>Creates a managed back-end that uses up to <paramref name="threadCount"/> threads for large GEMMs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is less than 1.</exception>
    public ManagedBackend(int threadCount)
    {
        SetThreadCount(threadCount);
    }

    /// <inheritdoc/>
    public string Name => "managed";

    /// <inheritdoc/>
    public string Description =>
        $"managed (MathNet.Numerics {typeof(ManagedLinearAlgebraProvider).Assembly.GetName().Version} algorithms, " +
        $"System.Numerics.Tensors kernels), {ThreadCount} threads, {HardwareInfo.InstructionSet}";

    /// <inheritdoc/>
    public int ThreadCount => _threadCount;

    /// <summary>Sets the number of threads large GEMMs are split over.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is less than 1.</exception>
    public void SetThreadCount(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        _threadCount = threadCount;
    }

    /// <inheritdoc/>
    public unsafe void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        ShapeValidator.Gemm("Gemm", transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ShapeValidator.NoOverlap("Gemm", a, b, c);
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pc = c)
            ManagedGemmKernel.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, _threadCount);
    }

    /// <inheritdoc/>
    public unsafe void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ShapeValidator.Gemm("Gemm", transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ShapeValidator.NoOverlap("Gemm", a, b, c);
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
            ManagedGemmKernel.Gemm(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, _threadCount);
    }

    /// <inheritdoc/>
    public unsafe void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, long strideA, ReadOnlySpan<double> b, int ldb, long strideB,
        double beta, Span<double> c, int ldc, long strideC, int batchCount)
    {
        ShapeValidator.GemmStridedBatched("GemmStridedBatched", transA, transB, m, n, k, a.Length, lda, strideA,
            b.Length, ldb, strideB, c.Length, ldc, strideC, batchCount);
        ShapeValidator.NoOverlap("GemmStridedBatched", a, b, c);
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pc = c)
            for (int i = 0; i < batchCount; i++)
                ManagedGemmKernel.Gemm(transA, transB, m, n, k, alpha, pa + i * strideA, lda, pb + i * strideB, ldb,
                    beta, pc + i * strideC, ldc, _threadCount);
    }

    /// <inheritdoc/>
    public unsafe void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB,
        float beta, Span<float> c, int ldc, long strideC, int batchCount)
    {
        ShapeValidator.GemmStridedBatched("GemmStridedBatched", transA, transB, m, n, k, a.Length, lda, strideA,
            b.Length, ldb, strideB, c.Length, ldc, strideC, batchCount);
        ShapeValidator.NoOverlap("GemmStridedBatched", a, b, c);
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
            for (int i = 0; i < batchCount; i++)
                ManagedGemmKernel.Gemm(transA, transB, m, n, k, alpha, pa + i * strideA, lda, pb + i * strideB, ldb,
                    beta, pc + i * strideC, ldc, _threadCount);
    }

    /// <inheritdoc/>
    public void Gemv(Transpose transA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        ShapeValidator.Gemv("Gemv", transA, m, n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Gemv", a, x, y);
        if (transA == Transpose.None)
        {
            var result = y[..m];
            if (beta == 0) result.Clear();
            else if (beta != 1) TensorPrimitives.Multiply(result, beta, result);
            if (alpha == 0 || m == 0) return;
            for (int j = 0; j < n; j++)
            {
                double s = alpha * x[j];
                if (s != 0) TensorPrimitives.MultiplyAdd(a.Slice(j * lda, m), s, result, result);
            }
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                double dot = alpha == 0 || m == 0 ? 0 : alpha * TensorPrimitives.Dot(a.Slice(j * lda, m), x[..m]);
                y[j] = beta == 0 ? dot : dot + beta * y[j];
            }
        }
    }

    /// <inheritdoc/>
    public void Gemv(Transpose transA, int m, int n, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        ShapeValidator.Gemv("Gemv", transA, m, n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Gemv", a, x, y);
        if (transA == Transpose.None)
        {
            var result = y[..m];
            if (beta == 0) result.Clear();
            else if (beta != 1) TensorPrimitives.Multiply(result, beta, result);
            if (alpha == 0 || m == 0) return;
            for (int j = 0; j < n; j++)
            {
                float s = alpha * x[j];
                if (s != 0) TensorPrimitives.MultiplyAdd(a.Slice(j * lda, m), s, result, result);
            }
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                float dot = alpha == 0 || m == 0 ? 0 : alpha * TensorPrimitives.Dot(a.Slice(j * lda, m), x[..m]);
                y[j] = beta == 0 ? dot : dot + beta * y[j];
            }
        }
    }

    /// <inheritdoc/>
    public void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        ShapeValidator.SameLength("Axpy", x.Length, y.Length);
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);
    }

    /// <inheritdoc/>
    public void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        ShapeValidator.SameLength("Axpy", x.Length, y.Length);
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);
    }

    /// <inheritdoc/>
    public void Scale(double alpha, Span<double> x) => TensorPrimitives.Multiply(x, alpha, x);

    /// <inheritdoc/>
    public void Scale(float alpha, Span<float> x) => TensorPrimitives.Multiply(x, alpha, x);

    /// <inheritdoc/>
    public double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ShapeValidator.SameLength("Dot", x.Length, y.Length);
        return TensorPrimitives.Dot(x, y);
    }

    /// <inheritdoc/>
    public float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        ShapeValidator.SameLength("Dot", x.Length, y.Length);
        return TensorPrimitives.Dot(x, y);
    }

    /// <inheritdoc/>
    public void Tanh(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Tanh", x, y);
        TensorPrimitives.Tanh(x, y);
    }

    /// <inheritdoc/>
    public void Tanh(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Tanh", x, y);
        TensorPrimitives.Tanh(x, y);
    }

    /// <inheritdoc/>
    public void Exp(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Exp", x, y);
        TensorPrimitives.Exp(x, y);
    }

    /// <inheritdoc/>
    public void Exp(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Exp", x, y);
        TensorPrimitives.Exp(x, y);
    }

    /// <inheritdoc/>
    public void Log(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Log", x, y);
        TensorPrimitives.Log(x, y);
    }

    /// <inheritdoc/>
    public void Log(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Log", x, y);
        TensorPrimitives.Log(x, y);
    }

    /// <inheritdoc/>
    public void Sigmoid(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Sigmoid", x, y);
        ElementWise.ManagedSigmoid(x, y);
    }

    /// <inheritdoc/>
    public void Sigmoid(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Sigmoid", x, y);
        ElementWise.ManagedSigmoid(x, y);
    }

    /// <inheritdoc/>
    public void SymmetricEigen(int n, ReadOnlySpan<double> a, Span<double> eigenvalues, Span<double> eigenvectors)
    {
        ShapeValidator.SymmetricEigen("SymmetricEigen", n, a.Length, eigenvalues.Length, eigenvectors.Length);
        if (n == 0) return;
        // Work on a symmetric copy built from the lower triangle: the input is never modified and the upper
        // triangle is never read, as the interface promises.
        var matrix = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
                matrix[i + j * n] = matrix[j + i * n] = a[i + j * n];
        var vectors = new double[n * n];
        var complexValues = new System.Numerics.Complex[n];
        var blockDiagonal = new double[n * n];
        ManagedLinearAlgebraProvider.Instance.EigenDecomp(true, n, matrix, vectors, complexValues, blockDiagonal);
        Decompositions.StoreAscending(n, complexValues, vectors, eigenvalues, eigenvectors);
    }

    /// <inheritdoc/>
    public void Svd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u, Span<double> vt)
    {
        ShapeValidator.Svd("Svd", m, n, a.Length, singularValues.Length, u.Length, vt.Length);
        int p = Math.Min(m, n);
        if (p == 0) return;
        var copy = a[..(m * n)].ToArray();
        var s = new double[p];
        var fullU = new double[m * m];
        var fullVt = new double[n * n];
        ManagedLinearAlgebraProvider.Instance.SingularValueDecomposition(true, copy, m, n, s, fullU, fullVt);
        Decompositions.StoreThinSvd(m, n, s, fullU, fullVt, singularValues, u, vt);
    }

    // ---- BLAS level 2: rank-1 updates and symmetric products (column-wise, vectorised by TensorPrimitives) ----

    /// <inheritdoc/>
    public void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> a, int lda)
    {
        ShapeValidator.Ger("Ger", m, n, x.Length, y.Length, a.Length, lda);
        ShapeValidator.NoOverlap("Ger", x, y, a);
        if (m == 0 || alpha == 0) return;
        var column = x[..m];
        for (int j = 0; j < n; j++)
        {
            double s = alpha * y[j];
            if (s != 0) TensorPrimitives.MultiplyAdd(column, s, a.Slice(j * lda, m), a.Slice(j * lda, m));
        }
    }

    /// <inheritdoc/>
    public void Symv(int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        ShapeValidator.Symmetric("Symv", n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Symv", a, x, y);
        var result = y[..n];
        if (beta == 0) result.Clear();
        else if (beta != 1) TensorPrimitives.Multiply(result, beta, result);
        if (alpha == 0) return;
        // Column j of the lower triangle, A[j..n, j], contributes A[i, j]·x[j] to y[i] (i ≥ j) and, mirrored,
        // A[i, j]·x[i] to y[j] (i > j).
        for (int j = 0; j < n; j++)
        {
            var below = a.Slice(j * lda + j, n - j);
            double s = alpha * x[j];
            TensorPrimitives.MultiplyAdd(below, s, result[j..], result[j..]);
            if (j + 1 < n) result[j] += alpha * TensorPrimitives.Dot(below[1..], x[(j + 1)..n]);
        }
    }

    /// <inheritdoc/>
    public void Syr(int n, double alpha, ReadOnlySpan<double> x, Span<double> a, int lda)
    {
        ShapeValidator.Symmetric("Syr", n, a.Length, lda, x.Length);
        ShapeValidator.NoOverlap("Syr", x, ReadOnlySpan<double>.Empty, a);
        if (alpha == 0) return;
        for (int j = 0; j < n; j++)
        {
            double s = alpha * x[j];
            if (s == 0) continue;
            var below = a.Slice(j * lda + j, n - j);
            TensorPrimitives.MultiplyAdd(x[j..n], s, below, below);
        }
    }

    // ---- LAPACK for dynamics analyses: general eigen-decomposition (?geev) and Cholesky solve (?posv) ----

    /// <inheritdoc/>
    /// <remarks>
    /// MathNet's managed Hessenberg–QR algorithm gives the eigenvalues and right eigenvectors; the left eigenvectors
    /// are the conjugated rows of V⁻¹ (so uₖᴴ·vⱼ = δₖⱼ holds by construction).
    /// </remarks>
    public void GeneralEigen(int n, ReadOnlySpan<double> a, Span<System.Numerics.Complex> eigenvalues,
        Span<System.Numerics.Complex> leftEigenvectors, Span<System.Numerics.Complex> rightEigenvectors)
    {
        ShapeValidator.GeneralEigen("GeneralEigen", n, a.Length, eigenvalues.Length, leftEigenvectors.Length, rightEigenvectors.Length);
        if (n == 0) return;
        var matrix = a[..(n * n)].ToArray();
        for (int k = 0; k < matrix.Length; k++)
            if (!double.IsFinite(matrix[k]))
                throw new ArithmeticException($"GeneralEigen: the {n}×{n} matrix holds {matrix[k]} at index {k}; the QR algorithm needs finite values.");
        var vectors = new double[n * n];
        var values = new System.Numerics.Complex[n];
        var blockDiagonal = new double[n * n];
        ManagedLinearAlgebraProvider.Instance.EigenDecomp(false, n, matrix, vectors, values, blockDiagonal);
        bool wantLeft = leftEigenvectors.Length > 0;
        bool wantRight = wantLeft || rightEigenvectors.Length > 0;
        var right = wantRight ? GeneralEigenResults.FromRealStorage(n, values, vectors) : null;
        System.Numerics.Complex[]? left = null;
        if (wantLeft)
        {
            var inverse = GeneralEigenResults.Inverse(n, right!);
            left = new System.Numerics.Complex[n * n];
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++) left[k * n + i] = System.Numerics.Complex.Conjugate(inverse[i * n + k]);
        }
        GeneralEigenResults.Store(n, values, right, left, eigenvalues, leftEigenvectors, rightEigenvectors);
    }

    /// <inheritdoc/>
    public bool CholeskySolve(int n, Span<double> a, Span<double> b)
    {
        ShapeValidator.CholeskySolve("CholeskySolve", n, a.Length, b.Length);
        // Right-looking factorisation on the lower triangle: every update is an axpy on a contiguous column segment.
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j];
            if (!(d > 0) || !double.IsFinite(d)) return false;
            double l = Math.Sqrt(d);
            var column = a.Slice(j * n + j, n - j);
            TensorPrimitives.Multiply(column, 1 / l, column);
            column[0] = l;
            for (int k = j + 1; k < n; k++)
            {
                double s = a[j * n + k];
                if (s != 0) TensorPrimitives.MultiplyAdd(a.Slice(j * n + k, n - k), -s, a.Slice(k * n + k, n - k), a.Slice(k * n + k, n - k));
            }
        }
        // L·y = b (forward, column-oriented), then Lᵀ·x = y (backward, dot products on columns of L).
        for (int j = 0; j < n; j++)
        {
            b[j] /= a[j * n + j];
            if (b[j] != 0 && j + 1 < n) TensorPrimitives.MultiplyAdd(a.Slice(j * n + j + 1, n - j - 1), -b[j], b.Slice(j + 1, n - j - 1), b.Slice(j + 1, n - j - 1));
        }
        for (int j = n - 1; j >= 0; j--)
        {
            double dot = j + 1 < n ? TensorPrimitives.Dot(a.Slice(j * n + j + 1, n - j - 1), b.Slice(j + 1, n - j - 1)) : 0;
            b[j] = (b[j] - dot) / a[j * n + j];
        }
        for (int k = 0; k < n; k++) if (!double.IsFinite(b[k])) return false;
        return true;
    }
}
