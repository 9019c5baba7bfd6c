namespace NeuroRnn.Numerics;

/// <summary>
/// Shape checks shared by every back-end, so that both reject exactly the same inputs with the same messages and
/// nothing malformed ever reaches native code. Every check is a handful of integer comparisons; the message strings
/// are only built on failure.
/// </summary>
internal static class ShapeValidator
{
    /// <summary>Validates a GEMM call (column-major, BLAS semantics).</summary>
    public static void Gemm(string operation, Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        RequireNonNegative(operation, m, n, k);
        var (aRows, aCols) = transA == Transpose.None ? (m, k) : (k, m);
        var (bRows, bCols) = transB == Transpose.None ? (k, n) : (n, k);
        RequireLeadingDimension(operation, "lda", "A", lda, aRows, aCols, m, n, k, transA, transB);
        RequireLeadingDimension(operation, "ldb", "B", ldb, bRows, bCols, m, n, k, transA, transB);
        RequireLeadingDimension(operation, "ldc", "C", ldc, m, n, m, n, k, transA, transB);
        RequireSpan(operation, "a", aLength, aRows, aCols, lda, "lda", 1, 0, m, n, k, transA, transB);
        RequireSpan(operation, "b", bLength, bRows, bCols, ldb, "ldb", 1, 0, m, n, k, transA, transB);
        RequireSpan(operation, "c", cLength, m, n, ldc, "ldc", 1, 0, m, n, k, transA, transB);
    }

    /// <summary>Validates a strided batched GEMM call.</summary>
    public static void GemmStridedBatched(string operation, Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, long strideA, int bLength, int ldb, long strideB, int cLength, int ldc, long strideC,
        int batchCount)
    {
        RequireNonNegative(operation, m, n, k);
        if (batchCount < 0)
            throw new ArgumentException($"{operation}: batchCount is {batchCount}; it must be zero or positive.", nameof(batchCount));
        var (aRows, aCols) = transA == Transpose.None ? (m, k) : (k, m);
        var (bRows, bCols) = transB == Transpose.None ? (k, n) : (n, k);
        RequireLeadingDimension(operation, "lda", "A", lda, aRows, aCols, m, n, k, transA, transB);
        RequireLeadingDimension(operation, "ldb", "B", ldb, bRows, bCols, m, n, k, transA, transB);
        RequireLeadingDimension(operation, "ldc", "C", ldc, m, n, m, n, k, transA, transB);
        if (strideA < 0 || strideB < 0 || strideC < 0)
            throw new ArgumentException(
                $"{operation}: strides must be zero or positive (strideA={strideA}, strideB={strideB}, strideC={strideC}).");
        // Outputs of different batch entries must not overlap, or results would depend on the execution order.
        if (batchCount > 1 && m > 0 && n > 0 && strideC < (long)ldc * (n - 1) + m)
            throw new ArgumentException(
                $"{operation}: strideC={strideC} is smaller than one {m}×{n} C matrix with ldc={ldc} " +
                $"({(long)ldc * (n - 1) + m} elements), so the {batchCount} outputs would overlap.", nameof(strideC));
        RequireSpan(operation, "a", aLength, aRows, aCols, lda, "lda", batchCount, strideA, m, n, k, transA, transB);
        RequireSpan(operation, "b", bLength, bRows, bCols, ldb, "ldb", batchCount, strideB, m, n, k, transA, transB);
        RequireSpan(operation, "c", cLength, m, n, ldc, "ldc", batchCount, strideC, m, n, k, transA, transB);
    }

    /// <summary>Validates a GEMV call: A is m×n as stored.</summary>
    public static void Gemv(string operation, Transpose transA, int m, int n, int aLength, int lda, int xLength, int yLength)
    {
        if (m < 0 || n < 0)
            throw new ArgumentException($"{operation}: A is {m}×{n}; dimensions must be zero or positive.");
        if (lda < Math.Max(1, m))
            throw new ArgumentException(
                $"{operation}: {GemvShape(transA, m, n)} but lda={lda} is smaller than the {m} rows of the stored A (lda must be ≥ max(1, {m})).", nameof(lda));
        long needA = Needed(m, n, lda);
        if (aLength < needA)
            throw new ArgumentException(
                $"{operation}: span 'a' has {aLength} elements but a {m}×{n} matrix with lda={lda} needs {needA}.", "a");
        int xNeed = transA == Transpose.None ? n : m;
        int yNeed = transA == Transpose.None ? m : n;
        if (xLength < xNeed)
            throw new ArgumentException(
                $"{operation}: {GemvShape(transA, m, n)} needs x of length {xNeed} but span 'x' has {xLength} elements.", "x");
        if (yLength < yNeed)
            throw new ArgumentException(
                $"{operation}: {GemvShape(transA, m, n)} produces y of length {yNeed} but span 'y' has {yLength} elements.", "y");
    }

