using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace NeuroRnn.Numerics;

/// <summary>
/// Intel MKL back-end (libmkl_rt, LP64). Each call validates shapes with a few integer comparisons, pins the spans
/// and calls MKL directly through a function pointer: no allocation and no copies on the BLAS and element-wise
/// paths. MKL itself is thread-safe, so one instance serves every thread. The thread count is a process-wide MKL
/// setting; it defaults to the number of physical cores.
/// Obtain it through <see cref="NumericsBackend.Mkl"/> or <see cref="NumericsBackend.Current"/>.
/// </summary>
public sealed unsafe class MklBackend : INumericsBackend
{
    /// <summary>Below this length, element-wise functions run in managed code: a VML call costs more than the work.</summary>
    internal const int SmallElementWiseLength = 64;

    private const int SigmoidChunk = 512;
    private readonly MklNative _mkl;
    private readonly string _version;

    internal MklBackend(MklNative mkl)
    {
        _mkl = mkl;
        _version = mkl.Version();
        SetThreadCount(HardwareInfo.PhysicalCoreCount);
    }

    /// <inheritdoc/>
    public string Name => "mkl";

    /// <inheritdoc/>
    public string Description => $"mkl ({_version}), {ThreadCount} threads ({ThreadingLayer}), CPU {HardwareInfo.InstructionSet}, reproducibility {Reproducibility}";

    /// <summary>MKL's version string, from mkl_get_version_string.</summary>
    public string Version => _version;

    /// <summary>MKL's threading layer: "GNU OpenMP" (libgomp) or "sequential" when libgomp is missing.</summary>
    public string ThreadingLayer => _mkl.ThreadingLayer;

    /// <summary>MKL's numerical reproducibility mode ("strict": bitwise identical results for the same inputs and thread
    /// count regardless of memory alignment; or the user's MKL_CBWR setting).</summary>
    public string Reproducibility => _mkl.Reproducibility;

    /// <summary>The library file that was loaded (e.g. "libmkl_rt.so").</summary>
    public string LibraryName => _mkl.LibraryName;

    /// <inheritdoc/>
    public int ThreadCount => _mkl.GetMaxThreads();

    /// <summary>
    /// The instruction set MKL dispatches to on this CPU (mkl_cbwr_get_auto_branch), e.g. "AVX-512" or "AVX2".
    /// </summary>
    public string MklCodePath
    {
        get
        {
            if (_mkl.CbwrGetAutoBranch == null) return "unknown";
            int branch = _mkl.CbwrGetAutoBranch();
            return branch switch
            {
                2 => "not reported",
                3 => "compatible",
                4 => "SSE2",
                5 => "SSE3",
                6 => "SSSE3",
                7 => "SSE4.1",
                8 => "SSE4.2",
                9 => "AVX",
                10 => "AVX2",
                11 => "AVX-512 (MIC)",
                12 => "AVX-512",
                13 => "AVX-512 (MIC E1)",
                14 => "AVX-512 (E1)",
                _ => $"branch {branch}",
            };
        }
    }

    /// <summary>Sets MKL's thread count for the whole process (mkl_set_num_threads).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is less than 1.</exception>
    public void SetThreadCount(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        _mkl.SetNumThreads(threadCount);
    }

    private static int Op(Transpose t) => t == Transpose.None ? MklNative.NoTrans : MklNative.Trans;

