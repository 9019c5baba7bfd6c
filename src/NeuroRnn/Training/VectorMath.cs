using System.Numerics.Tensors;

namespace NeuroRnn.Training;

/// <summary>The few dense-vector operations the optimizers need; all in place, allocation-free.</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => TensorPrimitives.Dot(x, y);

    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(TensorPrimitives.Dot(x, x));

    /// <summary>y += a·x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y) => TensorPrimitives.MultiplyAdd(x, a, y, y);

    /// <summary>z = x + a·y.</summary>
    public static void AddScaled(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y, Span<double> z) => TensorPrimitives.MultiplyAdd(y, a, x, z);

    public static void Scale(double a, Span<double> x) => TensorPrimitives.Multiply(x, a, x);

    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        foreach (double v in x) if (!double.IsFinite(v)) return false;
        return true;
    }
}
