using System.Numerics.Tensors;

namespace NeuroRnn.Numerics;

/// <summary>Checks and managed fallbacks shared by the element-wise kernels of both back-ends.</summary>
internal static class ElementWise
{
    /// <summary>
    /// x and y must have equal lengths and either be the very same memory (in-place) or not overlap at all:
    /// partially overlapping spans would read already-overwritten inputs.
    /// </summary>
    public static void Check<T>(string operation, ReadOnlySpan<T> x, Span<T> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(
                $"{operation}: x has {x.Length} elements but y has {y.Length}; they must have the same length.", "y");
        if (x.Overlaps(y, out int offset) && offset != 0)
            throw new ArgumentException(
                $"{operation}: x and y overlap partially (offset {offset}); pass the same span for in-place use or separate buffers.", "y");
    }

    /// <summary>
    /// 1/(1+exp(−x)) evaluated so that large |x| gives 0 or 1 rather than NaN: exp(−x) overflowing to +∞ yields
    /// 1/∞ = 0, and underflowing to 0 yields 1.
    /// </summary>
    public static void ManagedSigmoid(ReadOnlySpan<double> x, Span<double> y)
    {
        // TensorPrimitives.Sigmoid rejects empty spans; an empty input is a legal no-op here.
        if (x.Length > 0) TensorPrimitives.Sigmoid(x, y);
    }

    /// <inheritdoc cref="ManagedSigmoid(ReadOnlySpan{double}, Span{double})"/>
    public static void ManagedSigmoid(ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length > 0) TensorPrimitives.Sigmoid(x, y);
    }
}