    /// <summary>Validates two vectors that must have equal lengths.</summary>
    public static void SameLength(string operation, int xLength, int yLength)
    {
        if (xLength != yLength)
            throw new ArgumentException(
                $"{operation}: x has {xLength} elements but y has {yLength}; they must have the same length.", "y");
    }

    /// <summary>Validates a symmetric eigen-decomposition call.</summary>
    public static void SymmetricEigen(string operation, int n, int aLength, int valuesLength, int vectorsLength)
    {
        if (n < 0)
            throw new ArgumentException($"{operation}: n is {n}; it must be zero or positive.", nameof(n));
        long nn = (long)n * n;
        if (aLength < nn)
            throw new ArgumentException($"{operation}: span 'a' has {aLength} elements but an {n}×{n} matrix needs {nn}.", "a");
        if (valuesLength < n)
            throw new ArgumentException(
                $"{operation}: span 'eigenvalues' has {valuesLength} elements but an {n}×{n} matrix has {n} eigenvalues.", "eigenvalues");
        if (vectorsLength < nn)
            throw new ArgumentException(
                $"{operation}: span 'eigenvectors' has {vectorsLength} elements but {n} eigenvectors of length {n} need {nn}.", "eigenvectors");
    }

    /// <summary>Validates a thin SVD call.</summary>
    public static void Svd(string operation, int m, int n, int aLength, int sLength, int uLength, int vtLength)
    {
        if (m < 0 || n < 0)
            throw new ArgumentException($"{operation}: A is {m}×{n}; dimensions must be zero or positive.");
        int p = Math.Min(m, n);
        long needA = (long)m * n, needU = (long)m * p, needVt = (long)p * n;
        if (aLength < needA)
            throw new ArgumentException($"{operation}: span 'a' has {aLength} elements but a {m}×{n} matrix needs {needA}.", "a");
        if (sLength < p)
            throw new ArgumentException(
                $"{operation}: span 'singularValues' has {sLength} elements but a {m}×{n} matrix has {p} singular values.", "singularValues");
        if (uLength < needU)
            throw new ArgumentException(
                $"{operation}: span 'u' has {uLength} elements but U of a {m}×{n} matrix is {m}×{p} and needs {needU}.", "u");
        if (vtLength < needVt)
            throw new ArgumentException(
                $"{operation}: span 'vt' has {vtLength} elements but Vᵀ of a {m}×{n} matrix is {p}×{n} and needs {needVt}.", "vt");
    }

