using System.Numerics.Tensors;

namespace NeuroRnn.Training;

/// <summary>result = A·v for a symmetric linear operator A.</summary>
internal delegate void LinearOperator(ReadOnlySpan<double> v, Span<double> result);

/// <summary>Why a CG run ended.</summary>
internal enum CgStop
{
    /// <summary>Martens' relative-progress criterion was met.</summary>
    RelativeProgress,
    /// <summary>The iteration cap was reached.</summary>
    IterationCap,
    /// <summary>dᵀAd ≤ 0 or non-finite: the operator is not positive definite along d.</summary>
    NonPositiveCurvature,
    /// <summary>The residual vanished.</summary>
    Converged,
    /// <summary>An iterate became non-finite.</summary>
    NonFinite,
}

/// <summary>
/// Preconditioned conjugate gradient on A x = −g as used inside Hessian-free optimization (Martens 2010):
/// warm start, the relative-progress stop on φ(x) = ½xᵀAx + gᵀx, and the iterates i = ⌈base^j⌉ (and the last)
/// kept for backtracking. All vectors are preallocated; <see cref="Solve"/> allocates nothing.
/// </summary>
internal sealed class ConjugateGradient
{
    private readonly double[] _r, _y, _d, _ad;
    private readonly double[][] _kept;
    private readonly int[] _keptIteration;
    private readonly bool[] _isScheduled;
    private readonly double[] _phi;

    public ConjugateGradient(int dimension, int maxIterations, double keptBase)
    {
        Dimension = dimension;
        MaxIterations = maxIterations;
        _r = new double[dimension]; _y = new double[dimension]; _d = new double[dimension]; _ad = new double[dimension];
        _isScheduled = new bool[maxIterations + 1];
        int count = 0;
        for (int j = 0; ; j++)
        {
            double i = Math.Ceiling(Math.Pow(keptBase, j));
            if (i > maxIterations) break;
            if (!_isScheduled[(int)i]) { _isScheduled[(int)i] = true; count++; }
        }
        _kept = new double[count + 1][];
        for (int k = 0; k < _kept.Length; k++) _kept[k] = new double[dimension];
        _keptIteration = new int[count + 1];
        _phi = new double[maxIterations + 1];
    }

    public int Dimension { get; }
    public int MaxIterations { get; }

    /// <summary>Number of iterates kept by the last <see cref="Solve"/> (in increasing iteration order).</summary>
    public int KeptCount { get; private set; }

    /// <summary>Kept iterate <paramref name="k"/> of the last solve.</summary>
    public ReadOnlySpan<double> Kept(int k) => _kept[k];

    /// <summary>The CG iteration number at which kept iterate <paramref name="k"/> was taken.</summary>
    public int KeptIteration(int k) => _keptIteration[k];

    /// <summary>φ after iteration i of the last solve (φ_0 at the start point).</summary>
    public double Phi(int i) => _phi[i];

    /// <summary>Whether iteration <paramref name="i"/> is one of the ⌈base^j⌉.</summary>
    public bool IsScheduled(int i) => i < _isScheduled.Length && _isScheduled[i];

    /// <summary>
    /// Runs CG from the start point in <paramref name="x"/> (overwritten with the last iterate).
    /// A warm start with φ(x₀) ≥ 0 is worse than zero and is replaced by zero.
    /// </summary>
    /// <param name="apply">The SPD operator A.</param>
    /// <param name="gradient">g; the system solved is A x = −g.</param>
    /// <param name="x">Start point in, last iterate out.</param>
    /// <param name="preconditioner">Diagonal M (CG uses M⁻¹), or empty for none.</param>
    /// <param name="minIterations">The relative-progress stop is not tested before this many steps.</param>
    /// <param name="maxIterations">Step cap (≤ the capacity given at construction).</param>
    /// <param name="tolerance">ε of the relative-progress stop.</param>
    /// <param name="cancellationToken">Checked before every operator application.</param>
    /// <returns>The number of steps taken and why CG stopped.</returns>
    public (int Iterations, CgStop Stop) Solve(LinearOperator apply, ReadOnlySpan<double> gradient, Span<double> x,
        ReadOnlySpan<double> preconditioner, int minIterations, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        if (maxIterations > MaxIterations) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, $"Capacity is {MaxIterations}.");
        var r = _r.AsSpan(); var y = _y.AsSpan(); var d = _d.AsSpan(); var ad = _ad.AsSpan();
        KeptCount = 0;
        cancellationToken.ThrowIfCancellationRequested();

        // r = A x − b = A x + g.
        bool warm = TensorPrimitives.MaxMagnitude(x) > 0;
        if (warm)
        {
            apply(x, ad);
            TensorPrimitives.Add(ad, gradient, r);
            _phi[0] = 0.5 * (VectorMath.Dot(x, r) + VectorMath.Dot(x, gradient));
            if (!(_phi[0] < 0))
            {
                x.Clear();
                gradient.CopyTo(r);
                _phi[0] = 0;
            }
        }
        else
        {
            x.Clear();
            gradient.CopyTo(r);
            _phi[0] = 0;
        }
        Precondition(r, preconditioner, y);
        TensorPrimitives.Negate(y, d);
        double ry = VectorMath.Dot(r, y);

        int i = 0;
        CgStop stop = CgStop.IterationCap;
        while (i < maxIterations)
        {
            if (ry == 0) { stop = CgStop.Converged; break; }
            cancellationToken.ThrowIfCancellationRequested();
            apply(d, ad);
            double dad = VectorMath.Dot(d, ad);
            if (!(dad > 0) || !double.IsFinite(dad)) { stop = CgStop.NonPositiveCurvature; break; }
            double alpha = ry / dad;
            VectorMath.Axpy(alpha, d, x);
            VectorMath.Axpy(alpha, ad, r);
            Precondition(r, preconditioner, y);
            double ryNext = VectorMath.Dot(r, y);
            double beta = ryNext / ry;
            ry = ryNext;
            // d = −y + β d
            TensorPrimitives.Multiply(d, beta, d);
            TensorPrimitives.Subtract(d, y, d);
            i++;
            double phi = 0.5 * (VectorMath.Dot(x, r) + VectorMath.Dot(x, gradient));
            _phi[i] = phi;
            if (!double.IsFinite(phi)) { stop = CgStop.NonFinite; break; }
            if (_isScheduled[i]) Keep(x, i);
            if (i >= minIterations)
            {
                int k = Math.Max(10, (int)Math.Ceiling(0.1 * i));
                if (i > k && phi < 0 && (phi - _phi[i - k]) / phi < k * tolerance) { stop = CgStop.RelativeProgress; break; }
            }
        }
        if (stop == CgStop.NonFinite)
        {
            // The last iterate is unusable; fall back to the last finite kept one for the caller's warm start.
            if (KeptCount > 0 && _keptIteration[KeptCount - 1] == i) KeptCount--;
            if (KeptCount > 0) _kept[KeptCount - 1].CopyTo(x); else x.Clear();
        }
        else if (i > 0 && (KeptCount == 0 || _keptIteration[KeptCount - 1] != i))
            Keep(x, i);
        return (i, stop);
    }

    private void Keep(ReadOnlySpan<double> x, int iteration)
    {
        x.CopyTo(_kept[KeptCount]);
        _keptIteration[KeptCount] = iteration;
        KeptCount++;
    }

    private static void Precondition(ReadOnlySpan<double> r, ReadOnlySpan<double> m, Span<double> y)
    {
        if (m.IsEmpty) r.CopyTo(y);
        else TensorPrimitives.Divide(r, m, y);
    }
}
