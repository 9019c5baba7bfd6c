using NeuroRnn.Numerics;

namespace NeuroRnn.Training.Force;

/// <summary>
/// Recursive least squares for a linear map y ≈ W x (W: outputs × inputs), the learning rule of FORCE and full-FORCE
/// (Sussillo &amp; Abbott 2009; DePasquale et al. 2018). It keeps P, the inverse of the regularised input correlation
/// matrix, starting from P = I/α, and for each observation (x, y) makes the rank-1 updates
/// <code>
/// e = W x − y      k = P x      c = 1 / (1 + xᵀk)      P ← P − c k kᵀ      W ← W − c e kᵀ
/// </code>
/// After observations x₁…x_m with targets y₁…y_m, W is exactly the ridge solution
/// argmin Σ‖W xₜ − yₜ‖² + α‖W − W₀‖²_F (W₀ the starting weights), i.e. (with W₀ = 0) W = Yᵀ X (XᵀX + αI)⁻¹: the
/// least-squares solution as α → 0. Each update costs O(inputs² + outputs·inputs) on the back-end's BLAS level 2
/// (symv, syr, ger) and allocates nothing. P is kept in its lower triangle; <see cref="InverseCorrelation"/> returns
/// it in full. Not thread-safe.
/// <example>
/// <code>
/// var rls = new RecursiveLeastSquares(inputCount: 3, outputCount: 1, regularization: 1e-6);
/// foreach (var (x, y) in observations) rls.Update(x, y);
/// double[] w = rls.Weights();   // 1×3
/// </code>
/// </example>
/// </summary>
public sealed class RecursiveLeastSquares
{
    private readonly INumericsBackend _backend;
    private readonly double[] _p, _w, _k, _error;

    /// <summary>Starts from W = 0 and P = I/<paramref name="regularization"/>.</summary>
    /// <param name="inputCount">Length of x (positive).</param>
    /// <param name="outputCount">Length of y (positive).</param>
    /// <param name="regularization">α &gt; 0: the ridge penalty on the weights' change; small α trusts the first observations more.</param>
    /// <param name="backend">Numerics back-end (default <see cref="NumericsBackend.Current"/>).</param>
    /// <exception cref="ArgumentException">A count is not positive or α is not positive and finite (the message names it).</exception>
    public RecursiveLeastSquares(int inputCount, int outputCount, double regularization = 1.0, INumericsBackend? backend = null)
        : this(inputCount, outputCount, backend)
    {
        if (!(regularization > 0) || !double.IsFinite(regularization))
            throw new ArgumentException($"The regularization α must be positive and finite, got {regularization}.", nameof(regularization));
        Regularization = regularization;
        for (int j = 0; j < inputCount; j++) _p[j * inputCount + j] = 1 / regularization;
    }

    /// <summary>Continues from saved <paramref name="weights"/> (outputs × inputs, column-major) and
    /// <paramref name="inverseCorrelation"/> (inputs × inputs; only its lower triangle is read).</summary>
    /// <exception cref="ArgumentException">A count is not positive, a length does not fit, or a value is not finite.</exception>
    public RecursiveLeastSquares(int inputCount, int outputCount, IReadOnlyList<double> weights, IReadOnlyList<double> inverseCorrelation,
        INumericsBackend? backend = null)
        : this(inputCount, outputCount, backend)
    {
        Copy(weights, _w, nameof(weights), $"{outputCount}×{inputCount}");
        Copy(inverseCorrelation, _p, nameof(inverseCorrelation), $"{inputCount}×{inputCount}");
        Regularization = double.NaN;
    }

    private RecursiveLeastSquares(int inputCount, int outputCount, INumericsBackend? backend)
    {
        if (inputCount <= 0) throw new ArgumentException($"The input count must be positive, got {inputCount}.", nameof(inputCount));
        if (outputCount <= 0) throw new ArgumentException($"The output count must be positive, got {outputCount}.", nameof(outputCount));
        if ((long)inputCount * inputCount > Array.MaxLength)
            throw new ArgumentException($"{inputCount} inputs need a {inputCount}×{inputCount} matrix P, more than an array holds.", nameof(inputCount));
        InputCount = inputCount;
        OutputCount = outputCount;
        _backend = backend ?? NumericsBackend.Current;
        _p = new double[inputCount * inputCount];
        _w = new double[checked(outputCount * inputCount)];
        _k = new double[inputCount];
        _error = new double[outputCount];
    }