    /// <inheritdoc/>
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        ShapeValidator.Gemm("Gemm", transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ShapeValidator.NoOverlap("Gemm", a, b, c);
        if (m == 0 || n == 0) return;
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pc = c)
        {
            // With k = 0 the operand spans may be empty (null pointers): scale C here instead of trusting native code.
            if (k == 0) { ScaleMatrix(m, n, beta, pc, ldc); return; }
            _mkl.Dgemm(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <inheritdoc/>
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        ShapeValidator.Gemm("Gemm", transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ShapeValidator.NoOverlap("Gemm", a, b, c);
        if (m == 0 || n == 0) return;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
        {
            if (k == 0) { ScaleMatrix(m, n, beta, pc, ldc); return; }
            _mkl.Sgemm(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <inheritdoc/>
    public void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, long strideA, ReadOnlySpan<double> b, int ldb, long strideB,
        double beta, Span<double> c, int ldc, long strideC, int batchCount)
    {
        ShapeValidator.GemmStridedBatched("GemmStridedBatched", transA, transB, m, n, k, a.Length, lda, strideA,
            b.Length, ldb, strideB, c.Length, ldc, strideC, batchCount);
        ShapeValidator.NoOverlap("GemmStridedBatched", a, b, c);
        if (m == 0 || n == 0 || batchCount == 0) return;
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pc = c)
        {
            if (k == 0)
            {
                for (int i = 0; i < batchCount; i++) ScaleMatrix(m, n, beta, pc + i * strideC, ldc);
                return;
            }
            if (UseNativeBatch(_mkl.DgemmBatchStrided != null, transA, transB, m, n, k, lda, strideA, ldb, strideB, ldc, strideC, batchCount))
                _mkl.DgemmBatchStrided(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, (int)strideA,
                    pb, ldb, (int)strideB, beta, pc, ldc, (int)strideC, batchCount);
            else
                for (int i = 0; i < batchCount; i++)
                    _mkl.Dgemm(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa + i * strideA, lda,
                        pb + i * strideB, ldb, beta, pc + i * strideC, ldc);
        }
    }

    /// <inheritdoc/>
    public void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB,
        float beta, Span<float> c, int ldc, long strideC, int batchCount)
    {
        ShapeValidator.GemmStridedBatched("GemmStridedBatched", transA, transB, m, n, k, a.Length, lda, strideA,
            b.Length, ldb, strideB, c.Length, ldc, strideC, batchCount);
        ShapeValidator.NoOverlap("GemmStridedBatched", a, b, c);
        if (m == 0 || n == 0 || batchCount == 0) return;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
        {
            if (k == 0)
            {
                for (int i = 0; i < batchCount; i++) ScaleMatrix(m, n, beta, pc + i * strideC, ldc);
                return;
            }
            if (UseNativeBatch(_mkl.SgemmBatchStrided != null, transA, transB, m, n, k, lda, strideA, ldb, strideB, ldc, strideC, batchCount))
                _mkl.SgemmBatchStrided(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, (int)strideA,
                    pb, ldb, (int)strideB, beta, pc, ldc, (int)strideC, batchCount);
            else
                for (int i = 0; i < batchCount; i++)
                    _mkl.Sgemm(MklNative.ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa + i * strideA, lda,
                        pb + i * strideB, ldb, beta, pc + i * strideC, ldc);
        }
    }

    /// <inheritdoc/>
    public void Gemv(Transpose transA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        ShapeValidator.Gemv("Gemv", transA, m, n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Gemv", a, x, y);
        int yLength = transA == Transpose.None ? m : n;
        if (m == 0 || n == 0)
        {
            // Empty inner dimension: y = beta·y (reference BLAS would leave y untouched; we keep the algebra).
            var result = y[..yLength];
            if (beta == 0) result.Clear(); else TensorPrimitives.Multiply(result, beta, result);
            return;
        }
        fixed (double* pa = a) fixed (double* px = x) fixed (double* py = y)
            _mkl.Dgemv(MklNative.ColMajor, Op(transA), m, n, alpha, pa, lda, px, 1, beta, py, 1);
    }

    /// <inheritdoc/>
    public void Gemv(Transpose transA, int m, int n, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        ShapeValidator.Gemv("Gemv", transA, m, n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Gemv", a, x, y);
        int yLength = transA == Transpose.None ? m : n;
        if (m == 0 || n == 0)
        {
            var result = y[..yLength];
            if (beta == 0) result.Clear(); else TensorPrimitives.Multiply(result, beta, result);
            return;
        }
        fixed (float* pa = a) fixed (float* px = x) fixed (float* py = y)
            _mkl.Sgemv(MklNative.ColMajor, Op(transA), m, n, alpha, pa, lda, px, 1, beta, py, 1);
    }

    /// <inheritdoc/>
    public void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        ShapeValidator.SameLength("Axpy", x.Length, y.Length);
        if (x.Length == 0) return;
        fixed (double* px = x) fixed (double* py = y) _mkl.Daxpy(x.Length, alpha, px, 1, py, 1);
    }

    /// <inheritdoc/>
    public void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        ShapeValidator.SameLength("Axpy", x.Length, y.Length);
        if (x.Length == 0) return;
        fixed (float* px = x) fixed (float* py = y) _mkl.Saxpy(x.Length, alpha, px, 1, py, 1);
    }

    /// <inheritdoc/>
    public void Scale(double alpha, Span<double> x)
    {
        if (x.Length == 0) return;
        fixed (double* px = x) _mkl.Dscal(x.Length, alpha, px, 1);
    }

    /// <inheritdoc/>
    public void Scale(float alpha, Span<float> x)
    {
        if (x.Length == 0) return;
        fixed (float* px = x) _mkl.Sscal(x.Length, alpha, px, 1);
    }

    /// <inheritdoc/>
    public double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ShapeValidator.SameLength("Dot", x.Length, y.Length);
        if (x.Length == 0) return 0;
        fixed (double* px = x) fixed (double* py = y) return _mkl.Ddot(x.Length, px, 1, py, 1);
    }

    /// <inheritdoc/>
    public float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        ShapeValidator.SameLength("Dot", x.Length, y.Length);
        if (x.Length == 0) return 0;
        fixed (float* px = x) fixed (float* py = y) return _mkl.Sdot(x.Length, px, 1, py, 1);
    }

