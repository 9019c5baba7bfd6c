using NeuroRnn.Numerics;

namespace NeuroRnn.Tests.Numerics;

/// <summary>Naive, obviously-correct reference implementations (column-major), accumulated in double.</summary>
internal static class ReferenceBlas
{
    public static double At(double[] a, Transpose t, int row, int col, int ld) =>
        t == Transpose.None ? a[row + col * ld] : a[col + row * ld];

    /// <summary>Returns a copy of c with C = alpha·op(A)·op(B) + beta·C applied (beta = 0 ignores C's content).</summary>
    public static double[] Gemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, double[] a, int lda,
        double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var result = (double[])c.Clone();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < m; i++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += At(a, ta, i, p, lda) * At(b, tb, p, j, ldb);
                result[i + j * ldc] = alpha * sum + (beta == 0 ? 0 : beta * c[i + j * ldc]);
            }
        return result;
    }

    public static double[] Gemv(Transpose ta, int m, int n, double alpha, double[] a, int lda, double[] x, double beta, double[] y)
    {
        var result = (double[])y.Clone();
        int rows = ta == Transpose.None ? m : n, inner = ta == Transpose.None ? n : m;
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            for (int p = 0; p < inner; p++)
                sum += (ta == Transpose.None ? a[i + p * lda] : a[p + i * lda]) * x[p];
            result[i] = alpha * sum + (beta == 0 ? 0 : beta * y[i]);
        }
        return result;
    }

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>Product of column-major m×k and k×n matrices (tight leading dimensions).</summary>
    public static double[] Multiply(int m, int n, int k, double[] a, double[] b) =>
        Gemm(Transpose.None, Transpose.None, m, n, k, 1, a, Math.Max(1, m), b, Math.Max(1, k), 0, new double[m * n], Math.Max(1, m));

    public static double[] Random(Random random, int length, double scale = 1)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = scale * (2 * random.NextDouble() - 1);
        return values;
    }

    public static float[] ToSingle(double[] values) => Array.ConvertAll(values, v => (float)v);
    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