    /// <summary>Length of x.</summary>
    public int InputCount { get; }

    /// <summary>Length of y.</summary>
    public int OutputCount { get; }

    /// <summary>The α P started from (NaN when continued from a saved P).</summary>
    public double Regularization { get; }

    /// <summary>Observations taken so far by this instance.</summary>
    public long Updates { get; private set; }

    /// <summary>A copy of W (outputs × inputs, column-major).</summary>
    public double[] Weights() => (double[])_w.Clone();

    /// <summary>A copy of P (inputs × inputs, symmetric, both triangles filled).</summary>
    public double[] InverseCorrelation()
    {
        var p = (double[])_p.Clone();
        Symmetrize(p, InputCount);
        return p;
    }

    /// <summary>y = W x.</summary>
    /// <exception cref="ArgumentException">A length does not fit.</exception>
    public void Predict(ReadOnlySpan<double> input, Span<double> output)
    {
        CheckLength(input.Length, InputCount, nameof(input));
        CheckLength(output.Length, OutputCount, nameof(output));
        _backend.Gemv(Transpose.None, OutputCount, InputCount, 1, _w, OutputCount, input, 0, output);
    }

    /// <summary>Takes one observation: y ≈ W x is fitted by the rank-1 updates of P and W.</summary>
    /// <returns>‖W x − y‖² before the update (the a-priori error).</returns>
    /// <exception cref="ArgumentException">A length does not fit or a value is not finite.</exception>
    public double Update(ReadOnlySpan<double> input, ReadOnlySpan<double> target)
    {
        CheckLength(input.Length, InputCount, nameof(input));
        CheckLength(target.Length, OutputCount, nameof(target));
        for (int j = 0; j < input.Length; j++)
            if (!double.IsFinite(input[j])) throw new ArgumentException($"input[{j}] is {input[j]}; observations must be finite.", nameof(input));
        _backend.Gemv(Transpose.None, OutputCount, InputCount, 1, _w, OutputCount, input, 0, _error);
        double squared = 0;
        for (int o = 0; o < _error.Length; o++)
        {
            if (!double.IsFinite(target[o])) throw new ArgumentException($"target[{o}] is {target[o]}; observations must be finite.", nameof(target));
            _error[o] -= target[o];
            squared += _error[o] * _error[o];
        }
        UpdateWithError(input, _error);
        return squared;
    }

    /// <summary>
    /// The update with the a-priori error (W x − y, <see cref="OutputCount"/> entries) already known: P ← P − c k kᵀ and
    /// W ← W − c·error·kᵀ. FORCE computes the errors itself (its recurrent rows learn from the fed-back output error).
    /// No checks: callers size the spans once.
    /// </summary>
    internal void UpdateWithError(ReadOnlySpan<double> input, ReadOnlySpan<double> error)
    {
        int n = InputCount;
        _backend.Symv(n, 1, _p, n, input, 0, _k);
        double c = 1 / (1 + _backend.Dot(input, _k));
        _backend.Syr(n, -c, _k, _p, n);
        _backend.Ger(OutputCount, n, -c, error, _k, _w, OutputCount);
        Updates++;
    }

    /// <summary>The stored W, for callers that predict with parts of it.</summary>
    internal double[] RawWeights => _w;

    /// <summary>The stored P (lower triangle current).</summary>
    internal double[] RawInverseCorrelation => _p;

    /// <summary>Copies the lower triangle of the n×n column-major <paramref name="matrix"/> onto its upper triangle.</summary>
    internal static void Symmetrize(double[] matrix, int n)
    {
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++) matrix[j + i * n] = matrix[i + j * n];
    }

    private static void Copy(IReadOnlyList<double> source, double[] destination, string name, string shape)
    {
        ArgumentNullException.ThrowIfNull(source, name);
        if (source.Count != destination.Length)
            throw new ArgumentException($"{name} has {source.Count} values but a {shape} matrix has {destination.Length}.", name);
        for (int k = 0; k < destination.Length; k++)
        {
            double v = source[k];
            if (!double.IsFinite(v)) throw new ArgumentException($"{name}[{k}] is {v}; values must be finite.", name);
            destination[k] = v;
        }
    }

    private static void CheckLength(int length, int expected, string name)
    {
        if (length != expected) throw new ArgumentException($"{name} has {length} entries but {expected} were expected.", name);
    }
}