    /// <inheritdoc/>
    public void Tanh(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Tanh", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Tanh(x, y); return; }
        fixed (double* px = x) fixed (double* py = y) _mkl.VdTanh(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Tanh(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Tanh", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Tanh(x, y); return; }
        fixed (float* px = x) fixed (float* py = y) _mkl.VsTanh(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Exp(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Exp", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Exp(x, y); return; }
        fixed (double* px = x) fixed (double* py = y) _mkl.VdExp(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Exp(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Exp", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Exp(x, y); return; }
        fixed (float* px = x) fixed (float* py = y) _mkl.VsExp(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Log(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Log", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Log(x, y); return; }
        fixed (double* px = x) fixed (double* py = y) _mkl.VdLn(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Log(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Log", x, y);
        if (x.Length < SmallElementWiseLength) { TensorPrimitives.Log(x, y); return; }
        fixed (float* px = x) fixed (float* py = y) _mkl.VsLn(x.Length, px, py);
    }

    /// <inheritdoc/>
    public void Sigmoid(ReadOnlySpan<double> x, Span<double> y)
    {
        ElementWise.Check("Sigmoid", x, y);
        if (x.Length < SmallElementWiseLength) { ElementWise.ManagedSigmoid(x, y); return; }
        // Stable form: with t = exp(−|x|) ∈ (0, 1], σ(x) = 1/(1+t) for x ≥ 0 and t/(1+t) for x &lt; 0. Nothing
        // overflows and small results keep full relative precision. Chunks through a stack buffer keep it
        // allocation-free and allow x and y to be the same span.
        double* t = stackalloc double[SigmoidChunk];
        fixed (double* px = x) fixed (double* py = y)
        {
            for (int start = 0; start < x.Length; start += SigmoidChunk)
            {
                int count = Math.Min(SigmoidChunk, x.Length - start);
                var chunk = new Span<double>(t, count);
                TensorPrimitives.Abs(new ReadOnlySpan<double>(px + start, count), chunk);
                TensorPrimitives.Negate(chunk, chunk);
                _mkl.VdExp(count, t, t);
                CombineSigmoid(count, px + start, t, py + start);
            }
        }
    }

    /// <inheritdoc/>
    public void Sigmoid(ReadOnlySpan<float> x, Span<float> y)
    {
        ElementWise.Check("Sigmoid", x, y);
        if (x.Length < SmallElementWiseLength) { ElementWise.ManagedSigmoid(x, y); return; }
        float* t = stackalloc float[SigmoidChunk];
        fixed (float* px = x) fixed (float* py = y)
        {
            for (int start = 0; start < x.Length; start += SigmoidChunk)
            {
                int count = Math.Min(SigmoidChunk, x.Length - start);
                var chunk = new Span<float>(t, count);
                TensorPrimitives.Abs(new ReadOnlySpan<float>(px + start, count), chunk);
                TensorPrimitives.Negate(chunk, chunk);
                _mkl.VsExp(count, t, t);
                CombineSigmoid(count, px + start, t, py + start);
            }
        }
    }

    private static void CombineSigmoid<T>(int count, T* x, T* t, T* y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<T>.One;
            var zero = Vector<T>.Zero;
            for (; i + Vector<T>.Count <= count; i += Vector<T>.Count)
            {
                var tv = Vector.Load(t + i);
                var nonNegative = Vector.GreaterThanOrEqual(Vector.Load(x + i), zero);
                (Vector.ConditionalSelect(nonNegative, one, tv) / (one + tv)).Store(y + i);
            }
        }
        for (; i < count; i++)
        {
            T ti = t[i];
            y[i] = (x[i] >= T.Zero ? T.One : ti) / (T.One + ti);
        }
    }

    /// <inheritdoc/>
    public void SymmetricEigen(int n, ReadOnlySpan<double> a, Span<double> eigenvalues, Span<double> eigenvectors)
    {
        ShapeValidator.SymmetricEigen("SymmetricEigen", n, a.Length, eigenvalues.Length, eigenvectors.Length);
        if (n == 0) return;
        // dsyevd overwrites its matrix with the eigenvectors: copy A into the output, never touch the input.
        a[..(n * n)].CopyTo(eigenvectors);
        int info;
        fixed (double* pv = eigenvectors) fixed (double* pw = eigenvalues)
            info = _mkl.Dsyevd(MklNative.ColMajor, (byte)'V', (byte)'L', n, pv, n, pw);
        if (info != 0)
            throw new ArithmeticException(
                $"SymmetricEigen: LAPACKE_dsyevd failed for a {n}×{n} matrix (info={info}); " +
                (info > 0 ? "the algorithm did not converge (does the matrix contain NaN or Inf?)." : "an argument was rejected."));
    }

    /// <inheritdoc/>
    public void Svd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u, Span<double> vt)
    {
        ShapeValidator.Svd("Svd", m, n, a.Length, singularValues.Length, u.Length, vt.Length);
        int p = Math.Min(m, n);
        if (p == 0) return;
        // dgesdd destroys its input: work on a pooled copy.
        double[] work = ArrayPool<double>.Shared.Rent(m * n);
        try
        {
            a[..(m * n)].CopyTo(work);
            int info;
            fixed (double* pa = work) fixed (double* ps = singularValues) fixed (double* pu = u) fixed (double* pvt = vt)
                info = _mkl.Dgesdd(MklNative.ColMajor, (byte)'S', m, n, pa, m, ps, pu, m, pvt, p);
            if (info != 0)
                throw new ArithmeticException(
                    $"Svd: LAPACKE_dgesdd failed for a {m}×{n} matrix (info={info}); " +
                    (info > 0 ? "the algorithm did not converge (does the matrix contain NaN or Inf?)." : "an argument was rejected."));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

    /// <summary>
    /// MKL's ?gemm_batch_strided rejects strides smaller than one stored matrix (so no stride 0 to share an operand)
    /// even for a single entry; such batches, and single GEMMs, go through a loop of ?gemm instead. After validation
    /// every span fits in an int, so strides of a batch with more than one entry fit MKL_INT.
    /// </summary>
    private static bool UseNativeBatch(bool exported, Transpose transA, Transpose transB, int m, int n, int k,
        int lda, long strideA, int ldb, long strideB, int ldc, long strideC, int batchCount)
    {
        if (!exported || batchCount < 2) return false;
        int aCols = transA == Transpose.None ? k : m;
        int bCols = transB == Transpose.None ? n : k;
        return strideA >= (long)lda * aCols && strideB >= (long)ldb * bCols && strideC >= (long)ldc * n;
    }

    private static void ScaleMatrix<T>(int m, int n, T beta, T* c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (int j = 0; j < n; j++)
        {
            var column = new Span<T>(c + (long)j * ldc, m);
            if (beta == T.Zero) column.Clear(); else TensorPrimitives.Multiply(column, beta, column);
        }
    }

    // ---- BLAS level 2: rank-1 updates and symmetric products (cblas_dger, cblas_dsymv, cblas_dsyr) ----

    private const int LowerTriangle = 122;

    /// <inheritdoc/>
    public void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> a, int lda)
    {
        ShapeValidator.Ger("Ger", m, n, x.Length, y.Length, a.Length, lda);
        ShapeValidator.NoOverlap("Ger", x, y, a);
        if (m == 0 || n == 0) return;
        fixed (double* px = x) fixed (double* py = y) fixed (double* pa = a)
            _mkl.Dger(MklNative.ColMajor, m, n, alpha, px, 1, py, 1, pa, lda);
    }

    /// <inheritdoc/>
    public void Symv(int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        ShapeValidator.Symmetric("Symv", n, a.Length, lda, x.Length, y.Length);
        ShapeValidator.NoOverlap("Symv", a, x, y);
        if (n == 0) return;
        fixed (double* pa = a) fixed (double* px = x) fixed (double* py = y)
            _mkl.Dsymv(MklNative.ColMajor, LowerTriangle, n, alpha, pa, lda, px, 1, beta, py, 1);
    }

    /// <inheritdoc/>
    public void Syr(int n, double alpha, ReadOnlySpan<double> x, Span<double> a, int lda)
    {
        ShapeValidator.Symmetric("Syr", n, a.Length, lda, x.Length);
        ShapeValidator.NoOverlap("Syr", x, ReadOnlySpan<double>.Empty, a);
        if (n == 0) return;
        fixed (double* px = x) fixed (double* pa = a)
            _mkl.Dsyr(MklNative.ColMajor, LowerTriangle, n, alpha, px, 1, pa, lda);
    }

    // ---- LAPACK for dynamics analyses: general eigen-decomposition (?geev) and Cholesky solve (?posv) ----

    /// <inheritdoc/>
    public void GeneralEigen(int n, ReadOnlySpan<double> a, Span<Complex> eigenvalues, Span<Complex> leftEigenvectors, Span<Complex> rightEigenvectors)
    {
        ShapeValidator.GeneralEigen("GeneralEigen", n, a.Length, eigenvalues.Length, leftEigenvectors.Length, rightEigenvectors.Length);
        if (n == 0) return;
        bool wantLeft = leftEigenvectors.Length > 0;
        // Left eigenvectors are normalised against the right ones, so those are computed whenever either is wanted.
        bool wantRight = wantLeft || rightEigenvectors.Length > 0;
        // dgeev destroys its matrix: work on a copy. Not a hot path, so plain arrays. Matrices of the size of a network's
        // Jacobian (hundreds) decompose faster on one thread than with OpenMP's fork/join, far more so on busy cores.
        using var threads = n < 512 ? ThreadsOnThisThread(1) : null;
        var work = a[..(n * n)].ToArray();
        var wr = new double[n];
        var wi = new double[n];
        var vl = new double[wantLeft ? n * n : 1];
        var vr = new double[wantRight ? n * n : 1];
        int info;
        fixed (double* pa = work) fixed (double* pwr = wr) fixed (double* pwi = wi) fixed (double* pvl = vl) fixed (double* pvr = vr)
            info = _mkl.Dgeev(MklNative.ColMajor, (byte)(wantLeft ? 'V' : 'N'), (byte)(wantRight ? 'V' : 'N'), n, pa, n, pwr, pwi, pvl, n, pvr, n);
        if (info != 0)
            throw new ArithmeticException(
                $"GeneralEigen: LAPACKE_dgeev failed for a {n}×{n} matrix (info={info}); " +
                (info > 0 ? "the QR algorithm did not converge (does the matrix contain NaN or Inf?)." : "an argument was rejected (does the matrix contain NaN?)."));
        var values = new Complex[n];
        for (int k = 0; k < n; k++) values[k] = new Complex(wr[k], wi[k]);
        var right = wantRight ? GeneralEigenResults.FromRealStorage(n, values, vr) : null;
        var left = wantLeft ? GeneralEigenResults.FromRealStorage(n, values, vl) : null;
        GeneralEigenResults.Store(n, values, right, left, eigenvalues, leftEigenvectors, rightEigenvectors);
    }

    /// <inheritdoc/>
    public bool CholeskySolve(int n, Span<double> a, Span<double> b)
    {
        ShapeValidator.CholeskySolve("CholeskySolve", n, a.Length, b.Length);
        if (n == 0) return true;
        int info;
        fixed (double* pa = a) fixed (double* pb = b)
            info = _mkl.Dposv(MklNative.ColMajor, (byte)'L', n, 1, pa, n, pb, n);
        return info == 0;
    }

    /// <summary>
    /// Runs MKL on <paramref name="threadCount"/> threads for calls from the current thread until the result is disposed
    /// (MKL_Set_Num_Threads_Local; other threads keep <see cref="ThreadCount"/>). Long sequences of small level-2 calls
    /// (RLS: a few N×N products per time step) are faster on one thread: OpenMP's fork/join per call costs more than it
    /// saves, and far more when the cores are busy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is less than 1.</exception>
    public IDisposable ThreadsOnThisThread(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        return new LocalThreads(_mkl, _mkl.SetNumThreadsLocal(threadCount));
    }

    /// <summary>
    /// Sets MKL's thread count for calls from the current thread (0: back to <see cref="ThreadCount"/>) and returns the
    /// previous local setting — <see cref="ThreadsOnThisThread"/> without its disposable, for loops that must not allocate.
    /// </summary>
    internal int SetThreadsOnThisThread(int threadCount) => _mkl.SetNumThreadsLocal(threadCount);

    private sealed class LocalThreads(MklNative mkl, int previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            mkl.SetNumThreadsLocal(previous);
        }
    }
}
