namespace NeuroRnn.Numerics;

/// <summary>Whether a matrix operand of a BLAS call is used as stored or transposed.</summary>
public enum Transpose
{
    /// <summary>Use the operand as stored.</summary>
    None,
    /// <summary>Use the transpose of the operand.</summary>
    Transpose,
}

/// <summary>
/// The linear algebra and element-wise kernels that models, trainers and analyses need.
/// All matrices are dense and <b>column-major</b> (BLAS and MathNet.Numerics storage order); a leading
/// dimension is the distance between the starts of two consecutive columns. Implementations validate shapes
/// and throw <see cref="ArgumentException"/> naming both shapes before any native code runs.
/// </summary>
public interface INumericsBackend
{
    /// <summary>Short name of the back-end, e.g. "mkl" or "managed".</summary>
    string Name { get; }

    /// <summary>One-line description: library, version, threads and instruction set.</summary>
    string Description { get; }

    /// <summary>Threads used by the back-end's parallel kernels.</summary>
    int ThreadCount { get; }

    /// <summary>C = alpha·op(A)·op(B) + beta·C with op(A) m×k, op(B) k×n and C m×n.</summary>
    void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc);

    /// <inheritdoc cref="Gemm(Transpose, Transpose, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int)"/>
    void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc);

    /// <summary>
    /// <paramref name="batchCount"/> independent GEMMs; operand i starts at i·stride in its span.
    /// </summary>
    void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda, long strideA, ReadOnlySpan<double> b, int ldb, long strideB,
        double beta, Span<double> c, int ldc, long strideC, int batchCount);

    /// <inheritdoc cref="GemmStridedBatched(Transpose, Transpose, int, int, int, double, ReadOnlySpan{double}, int, long, ReadOnlySpan{double}, int, long, double, Span{double}, int, long, int)"/>
    void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB,
        float beta, Span<float> c, int ldc, long strideC, int batchCount);

    /// <summary>y = alpha·op(A)·x + beta·y with A m×n (as stored), unit strides.</summary>
    void Gemv(Transpose transA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <inheritdoc cref="Gemv(Transpose, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, double, Span{double})"/>
    void Gemv(Transpose transA, int m, int n, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> x, float beta, Span<float> y);

    /// <summary>y = alpha·x + y.</summary>
    void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y);
    /// <summary>y = alpha·x + y.</summary>
    void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y);

    /// <summary>x = alpha·x.</summary>
    void Scale(double alpha, Span<double> x);
    /// <summary>x = alpha·x.</summary>
    void Scale(float alpha, Span<float> x);

    /// <summary>xᵀy.</summary>
    double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y);
    /// <summary>xᵀy (accumulated in the back-end's native precision).</summary>
    float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y);

    /// <summary>y = tanh(x) element-wise; x and y may be the same span.</summary>
    void Tanh(ReadOnlySpan<double> x, Span<double> y);
    /// <summary>y = tanh(x) element-wise; x and y may be the same span.</summary>
    void Tanh(ReadOnlySpan<float> x, Span<float> y);
    /// <summary>y = exp(x) element-wise.</summary>
    void Exp(ReadOnlySpan<double> x, Span<double> y);
    /// <summary>y = exp(x) element-wise.</summary>
    void Exp(ReadOnlySpan<float> x, Span<float> y);
    /// <summary>y = ln(x) element-wise.</summary>
    void Log(ReadOnlySpan<double> x, Span<double> y);
    /// <summary>y = ln(x) element-wise.</summary>
    void Log(ReadOnlySpan<float> x, Span<float> y);
    /// <summary>y = 1/(1+exp(−x)) element-wise.</summary>
    void Sigmoid(ReadOnlySpan<double> x, Span<double> y);
    /// <summary>y = 1/(1+exp(−x)) element-wise.</summary>
    void Sigmoid(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>
    /// Eigen-decomposition of the symmetric n×n matrix A (only the lower triangle is read; A is not modified).
    /// Eigenvalues ascending; eigenvector i is column i of the n×n column-major <paramref name="eigenvectors"/>.
    /// </summary>
    void SymmetricEigen(int n, ReadOnlySpan<double> a, Span<double> eigenvalues, Span<double> eigenvectors);

    /// <summary>
    /// Thin SVD of the m×n matrix A (not modified): A = U·diag(s)·Vᵀ with p = min(m, n) singular values
    /// descending, U m×p and Vᵀ p×n, both column-major.
    /// </summary>
    void Svd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u, Span<double> vt);

    // ---- BLAS level 2: rank-1 updates and symmetric products (recursive least squares, FORCE) ----

    /// <summary>A = alpha·x·yᵀ + A with A m×n, x of length m and y of length n (BLAS ger).</summary>
    void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> a, int lda);

    /// <summary>
    /// y = alpha·A·x + beta·y with A n×n symmetric; only the lower triangle of A is read (BLAS symv).
    /// </summary>
    void Symv(int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <summary>
    /// A = alpha·x·xᵀ + A for the n×n symmetric A, on its lower triangle only; the strict upper triangle is left
    /// untouched (BLAS syr).
    /// </summary>
    void Syr(int n, double alpha, ReadOnlySpan<double> x, Span<double> a, int lda);

    // ---- LAPACK for dynamics analyses: general eigen-decomposition (?geev) and Cholesky solve (?posv) ----

    /// <summary>
    /// Eigen-decomposition of the general (non-symmetric) real n×n matrix A (column-major, not modified), LAPACK
    /// ?geev. Eigenvalues are sorted by descending real part, ties by descending imaginary part, so the member of a
    /// complex-conjugate pair with positive imaginary part comes first. Right eigenvector k is column k of the n×n
    /// column-major <paramref name="rightEigenvectors"/>: A·v_k = λ_k·v_k, with unit 2-norm and its largest-modulus
    /// entry real and positive. Left eigenvector k is column k of <paramref name="leftEigenvectors"/>:
    /// u_kᴴ·A = λ_k·u_kᴴ, scaled so that u_kᴴ·v_k = 1 (for a real eigenvalue both are real and u_kᵀ·v_k = 1).
    /// Both back-ends apply the same normalisation, so their results agree up to rounding (and up to the order of
    /// eigenvalues whose real parts tie within rounding). Pass an empty span for either set of eigenvectors to skip
    /// it. Left eigenvectors of a (nearly) defective eigenvalue are ill-determined: u_kᴴ·v_k is then close to zero.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short (the message names it).</exception>
    /// <exception cref="ArithmeticException">The QR algorithm did not converge (e.g. NaN in A).</exception>
    void GeneralEigen(int n, ReadOnlySpan<double> a, Span<System.Numerics.Complex> eigenvalues,
        Span<System.Numerics.Complex> leftEigenvectors, Span<System.Numerics.Complex> rightEigenvectors);

    /// <summary>
    /// Solves A·x = b for a symmetric positive definite n×n matrix A in place (LAPACK ?posv semantics, so a hot loop
    /// allocates nothing): only the lower triangle of <paramref name="a"/> is read and it is overwritten by the
    /// Cholesky factor L (A = L·Lᵀ); <paramref name="b"/> (length n) is overwritten by x.
    /// </summary>
    /// <returns>False, with <paramref name="b"/> unspecified, when A is not positive definite (or holds NaN).</returns>
    /// <exception cref="ArgumentException">A span is too short (the message names it).</exception>
    bool CholeskySolve(int n, Span<double> a, Span<double> b);
}
