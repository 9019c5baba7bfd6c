using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;
using MathNetTranspose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;

namespace NeuroRnn.Numerics;

/// <summary>
/// A MathNet.Numerics linear algebra provider that runs real dense matrix products (double and float) on a NeuroRnn
/// back-end and forwards every other operation unchanged to another provider (MathNet's managed one).
/// MathNet stores matrices column-major, like the back-end, so no data is copied.
/// </summary>
internal sealed class BackendLinearAlgebraProvider : ILinearAlgebraProvider
{
    private readonly INumericsBackend _backend;
    private readonly ILinearAlgebraProvider _fallback;

    public BackendLinearAlgebraProvider(INumericsBackend backend, ILinearAlgebraProvider fallback)
    {
        _backend = backend;
        _fallback = fallback;
    }

    public INumericsBackend Backend => _backend;

    public ILinearAlgebraProvider Fallback => _fallback;

    public override string ToString() => $"NeuroRnn {_backend.Name} products, otherwise {_fallback}";

    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result)
    {
        RequireInner(columnsX, rowsY, rowsX, columnsX, rowsY, columnsY);
        _backend.Gemm(Numerics.Transpose.None, Numerics.Transpose.None, rowsX, columnsY, columnsX, 1.0, x, Math.Max(1, rowsX),
            y, Math.Max(1, rowsY), 0.0, result, Math.Max(1, rowsX));
    }

    public void MatrixMultiply(float[] x, int rowsX, int columnsX, float[] y, int rowsY, int columnsY, float[] result)
    {
        RequireInner(columnsX, rowsY, rowsX, columnsX, rowsY, columnsY);
        _backend.Gemm(Numerics.Transpose.None, Numerics.Transpose.None, rowsX, columnsY, columnsX, 1f, x, Math.Max(1, rowsX),
            y, Math.Max(1, rowsY), 0f, result, Math.Max(1, rowsX));
    }

    public void MatrixMultiplyWithUpdate(MathNetTranspose transposeA, MathNetTranspose transposeB, double alpha,
        double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        var (ta, m, k) = Operand(transposeA, rowsA, columnsA);
        var (tb, kB, n) = Operand(transposeB, rowsB, columnsB);
        RequireInner(k, kB, m, k, kB, n);
        _backend.Gemm(ta, tb, m, n, k, alpha, a, Math.Max(1, rowsA), b, Math.Max(1, rowsB), beta, c, Math.Max(1, m));
    }

    public void MatrixMultiplyWithUpdate(MathNetTranspose transposeA, MathNetTranspose transposeB, float alpha,
        float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float beta, float[] c)
    {
        var (ta, m, k) = Operand(transposeA, rowsA, columnsA);
        var (tb, kB, n) = Operand(transposeB, rowsB, columnsB);
        RequireInner(k, kB, m, k, kB, n);
        _backend.Gemm(ta, tb, m, n, k, alpha, a, Math.Max(1, rowsA), b, Math.Max(1, rowsB), beta, c, Math.Max(1, m));
    }

    /// <summary>Shape of op(X) for a stored rows×columns X; conjugate transpose equals transpose for real data.</summary>
    private static (Numerics.Transpose Op, int Rows, int Columns) Operand(MathNetTranspose transpose, int rows, int columns) =>
        transpose == MathNetTranspose.DontTranspose
            ? (Numerics.Transpose.None, rows, columns)
            : (Numerics.Transpose.Transpose, columns, rows);

    private static void RequireInner(int innerA, int innerB, int rowsA, int columnsA, int rowsB, int columnsB)
    {
        if (innerA != innerB)
            throw new ArgumentException(
                $"MatrixMultiply: op(A) is {rowsA}×{columnsA} but op(B) is {rowsB}×{columnsB} (inner dimensions {innerA} and {innerB} differ).");
    }

    // Everything below is forwarded unchanged.
    public bool IsAvailable() => _fallback.IsAvailable();
    public void InitializeVerify() => _fallback.InitializeVerify();
    public void FreeResources() => _fallback.FreeResources();
    public void AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result) => _fallback.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(double alpha, double[] x, double[] result) => _fallback.ScaleArray(alpha, x, result);
    public void ConjugateArray(double[] x, double[] result) => _fallback.ConjugateArray(x, result);
    public double DotProduct(double[] x, double[] y) => _fallback.DotProduct(x, y);
    public void AddArrays(double[] x, double[] y, double[] result) => _fallback.AddArrays(x, y, result);
    public void SubtractArrays(double[] x, double[] y, double[] result) => _fallback.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(double[] x, double[] y, double[] result) => _fallback.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(double[] x, double[] y, double[] result) => _fallback.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(double[] x, double[] y, double[] result) => _fallback.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, double[] matrix) => _fallback.MatrixNorm(norm, rows, columns, matrix);
    public void LUFactor(double[] data, int order, int[] ipiv) => _fallback.LUFactor(data, order, ipiv);
    public void LUInverse(double[] a, int order) => _fallback.LUInverse(a, order);
    public void LUInverseFactored(double[] a, int order, int[] ipiv) => _fallback.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, double[] a, int order, double[] b) => _fallback.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, double[] a, int order, int[] ipiv, double[] b) => _fallback.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(double[] a, int order) => _fallback.CholeskyFactor(a, order);
    public void CholeskySolve(double[] a, int orderA, double[] b, int columnsB) => _fallback.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(double[] a, int orderA, double[] b, int columnsB) => _fallback.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(double[] a, int rowsA, int columnsA, double[] q, double[] tau) => _fallback.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(double[] a, int rowsA, int columnsA, double[] r, double[] tau) => _fallback.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(double[] a, int rows, int columns, double[] b, int columnsB, double[] x, QRMethod method) => _fallback.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(double[] q, double[] r, int rowsA, int columnsA, double[] tau, double[] b, int columnsB, double[] x, QRMethod method) => _fallback.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt) => _fallback.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(double[] a, int rowsA, int columnsA, double[] b, int columnsB, double[] x) => _fallback.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, double[] s, double[] u, double[] vt, double[] b, int columnsB, double[] x) => _fallback.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD) => _fallback.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    public void AddVectorToScaledVector(float[] y, float alpha, float[] x, float[] result) => _fallback.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(float alpha, float[] x, float[] result) => _fallback.ScaleArray(alpha, x, result);
    public void ConjugateArray(float[] x, float[] result) => _fallback.ConjugateArray(x, result);
    public float DotProduct(float[] x, float[] y) => _fallback.DotProduct(x, y);
    public void AddArrays(float[] x, float[] y, float[] result) => _fallback.AddArrays(x, y, result);
    public void SubtractArrays(float[] x, float[] y, float[] result) => _fallback.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(float[] x, float[] y, float[] result) => _fallback.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(float[] x, float[] y, float[] result) => _fallback.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(float[] x, float[] y, float[] result) => _fallback.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, float[] matrix) => _fallback.MatrixNorm(norm, rows, columns, matrix);
    public void LUFactor(float[] data, int order, int[] ipiv) => _fallback.LUFactor(data, order, ipiv);
    public void LUInverse(float[] a, int order) => _fallback.LUInverse(a, order);
    public void LUInverseFactored(float[] a, int order, int[] ipiv) => _fallback.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, float[] a, int order, float[] b) => _fallback.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, float[] a, int order, int[] ipiv, float[] b) => _fallback.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(float[] a, int order) => _fallback.CholeskyFactor(a, order);
    public void CholeskySolve(float[] a, int orderA, float[] b, int columnsB) => _fallback.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(float[] a, int orderA, float[] b, int columnsB) => _fallback.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(float[] a, int rowsA, int columnsA, float[] q, float[] tau) => _fallback.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(float[] a, int rowsA, int columnsA, float[] r, float[] tau) => _fallback.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(float[] a, int rows, int columns, float[] b, int columnsB, float[] x, QRMethod method) => _fallback.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(float[] q, float[] r, int rowsA, int columnsA, float[] tau, float[] b, int columnsB, float[] x, QRMethod method) => _fallback.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, float[] a, int rowsA, int columnsA, float[] s, float[] u, float[] vt) => _fallback.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(float[] a, int rowsA, int columnsA, float[] b, int columnsB, float[] x) => _fallback.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, float[] s, float[] u, float[] vt, float[] b, int columnsB, float[] x) => _fallback.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, float[] matrix, float[] matrixEv, Complex[] vectorEv, float[] matrixD) => _fallback.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    public void AddVectorToScaledVector(Complex[] y, Complex alpha, Complex[] x, Complex[] result) => _fallback.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(Complex alpha, Complex[] x, Complex[] result) => _fallback.ScaleArray(alpha, x, result);
    public void ConjugateArray(Complex[] x, Complex[] result) => _fallback.ConjugateArray(x, result);
    public Complex DotProduct(Complex[] x, Complex[] y) => _fallback.DotProduct(x, y);
    public void AddArrays(Complex[] x, Complex[] y, Complex[] result) => _fallback.AddArrays(x, y, result);
    public void SubtractArrays(Complex[] x, Complex[] y, Complex[] result) => _fallback.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(Complex[] x, Complex[] y, Complex[] result) => _fallback.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(Complex[] x, Complex[] y, Complex[] result) => _fallback.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(Complex[] x, Complex[] y, Complex[] result) => _fallback.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, Complex[] matrix) => _fallback.MatrixNorm(norm, rows, columns, matrix);
    public void MatrixMultiply(Complex[] x, int rowsX, int columnsX, Complex[] y, int rowsY, int columnsY, Complex[] result) => _fallback.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);
    public void MatrixMultiplyWithUpdate(MathNetTranspose transposeA, MathNetTranspose transposeB, Complex alpha, Complex[] a, int rowsA, int columnsA, Complex[] b, int rowsB, int columnsB, Complex beta, Complex[] c) => _fallback.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
    public void LUFactor(Complex[] data, int order, int[] ipiv) => _fallback.LUFactor(data, order, ipiv);
    public void LUInverse(Complex[] a, int order) => _fallback.LUInverse(a, order);
    public void LUInverseFactored(Complex[] a, int order, int[] ipiv) => _fallback.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, Complex[] a, int order, Complex[] b) => _fallback.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, Complex[] a, int order, int[] ipiv, Complex[] b) => _fallback.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(Complex[] a, int order) => _fallback.CholeskyFactor(a, order);
    public void CholeskySolve(Complex[] a, int orderA, Complex[] b, int columnsB) => _fallback.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(Complex[] a, int orderA, Complex[] b, int columnsB) => _fallback.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(Complex[] a, int rowsA, int columnsA, Complex[] q, Complex[] tau) => _fallback.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(Complex[] a, int rowsA, int columnsA, Complex[] r, Complex[] tau) => _fallback.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(Complex[] a, int rows, int columns, Complex[] b, int columnsB, Complex[] x, QRMethod method) => _fallback.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(Complex[] q, Complex[] r, int rowsA, int columnsA, Complex[] tau, Complex[] b, int columnsB, Complex[] x, QRMethod method) => _fallback.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, Complex[] a, int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt) => _fallback.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(Complex[] a, int rowsA, int columnsA, Complex[] b, int columnsB, Complex[] x) => _fallback.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt, Complex[] b, int columnsB, Complex[] x) => _fallback.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, Complex[] matrix, Complex[] matrixEv, Complex[] vectorEv, Complex[] matrixD) => _fallback.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    public void AddVectorToScaledVector(Complex32[] y, Complex32 alpha, Complex32[] x, Complex32[] result) => _fallback.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(Complex32 alpha, Complex32[] x, Complex32[] result) => _fallback.ScaleArray(alpha, x, result);
    public void ConjugateArray(Complex32[] x, Complex32[] result) => _fallback.ConjugateArray(x, result);
    public Complex32 DotProduct(Complex32[] x, Complex32[] y) => _fallback.DotProduct(x, y);
    public void AddArrays(Complex32[] x, Complex32[] y, Complex32[] result) => _fallback.AddArrays(x, y, result);
    public void SubtractArrays(Complex32[] x, Complex32[] y, Complex32[] result) => _fallback.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(Complex32[] x, Complex32[] y, Complex32[] result) => _fallback.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(Complex32[] x, Complex32[] y, Complex32[] result) => _fallback.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(Complex32[] x, Complex32[] y, Complex32[] result) => _fallback.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, Complex32[] matrix) => _fallback.MatrixNorm(norm, rows, columns, matrix);
    public void MatrixMultiply(Complex32[] x, int rowsX, int columnsX, Complex32[] y, int rowsY, int columnsY, Complex32[] result) => _fallback.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);
    public void MatrixMultiplyWithUpdate(MathNetTranspose transposeA, MathNetTranspose transposeB, Complex32 alpha, Complex32[] a, int rowsA, int columnsA, Complex32[] b, int rowsB, int columnsB, Complex32 beta, Complex32[] c) => _fallback.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
    public void LUFactor(Complex32[] data, int order, int[] ipiv) => _fallback.LUFactor(data, order, ipiv);
    public void LUInverse(Complex32[] a, int order) => _fallback.LUInverse(a, order);
    public void LUInverseFactored(Complex32[] a, int order, int[] ipiv) => _fallback.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, Complex32[] a, int order, Complex32[] b) => _fallback.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, Complex32[] a, int order, int[] ipiv, Complex32[] b) => _fallback.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(Complex32[] a, int order) => _fallback.CholeskyFactor(a, order);
    public void CholeskySolve(Complex32[] a, int orderA, Complex32[] b, int columnsB) => _fallback.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(Complex32[] a, int orderA, Complex32[] b, int columnsB) => _fallback.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] q, Complex32[] tau) => _fallback.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] r, Complex32[] tau) => _fallback.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(Complex32[] a, int rows, int columns, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => _fallback.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(Complex32[] q, Complex32[] r, int rowsA, int columnsA, Complex32[] tau, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => _fallback.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, Complex32[] a, int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt) => _fallback.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(Complex32[] a, int rowsA, int columnsA, Complex32[] b, int columnsB, Complex32[] x) => _fallback.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt, Complex32[] b, int columnsB, Complex32[] x) => _fallback.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, Complex32[] matrix, Complex32[] matrixEv, Complex[] vectorEv, Complex32[] matrixD) => _fallback.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
