using MathNet.Numerics.LinearAlgebra;
using LinearAlgebraControl = MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl;
using ManagedLinearAlgebraProvider = MathNet.Numerics.Providers.LinearAlgebra.ManagedLinearAlgebraProvider;
using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

[Collection(GlobalNumericsState.Name)]
public class MathNetRoutingTests
{
    /// <summary>Counts the products that reach the back-end, to prove MathNet actually routes through it.</summary>
    private sealed class CountingBackend(INumericsBackend inner) : INumericsBackend
    {
        public int GemmCalls;
        public string Name => inner.Name;
        public string Description => inner.Description;
        public int ThreadCount => inner.ThreadCount;
        public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        { Interlocked.Increment(ref GemmCalls); inner.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); }
        public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        { Interlocked.Increment(ref GemmCalls); inner.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); }
        public void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda, long strideA, ReadOnlySpan<double> b, int ldb, long strideB, double beta, Span<double> c, int ldc, long strideC, int batchCount) => throw new NotSupportedException();
        public void GemmStridedBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB, float beta, Span<float> c, int ldc, long strideC, int batchCount) => throw new NotSupportedException();
        public void Gemv(Transpose transA, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y) => throw new NotSupportedException();
        public void Gemv(Transpose transA, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, float beta, Span<float> y) => throw new NotSupportedException();
        public void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public void Scale(double alpha, Span<double> x) => throw new NotSupportedException();
        public void Scale(float alpha, Span<float> x) => throw new NotSupportedException();
        public double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => throw new NotSupportedException();
        public float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => throw new NotSupportedException();
        public void Tanh(ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public void Tanh(ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public void Exp(ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public void Exp(ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public void Log(ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public void Log(ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public void Sigmoid(ReadOnlySpan<double> x, Span<double> y) => throw new NotSupportedException();
        public void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();
        public void SymmetricEigen(int n, ReadOnlySpan<double> a, Span<double> eigenvalues, Span<double> eigenvectors) => throw new NotSupportedException();
        public void Svd(int m, int n, ReadOnlySpan<double> a, Span<double> singularValues, Span<double> u, Span<double> vt) => throw new NotSupportedException();
        public void Ger(int m, int n, double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> a, int lda) => throw new NotSupportedException();
        public void Symv(int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y) => throw new NotSupportedException();
        public void Syr(int n, double alpha, ReadOnlySpan<double> x, Span<double> a, int lda) => throw new NotSupportedException();
        public void GeneralEigen(int n, ReadOnlySpan<double> a, Span<System.Numerics.Complex> eigenvalues, Span<System.Numerics.Complex> leftEigenvectors, Span<System.Numerics.Complex> rightEigenvectors) => throw new NotSupportedException();
        public bool CholeskySolve(int n, Span<double> a, Span<double> b) => throw new NotSupportedException();
    }

    [Fact]
    public void Products_route_to_MKL_and_give_the_right_answer()
    {
        try
        {
            NumericsBackend.Use(BackendKind.Mkl);
            var random = new Random(3);
            var a = Matrix<double>.Build.Dense(37, 23, (i, j) => random.NextDouble() - 0.5);
            var b = Matrix<double>.Build.Dense(23, 41, (i, j) => random.NextDouble() - 0.5);
            var expected = ReferenceBlas.Multiply(37, 41, 23, a.ToColumnMajorArray(), b.ToColumnMajorArray());
            using (NumericsBackend.RouteMathNetProducts())
            {
                Assert.IsType<BackendLinearAlgebraProvider>(LinearAlgebraControl.Provider);
                Assert.Equal("mkl", ((BackendLinearAlgebraProvider)LinearAlgebraControl.Provider).Backend.Name);
                Assertions.Close(expected, (a * b).ToColumnMajorArray(), 1e-13, "a*b");
                Assertions.Close(
                    ReferenceBlas.Gemm(Transpose.Transpose, Transpose.None, 23, 41, 37, 1, a.ToColumnMajorArray(), 37,
                        ReferenceBlas.Multiply(37, 41, 23, a.ToColumnMajorArray(), b.ToColumnMajorArray()), 37, 0, new double[23 * 41], 23),
                    a.TransposeThisAndMultiply(a * b).ToColumnMajorArray(), 1e-12, "aᵀ(ab)");
                var af = a.Map(v => (float)v);
                var bf = b.Map(v => (float)v);
                Assertions.Close(expected, (af * bf).ToColumnMajorArray().Select(v => (double)v).ToArray(), 1e-4, "float a*b");
                // Non-product members still work (they go to MathNet's managed provider).
                var lu = (a * a.Transpose() + Matrix<double>.Build.DenseIdentity(37)).Inverse();
                Assert.True(lu.RowCount == 37);
            }
            Assert.IsNotType<BackendLinearAlgebraProvider>(LinearAlgebraControl.Provider);
        }
        finally
        {
            NumericsBackend.Reset();
        }
    }

    [Fact]
    public void Routed_products_actually_call_the_backend()
    {
        var counting = new CountingBackend(NumericsBackend.Managed);
        var previous = LinearAlgebraControl.Provider;
        LinearAlgebraControl.Provider = new BackendLinearAlgebraProvider(counting, ManagedLinearAlgebraProvider.Instance);
        try
        {
            var a = Matrix<double>.Build.Dense(3, 2, (i, j) => i + 10 * j);
            var b = Matrix<double>.Build.Dense(2, 4, (i, j) => i - j);
            var product = a * b;
            Assert.True(counting.GemmCalls >= 1);
            Assert.Equal(a[2, 0] * b[0, 3] + a[2, 1] * b[1, 3], product[2, 3]);
            var floats = Matrix<float>.Build.Dense(3, 2, 1f) * Matrix<float>.Build.Dense(2, 2, 2f);
            Assert.Equal(4f, floats[1, 1]);
            Assert.True(counting.GemmCalls >= 2);
        }
        finally
        {
            LinearAlgebraControl.Provider = previous;
        }
    }
}
