using System.Numerics;
using System.Numerics.Tensors;
using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// The output side of <see cref="RateRnnEngine{T}"/>: the output nonlinearity y = g(z) of each <see cref="OutputKind"/>,
/// the loss and its derivative dL/dz, the loss's Gauss-Newton curvature with respect to z applied to R{z}, and the loss
/// normaliser D. Spans are O×(T·B) blocks in the targets' layout (output index fastest); every function is exact for the
/// loss stated on <see cref="OutputKind"/> and divided by D.
/// </summary>
internal static class OutputLoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>True when the outputs y differ from the pre-activations z (every kind but linear).</summary>
    public static bool HasOutputNonlinearity(OutputKind kind) => kind != OutputKind.LinearSquaredError;

    /// <summary>y = g(z).</summary>
    public static void Apply(OutputKind kind, ReadOnlySpan<T> z, Span<T> y, int outputs)
    {
        switch (kind)
        {
            case OutputKind.LinearSquaredError:
                break;
            case OutputKind.LogisticCrossEntropy:
                TensorPrimitives.Sigmoid(z, y);
                break;
            case OutputKind.SoftmaxCrossEntropy:
                for (int start = 0; start < z.Length; start += outputs)
                {
                    var zc = z.Slice(start, outputs);
                    var yc = y.Slice(start, outputs);
                    T max = TensorPrimitives.Max(zc), sum = T.Zero;
                    for (int o = 0; o < outputs; o++) { yc[o] = T.Exp(zc[o] - max); sum += yc[o]; }
                    for (int o = 0; o < outputs; o++) yc[o] /= sum;
                }
                break;
            case OutputKind.PoissonLogRate:
                TensorPrimitives.Exp(z, y);
                break;
            case OutputKind.PoissonSoftplusRate:
                for (int k = 0; k < z.Length; k++) y[k] = RateKernels.Softplus(z[k]);
                break;
            default:
                throw new ArgumentException($"Unknown output kind {(int)kind}.", nameof(kind));
        }
    }

    /// <summary>
    /// The divisor D: the mask sum (for softmax, Σ over columns of the column's largest mask), the trial count, or 1.
    /// </summary>
    public static double Normalization(OutputKind kind, LossNormalization normalization, TrialBatch batch, int outputs)
    {
        switch (normalization)
        {
            case LossNormalization.None: return 1.0;
            case LossNormalization.TrialCount: return batch.BatchSize;
        }
        double total = 0;
        var mask = batch.Mask;
        if (kind == OutputKind.SoftmaxCrossEntropy)
        {
            for (int start = 0; start < mask.Length; start += outputs)
            {
                double w = 0;
                for (int o = 0; o < outputs; o++) w = Math.Max(w, mask[start + o]);
                total += w;
            }
        }
        else
            foreach (double m in mask) total += m;
        return total; // 0 for an all-zero mask: simulating is fine, Loss then throws.
    }

    /// <summary>
    /// The output loss /D and, when <paramref name="error"/> is non-empty, dL/dz into it.
    /// </summary>
    /// <exception cref="ArgumentException">A Poisson target with non-zero mask is negative.</exception>
    public static double Loss(OutputKind kind, double squaredErrorScale, ReadOnlySpan<T> z, ReadOnlySpan<T> y, ReadOnlySpan<T> targets,
        ReadOnlySpan<T> mask, double norm, int outputs, Span<T> error)
    {
        bool write = error.Length > 0;
        T inverse = T.CreateTruncating(1 / norm);
        double loss = 0;
        switch (kind)
        {
            case OutputKind.LinearSquaredError:
                return squaredErrorScale / norm * RateKernels.SquaredError(z, targets, mask, T.CreateTruncating(2 * squaredErrorScale / norm), error);
            case OutputKind.LogisticCrossEntropy:
                for (int k = 0; k < z.Length; k++)
                {
                    T m = mask[k];
                    if (m != T.Zero) loss += double.CreateTruncating(m * (RateKernels.Softplus(z[k]) - targets[k] * z[k]));
                    if (write) error[k] = inverse * m * (y[k] - targets[k]);
                }
                return loss / norm;
            case OutputKind.SoftmaxCrossEntropy:
                for (int start = 0; start < z.Length; start += outputs)
                {
                    T w = TensorPrimitives.Max(mask.Slice(start, outputs));
                    var zc = z.Slice(start, outputs);
                    var tc = targets.Slice(start, outputs);
                    T targetSum = TensorPrimitives.Sum(tc);
                    if (w != T.Zero)
                    {
                        T max = TensorPrimitives.Max(zc), sum = T.Zero;
                        for (int o = 0; o < outputs; o++) sum += T.Exp(zc[o] - max);
                        loss += double.CreateTruncating(w * (targetSum * (max + T.Log(sum)) - TensorPrimitives.Dot(tc, zc)));
                    }
                    if (write)
                        for (int o = 0; o < outputs; o++) error[start + o] = inverse * w * (y[start + o] * targetSum - tc[o]);
                }
                return loss / norm;
            case OutputKind.PoissonLogRate:
                for (int k = 0; k < z.Length; k++)
                {
                    T m = mask[k];
                    if (m != T.Zero)
                    {
                        RequireCount(targets[k], k);
                        loss += double.CreateTruncating(m * (y[k] - targets[k] * z[k]));
                    }
                    if (write) error[k] = inverse * m * (y[k] - targets[k]);
                }
                return loss / norm;
            case OutputKind.PoissonSoftplusRate:
                for (int k = 0; k < z.Length; k++)
                {
                    T m = mask[k];
                    T t = targets[k];
                    if (m != T.Zero)
                    {
                        RequireCount(t, k);
                        // t·ln y only where t > 0: a zero count never meets ln 0 when softplus underflows.
                        loss += double.CreateTruncating(m * (y[k] - (t > T.Zero ? t * T.Log(y[k]) : T.Zero)));
                    }
                    if (write) error[k] = inverse * m * Sigmoid(z[k]) * (T.One - (t > T.Zero ? t / y[k] : T.Zero));
                }
                return loss / norm;
            default:
                throw new ArgumentException($"Unknown output kind {(int)kind}.", nameof(kind));
        }
    }

    /// <summary>error = H_L·R{z}: the Gauss-Newton curvature of the loss with respect to z.</summary>
    public static void MultiplyByHessian(OutputKind kind, double squaredErrorScale, ReadOnlySpan<T> z, ReadOnlySpan<T> y, ReadOnlySpan<T> targets,
        ReadOnlySpan<T> mask, double norm, int outputs, ReadOnlySpan<T> rz, Span<T> error)
    {
        T inverse = T.CreateTruncating(1 / norm);
        switch (kind)
        {
            case OutputKind.LinearSquaredError:
                RateKernels.ScaledProduct(mask, rz, T.CreateTruncating(2 * squaredErrorScale / norm), error[..rz.Length]);
                break;
            case OutputKind.LogisticCrossEntropy:
                for (int k = 0; k < rz.Length; k++) error[k] = inverse * mask[k] * y[k] * (T.One - y[k]) * rz[k];
                break;
            case OutputKind.SoftmaxCrossEntropy:
                for (int start = 0; start < rz.Length; start += outputs)
                {
                    T w = TensorPrimitives.Max(mask.Slice(start, outputs)) * TensorPrimitives.Sum(targets.Slice(start, outputs)) * inverse;
                    var yc = y.Slice(start, outputs);
                    var rc = rz.Slice(start, outputs);
                    T projection = TensorPrimitives.Dot(yc, rc);
                    for (int o = 0; o < outputs; o++) error[start + o] = w * yc[o] * (rc[o] - projection);
                }
                break;
            case OutputKind.PoissonLogRate:
                for (int k = 0; k < rz.Length; k++) error[k] = inverse * mask[k] * y[k] * rz[k];
                break;
            case OutputKind.PoissonSoftplusRate:
                for (int k = 0; k < rz.Length; k++)
                {
                    T t = targets[k], s = Sigmoid(z[k]);
                    error[k] = t > T.Zero ? inverse * mask[k] * s * s * t / (y[k] * y[k]) * rz[k] : T.Zero;
                }
                break;
            default:
                throw new ArgumentException($"Unknown output kind {(int)kind}.", nameof(kind));
        }
    }

    private static T Sigmoid(T x) => T.One / (T.One + T.Exp(-x));

    private static void RequireCount(T target, int index)
    {
        if (!(target >= T.Zero))
            throw new ArgumentException($"Poisson losses need counts ≥ 0, but target entry {index} is {target}.", "batch");
    }
}