    /// <summary>Rejects an output span that shares memory with an input (BLAS leaves the result undefined).</summary>
    public static void NoOverlap<T>(string operation, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
    {
        if (c.Overlaps(a) || c.Overlaps(b))
            throw new ArgumentException(
                $"{operation}: the output span overlaps an input span, which would make the result undefined; use a separate output buffer.");
    }

    /// <summary>Elements a column-major rows×cols matrix with leading dimension ld spans (0 when empty).</summary>
    public static long Needed(int rows, int cols, int ld) =>
        rows == 0 || cols == 0 ? 0 : (long)ld * (cols - 1) + rows;

    private static void RequireNonNegative(string operation, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentException(
                $"{operation}: dimensions m={m}, n={n}, k={k} must be zero or positive (op(A) is m×k, op(B) k×n, C m×n).");
    }

    // Built only when an error is reported: the success path must not allocate.
    private static string GemvShape(Transpose transA, int m, int n) =>
        transA == Transpose.None ? $"op(A) = A is {m}×{n}" : $"op(A) = Aᵀ is {n}×{m}";

    private static string Shapes(int m, int n, int k, Transpose transA, Transpose transB) =>
        $"op(A) = {(transA == Transpose.None ? "A" : "Aᵀ")} is {m}×{k}, op(B) = {(transB == Transpose.None ? "B" : "Bᵀ")} is {k}×{n}, C is {m}×{n}";

    private static void RequireLeadingDimension(string operation, string ldName, string matrix, int ld, int rows, int cols,
        int m, int n, int k, Transpose transA, Transpose transB)
    {
        if (ld < Math.Max(1, rows))
            throw new ArgumentException(
                $"{operation}: {Shapes(m, n, k, transA, transB)}; the stored {matrix} is {rows}×{cols} but {ldName}={ld} " +
                $"is smaller than its {rows} rows ({ldName} must be ≥ max(1, {rows})).", ldName);
    }

    private static void RequireSpan(string operation, string spanName, int length, int rows, int cols, int ld, string ldName,
        int batchCount, long stride, int m, int n, int k, Transpose transA, Transpose transB)
    {
        long one = Needed(rows, cols, ld);
        long need = batchCount == 0 || one == 0 ? 0 : stride * (batchCount - 1) + one;
        if (length < need)
        {
            var batch = batchCount == 1 ? "" : $" × {batchCount} batch entries {stride} apart";
            throw new ArgumentException(
                $"{operation}: span '{spanName}' has {length} elements but a {rows}×{cols} matrix with {ldName}={ld}{batch} needs {need} " +
                $"({Shapes(m, n, k, transA, transB)}).", spanName);
        }
    }

    // ---- BLAS level 2: rank-1 updates and symmetric products ----

    /// <summary>Validates a rank-1 update A (m×n) += alpha·x·yᵀ.</summary>
    public static void Ger(string operation, int m, int n, int xLength, int yLength, int aLength, int lda)
    {
        if (m < 0 || n < 0)
            throw new ArgumentException($"{operation}: A is {m}×{n}; dimensions must be zero or positive.");
        if (lda < Math.Max(1, m))
            throw new ArgumentException($"{operation}: A is {m}×{n} but lda={lda} is smaller than its {m} rows (lda must be ≥ max(1, {m})).", nameof(lda));
        if (xLength < m)
            throw new ArgumentException($"{operation}: A is {m}×{n} so x needs {m} elements, but span 'x' has {xLength}.", "x");
        if (yLength < n)
            throw new ArgumentException($"{operation}: A is {m}×{n} so y needs {n} elements, but span 'y' has {yLength}.", "y");
        long need = Needed(m, n, lda);
        if (aLength < need)
            throw new ArgumentException($"{operation}: span 'a' has {aLength} elements but a {m}×{n} matrix with lda={lda} needs {need}.", "a");
    }

    /// <summary>Validates a symmetric n×n operand with leading dimension lda and, optionally, vectors x and y of length n.</summary>
    public static void Symmetric(string operation, int n, int aLength, int lda, int xLength, int yLength = int.MaxValue)
    {
        if (n < 0)
            throw new ArgumentException($"{operation}: n is {n}; it must be zero or positive.", nameof(n));
        if (lda < Math.Max(1, n))
            throw new ArgumentException($"{operation}: A is {n}×{n} but lda={lda} is smaller than its {n} rows (lda must be ≥ max(1, {n})).", nameof(lda));
        long need = Needed(n, n, lda);
        if (aLength < need)
            throw new ArgumentException($"{operation}: span 'a' has {aLength} elements but an {n}×{n} matrix with lda={lda} needs {need}.", "a");
        if (xLength < n)
            throw new ArgumentException($"{operation}: A is {n}×{n} so x needs {n} elements, but span 'x' has {xLength}.", "x");
        if (yLength < n)
            throw new ArgumentException($"{operation}: A is {n}×{n} so y needs {n} elements, but span 'y' has {yLength}.", "y");
    }

    // ---- LAPACK for dynamics analyses ----

    /// <summary>Validates a general eigen-decomposition call (empty eigenvector spans mean "not wanted").</summary>
    public static void GeneralEigen(string operation, int n, int aLength, int valuesLength, int leftLength, int rightLength)
    {
        // n, 'a' and 'eigenvalues' are checked as in the symmetric case (whose eigenvector span is always wanted).
        long nn = (long)Math.Max(0, n) * Math.Max(0, n);
        SymmetricEigen(operation, n, aLength, valuesLength, (int)Math.Min(int.MaxValue, nn));
        if (leftLength != 0 && leftLength < nn)
            throw new ArgumentException(
                $"{operation}: span 'leftEigenvectors' has {leftLength} elements but {n} eigenvectors of length {n} need {nn} (pass an empty span to skip them).", "leftEigenvectors");
        if (rightLength != 0 && rightLength < nn)
            throw new ArgumentException(
                $"{operation}: span 'rightEigenvectors' has {rightLength} elements but {n} eigenvectors of length {n} need {nn} (pass an empty span to skip them).", "rightEigenvectors");
    }

    /// <summary>Validates a Cholesky solve call.</summary>
    public static void CholeskySolve(string operation, int n, int aLength, int bLength)
    {
        // n and 'a' are checked as for any square matrix (the eigen-span arguments are satisfied by construction).
        long nn = (long)Math.Max(0, n) * Math.Max(0, n);
        SymmetricEigen(operation, n, aLength, Math.Max(0, n), (int)Math.Min(int.MaxValue, nn));
        if (bLength < n)
            throw new ArgumentException($"{operation}: span 'b' has {bLength} elements but the system has {n} unknowns.", "b");
    }
}
