using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// The batched simulation of a rate RNN and its exact derivatives in precision <typeparamref name="T"/>:
/// forward pass, loss, back-propagation through time, and Gauss-Newton–vector products by the R-operator.
/// <para>
/// Storage is time-major: step t of an N-row quantity is the column-major N×B block starting at t·N·B, so all T
/// steps form one N×(T·B) matrix. Everything that does not depend on the previous step is one GEMM over all
/// T·B columns (input drive W_in·U, readout W_out·R, the weight gradients); only W·r (forward) and Wᵀ·δ (backward)
/// run step by step. Buffers are allocated when the batch shape grows and reused; the time loops allocate nothing.
/// </para>
/// <para>
/// An engine holds its own copy of the parameters, taken by <see cref="LoadParameters"/>, so a curvature engine
/// keeps the linearisation it was prepared at even while the optimizer tries other parameters elsewhere.
/// </para>
/// </summary>
internal sealed class RateRnnEngine<T> : IRateRnnEngine where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RateRnnStructure _s;
    private readonly INumericsBackend _backend;
    private readonly RnnLossOptions _loss;
    private readonly int _n, _i, _o;
    private readonly T _alpha, _leak;

    // Effective parameters: W = M ⊙ W̃ (or M ⊙ |W̃|·s with Dale's law) and the derivative dW/dW̃ for the chain rule.
    private readonly T[] _w, _win, _b, _wout, _bout, _x0;
    private readonly T[]? _wDerivative;
    // Direction of a Gauss-Newton product, in effective coordinates.
    private readonly T[] _vw, _vin, _vb, _vout, _vbout, _vx0;
    // Gradient in effective coordinates.
    private readonly T[] _gw, _gin, _gb, _gout, _gbout, _gx0;

    private int _steps, _batch;
    private T[] _u = [], _x = [], _r = [], _fp = [], _z = [], _y = [], _e = [], _gx = [], _rx = [], _rr = [], _rz = [];
    private T[] _targets = [], _mask = [], _ones = [], _uOwned = [], _targetsOwned = [], _maskOwned = [];
    // The inputs with a row of ones under every column ((I+1)×(T·B)), and [V_in v_b] / [G_in g_b] (N×(I+1)): the bias
    // rides in the input GEMMs of the Gauss-Newton product, sparing a broadcast pass and a GEMV over all T·B columns.
    private T[] _uOnes = [];
    private readonly T[] _vinb, _ginb;
    private double _normalization;
    private TrialBatch? _boundBatch;
    private long _boundNoiseIndex;
    private bool _forwardValid;
    // The recurrent loops run on parts of the batch (BatchParts); the delegates are made once so running them allocates nothing.
    private readonly Action<int> _forwardPart, _rForwardPart, _backwardPart, _lossHessianPart;
    // R{z} of the pending H_L·R{z} (array and offset: a span cannot be a field), read by the parts of MultiplyByLossHessian.
    private T[] _hessianInput = [];
    private int _hessianInputOffset;
    private int _parts;
    private bool _backwardDamped;
    private T _backwardDamping;

    public RateRnnEngine(RateRnnStructure structure, INumericsBackend backend, RnnLossOptions loss)
    {
        _s = structure; _backend = backend; _loss = loss;
        _n = structure.N; _i = structure.I; _o = structure.O;
        _alpha = T.CreateTruncating(structure.Alpha);
        _leak = T.CreateTruncating(1.0 - structure.Alpha);
        bool linearReadout = structure.ReadoutUnits is null;
        _w = new T[_n * _n]; _win = new T[_n * _i]; _b = new T[_n];
        _wout = linearReadout ? new T[_o * _n] : []; _bout = linearReadout ? new T[_o] : [];
        _x0 = new T[_n];
        _wDerivative = structure.ColumnSign is not null ? new T[_n * _n] : null;
        _vw = new T[_w.Length]; _vin = new T[_win.Length]; _vb = new T[_n]; _vout = new T[_wout.Length]; _vbout = new T[_bout.Length]; _vx0 = new T[_n];
        _gw = new T[_w.Length]; _gin = new T[_win.Length]; _gb = new T[_n]; _gout = new T[_wout.Length]; _gbout = new T[_bout.Length]; _gx0 = new T[_n];
        _vinb = new T[_n * (_i + 1)]; _ginb = new T[_n * (_i + 1)];
        _forwardPart = ForwardPart;
        _rForwardPart = GaussNewtonForwardPart;
        _backwardPart = BackwardPart;
        _lossHessianPart = LossHessianPart;
    }

    /// <summary>Runs <paramref name="part"/> on every part of the bound batch (in parallel when the back-end has threads).</summary>
    private void RunParts(Action<int> part) => BatchParts.Run(_parts, _backend.ThreadCount, _backend, part);

    /// <summary>Columns [start, end) of part <paramref name="part"/>.</summary>
    private (int Start, int End) Columns(int part) =>
        (BatchParts.Start(part, _parts, _batch), BatchParts.Start(part + 1, _parts, _batch));

    /// <summary>Steps T of the bound batch.</summary>
    public int Steps => _steps;
    /// <summary>Trials B of the bound batch.</summary>
    public int BatchSize => _batch;
    /// <summary>The loss divisor D of the bound batch.</summary>
    public double Normalization => _normalization;

    private int NB => _n * _batch;

    // ------------------------------------------------------------------ parameters

    /// <summary>Takes a copy of the flat float64 parameters and forms the effective weights.</summary>
    public void LoadParameters(ReadOnlySpan<double> theta)
    {
        var layout = _s.Layout;
        var wTilde = layout.Slice(theta, ParameterBlock.RecurrentWeights);
        var mask = _s.RecurrentMask;
        var sign = _s.ColumnSign;
        for (int j = 0; j < _n; j++)
            for (int i = 0; i < _n; i++)
            {
                int k = j * _n + i;
                double m = mask is null ? 1 : mask[k];
                double value = wTilde[k];
                if (sign is not null)
                {
                    _w[k] = T.CreateTruncating(m * Math.Abs(value) * sign[j]);
                    _wDerivative![k] = T.CreateTruncating(m * Math.Sign(value) * sign[j]);
                }
                else _w[k] = T.CreateTruncating(m * value);
            }
        CopyMasked(layout.Slice(theta, ParameterBlock.InputWeights), _s.InputMask, _win);
        Convert(layout.Slice(theta, ParameterBlock.RecurrentBias), _b);
        CopyMasked(layout.Slice(theta, ParameterBlock.OutputWeights), _s.OutputMask, _wout);
        Convert(layout.Slice(theta, ParameterBlock.OutputBias), _bout);
        if (_s.Options.LearnInitialState) Convert(layout.Slice(theta, ParameterBlock.InitialState), _x0);
        else Array.Clear(_x0);
        _forwardValid = false;
    }

    private static void CopyMasked(ReadOnlySpan<double> source, double[]? mask, T[] destination)
    {
        for (int k = 0; k < destination.Length; k++)
            destination[k] = T.CreateTruncating(mask is null ? source[k] : source[k] * mask[k]);
    }

    private static void Convert(ReadOnlySpan<double> source, Span<T> destination)
    {
        for (int k = 0; k < destination.Length; k++) destination[k] = T.CreateTruncating(source[k]);
    }

    // ------------------------------------------------------------------ batch binding

    /// <summary>
    /// Checks the batch against the model, sizes the buffers and stages inputs (plus input noise), targets, mask
    /// and recurrent noise. Re-binding the same batch object with the same noise index is free.
    /// </summary>
    public void Bind(TrialBatch batch, long noiseIndex)
    {
        if (ReferenceEquals(batch, _boundBatch) && noiseIndex == _boundNoiseIndex) return;
        CheckBatch(batch, _s);
        _boundBatch = null;
        _forwardValid = false;
        _steps = batch.Steps; _batch = batch.BatchSize;
        _parts = BatchParts.PartCount(_batch);
        EnsureCapacity();
        var options = _s.Options;
        int tb = _steps * _batch;

        // Inputs: used in place for float64 without input noise; otherwise converted/copied (plus noise).
        if (typeof(T) == typeof(double) && options.InputNoiseStd == 0) _u = Unsafe.As<T[]>(batch.Inputs);
        else
        {
            if (_uOwned.Length < _i * tb) _uOwned = new T[_i * tb];
            _u = _uOwned;
            var u = _u.AsSpan(0, _i * tb);
            if (options.InputNoiseStd > 0) ModelRandom.FillCounterGaussian(u, options.NoiseSeed, 1, noiseIndex, options.InputNoiseStd);
            else u.Clear();
            for (int k = 0; k < u.Length; k++) u[k] += T.CreateTruncating(batch.Inputs[k]);
        }
        if (_uOnes.Length < (_i + 1) * tb) _uOnes = new T[(_i + 1) * tb];
        for (int column = 0; column < tb; column++)
        {
            _u.AsSpan(column * _i, _i).CopyTo(_uOnes.AsSpan(column * (_i + 1), _i));
            _uOnes[column * (_i + 1) + _i] = T.One;
        }
        // Targets where the mask is 0 may be NaN (TrialBatch allows it); they are staged as 0 so that 0·NaN never
        // reaches a sum. Float64 batches without such entries are used in place.
        bool clean = typeof(T) == typeof(double) && AllTargetsFinite(batch);
        if (clean)
        {
            _targets = Unsafe.As<T[]>(batch.Targets);
            _mask = Unsafe.As<T[]>(batch.Mask);
        }
        else
        {
            if (_targetsOwned.Length < _o * tb) { _targetsOwned = new T[_o * tb]; _maskOwned = new T[_o * tb]; }
            _targets = _targetsOwned; _mask = _maskOwned;
            for (int k = 0; k < _o * tb; k++)
            {
                double m = batch.Mask[k];
                _targets[k] = m != 0 ? T.CreateTruncating(batch.Targets[k]) : T.Zero;
                _mask[k] = T.CreateTruncating(m);
            }
        }
        _normalization = ComputeNormalization(batch);

        if (options.RecurrentNoiseStd > 0)
        {
            if (_noise.Length < _n * tb) _noise = new T[_n * tb];
            ModelRandom.FillCounterGaussian(_noise.AsSpan(0, _n * tb), options.NoiseSeed, 2, noiseIndex, options.RecurrentNoiseStd);
        }
        _boundBatch = batch;
        _boundNoiseIndex = noiseIndex;
    }

    private T[] _noise = [];

    private static bool AllTargetsFinite(TrialBatch batch)
    {
        foreach (double value in batch.Targets)
            if (!double.IsFinite(value)) return false;
        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the batch does not fit the model or is malformed.</summary>
    public static void CheckBatch(TrialBatch batch, RateRnnStructure s)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.InputCount != s.I)
            throw new ArgumentException($"The batch has InputCount = {batch.InputCount} input channels but the model has {s.I} inputs.", nameof(batch));
        if (batch.OutputCount != s.O)
            throw new ArgumentException($"The batch has OutputCount = {batch.OutputCount} outputs but the model has {s.O} outputs.", nameof(batch));
        batch.Validate();
    }

    private double ComputeNormalization(TrialBatch batch) => OutputLoss<T>.Normalization(_s.Options.OutputKind, _loss.Normalization, batch, _o);

    // Buffers only grow: a trainer alternates one engine between batches of different sizes (the gradient batch and
    // the curvature minibatch), and reallocating for each would allocate and page in hundreds of MB per iteration.
    // All kernels address the buffers through (steps, batch)-sized prefixes, so a larger buffer is used as is.
    private void EnsureCapacity()
    {
        int states = (_steps + 1) * _n * _batch, outputs = _steps * _o * _batch, columns = Math.Max(_steps * _batch, 1);
        if (_x.Length < states) { _x = new T[states]; _r = new T[states]; _fp = new T[states]; _gx = new T[states]; }
        if (_z.Length < outputs) { _z = new T[outputs]; _y = new T[outputs]; _e = new T[outputs]; }
        if (_ones.Length < columns)
        {
            _ones = new T[columns];
            Array.Fill(_ones, T.One);
        }
    }

    // ------------------------------------------------------------------ forward pass

    /// <summary>Runs the bound batch at the loaded parameters: states, rates, f′, outputs z and y.</summary>
    public void Forward()
    {
        if (_boundBatch is null) throw new InvalidOperationException("Bind a batch before running the forward pass.");
        if (_forwardValid) return;
        int nb = NB, tb = _steps * _batch;
        var x = _x.AsSpan(); var r = _r.AsSpan(); var fp = _fp.AsSpan();
        RateKernels.Broadcast<T>(_x0, x[..nb]);
        RateKernels.Activate(_s.Options.Nonlinearity, x[..nb], r[..nb], fp[..nb]);

        // X[1..T] = b + σ_rec ξ + W_in·U for all steps at once.
        var drive = x.Slice(nb, _n * tb);
        RateKernels.Broadcast<T>(_b, drive);
        if (_s.Options.RecurrentNoiseStd > 0) TensorPrimitives.Add(drive, _noise.AsSpan(0, drive.Length), drive);
        if (_i > 0)
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _n, tb, _i, T.One, _win, _n, _u, _i, T.One, drive, _n);

        if (_interventions is not null) Stimulate(drive);

        RunParts(_forwardPart);
        ComputeOutputs(r.Slice(nb, _n * tb), _z);
        ApplyOutputNonlinearity();
        _forwardValid = true;
    }

    /// <summary>The forward recurrence through all steps for the trials of one part.</summary>
    private void ForwardPart(int part)
    {
        var (first, end) = Columns(part);
        int nb = NB, offset = first * _n, length = (end - first) * _n;
        var x = _x.AsSpan(); var r = _r.AsSpan(); var fp = _fp.AsSpan();
        var nonlinearity = _s.Options.Nonlinearity;
        for (int t = 0; t < _steps; t++)
        {
            int at = t * nb + offset, nextAt = at + nb;
            var next = x.Slice(nextAt, length);
            // next = α·(W r[t] + drive) + (1 − α)·x[t]
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _n, end - first, _n, _alpha, _w, _n, r.Slice(at, length), _n, _alpha, next, _n);
            RateKernels.LeakAndActivate(nonlinearity, next, x.Slice(at, length), _leak, r.Slice(nextAt, length), fp.Slice(nextAt, length));
            if (_interventions is not null)
                Intervene(t, x.Slice((t + 1) * nb, nb), r.Slice((t + 1) * nb, nb), fp.Slice((t + 1) * nb, nb), first, end);
        }
    }

    // ------------------------------------------------------------------ interventions (simulation only)

    private UnitInterventions? _interventions;

    /// <summary>Interventions applied by the next forward passes (null: none). A perturbed pass must not be differentiated.</summary>
    public void SetInterventions(UnitInterventions? interventions)
    {
        _interventions = interventions;
        _forwardValid = false;
    }

    /// <summary>Adds each stimulation's current to the drive of its units in its steps.</summary>
    private void Stimulate(Span<T> drive)
    {
        foreach (var item in _interventions!.Items)
        {
            if (item.Kind != InterventionKind.Stimulate || item.Strength == 0) continue;
            T current = T.CreateTruncating(item.Strength);
            for (int t = item.FirstStep; t < Math.Min(item.EndStep, _steps); t++)
                for (int b = 0; b < _batch; b++)
                    foreach (int unit in item.Units) drive[(t * _batch + b) * _n + unit] += current;
        }
    }

    /// <summary>Silences or clamps units in the state, rates and f′ of the step just computed.</summary>
    private void Intervene(int step, Span<T> x, Span<T> r, Span<T> fp, int firstTrial, int endTrial)
    {
        var nonlinearity = _s.Options.Nonlinearity;
        foreach (var item in _interventions!.Items)
        {
            if (item.Kind == InterventionKind.Stimulate || !item.ActiveAt(step)) continue;
            T s = T.CreateTruncating(item.Strength), keep = T.One - s, value = T.CreateTruncating(item.Value);
            for (int b = firstTrial; b < endTrial; b++)
                foreach (int unit in item.Units)
                {
                    int k = b * _n + unit;
                    if (item.Kind == InterventionKind.Silence)
                    {
                        r[k] *= keep;
                        fp[k] *= keep;
                    }
                    else
                    {
                        T clamped = keep * x[k] + s * value;
                        if (clamped == x[k]) continue; // a zero-strength clamp leaves the step bit-identical
                        x[k] = clamped;
                        RateKernels.Activate<T>(nonlinearity, x.Slice(k, 1), r.Slice(k, 1), fp.Slice(k, 1));
                    }
                }
        }
    }

    /// <summary>Readout of the rates of steps 1..T into <paramref name="z"/> (or, for the identity unit readout, nothing: z aliases the rates).</summary>
    private void ComputeOutputs(ReadOnlySpan<T> rates, Span<T> z)
    {
        int tb = _steps * _batch;
        if (_s.ReadoutUnits is { } units)
        {
            if (_s.IdentityReadout) return;
            for (int column = 0; column < tb; column++)
                for (int o = 0; o < _o; o++) z[column * _o + o] = rates[column * _n + units[o]];
            return;
        }
        RateKernels.Broadcast<T>(_bout, z[..(_o * tb)]);
        TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _o, tb, _n, T.One, _wout, _o, rates, _n, T.One, z, _o);
    }

    /// <summary>Pre-activation outputs z of steps 0..T−1 (O×(T·B)).</summary>
    private ReadOnlySpan<T> OutputPreactivations =>
        _s.IdentityReadout ? _r.AsSpan(NB, _n * _steps * _batch) : _z.AsSpan(0, _o * _steps * _batch);

    private ReadOnlySpan<T> Outputs =>
        OutputLoss<T>.HasOutputNonlinearity(_s.Options.OutputKind) ? _y.AsSpan(0, _o * _steps * _batch) : OutputPreactivations;

    private void ApplyOutputNonlinearity() =>
        OutputLoss<T>.Apply(_s.Options.OutputKind, OutputPreactivations, _y.AsSpan(0, _o * _steps * _batch), _o);

    // ------------------------------------------------------------------ loss

    /// <summary>
    /// The data loss plus the activity penalty at the current forward pass (weight decay is added by the caller,
    /// in float64). With <paramref name="writeError"/> the derivative dL/dz is staged for <see cref="Backward"/>.
    /// </summary>
    public double Loss(bool writeError)
    {
        if (!(_normalization > 0))
            throw new ArgumentException("TrialBatch.Mask is zero everywhere, so the loss normalised by the mask sum is undefined.", "batch");
        Forward();
        int tb = _steps * _batch, count = _o * tb;
        var z = OutputPreactivations;
        var y = Outputs;
        var targets = _targets.AsSpan(0, count);
        var mask = _mask.AsSpan(0, count);
        double loss = OutputLoss<T>.Loss(_s.Options.OutputKind, _loss.SquaredErrorScale, z, y, targets, mask, _normalization, _o,
            writeError ? ErrorDestination : default);
        if (_loss.ActivityL2 > 0)
            loss += _loss.ActivityL2 * RateKernels.SumOfSquaresAsDouble<T>(_r.AsSpan(NB, _n * tb)) / ((double)_n * tb);
        return loss;
    }

    /// <summary>Where dL/dz (or H·R{z}) is written: straight into the rate gradient for the identity unit readout.</summary>
    private Span<T> ErrorDestination =>
        _s.IdentityReadout ? _gx.AsSpan(NB, _n * _steps * _batch) : _e.AsSpan(0, _o * _steps * _batch);

    // ------------------------------------------------------------------ backward pass

    /// <summary>
    /// Back-propagates the staged output error (dL/dz from <see cref="Loss"/>, or H·R{z} from
    /// <see cref="GaussNewtonForward"/>) through time and forms the gradient in effective coordinates.
    /// In Gauss-Newton mode the rate-penalty curvature and structural damping terms use R{r}.
    /// </summary>
    public void Backward(bool gaussNewton, double structuralDamping)
    {
        int nb = NB, tb = _steps * _batch;
        var gx = _gx.AsSpan(0, (_steps + 1) * nb);
        var gxSteps = gx.Slice(nb, _n * tb);
        var rSteps = _r.AsSpan(nb, _n * tb);
        var rr = gaussNewton ? _rr.AsSpan(0, (_steps + 1) * nb) : default;

        // Direct terms on dL/dr[1..T]: the readout and the activity penalty.
        if (_s.ReadoutUnits is { } units)
        {
            if (!_s.IdentityReadout)
            {
                gxSteps.Clear();
                var e = _e.AsSpan(0, _o * tb);
                for (int column = 0; column < tb; column++)
                    for (int o = 0; o < _o; o++) gxSteps[column * _n + units[o]] += e[column * _o + o];
            }
        }
        else
            TypedBlas.Gemm(_backend, Transpose.Transpose, Transpose.None, _n, tb, _o, T.One, _wout, _o, _e, _o, T.Zero, gxSteps, _n);
        if (_loss.ActivityL2 > 0)
        {
            T activity = T.CreateTruncating(2 * _loss.ActivityL2 / ((double)_n * tb));
            TensorPrimitives.MultiplyAdd(gaussNewton ? rr.Slice(nb, _n * tb) : rSteps, activity, gxSteps, gxSteps);
        }

        // Through time: dL/dx[t] = f′(x[t]) ⊙ (direct[t] + α Wᵀ dL/dx[t+1]) + (1 − α) dL/dx[t+1] (+ structural damping).
        _backwardDamping = gaussNewton && structuralDamping != 0 ? T.CreateTruncating(structuralDamping / _normalization) : T.Zero;
        _backwardDamped = gaussNewton && structuralDamping != 0;
        RunParts(_backwardPart);
        if (_s.Options.LearnInitialState)
            TypedBlas.Gemv(_backend, Transpose.None, _n, _batch, T.One, gx[..nb], _n, _ones, T.Zero, _gx0);

        // Weight gradients as single GEMMs over all T·B columns; δ = α·dL/dx[1..T].
        TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _n, _n, tb, _alpha, gxSteps, _n, _r, _n, T.Zero, _gw, _n);
        // [G_in g_b] = δ·[U; 1]ᵀ in one GEMM.
        TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _n, _i + 1, tb, _alpha, gxSteps, _n, _uOnes, _i + 1, T.Zero, _ginb, _n);
        _ginb.AsSpan(0, _n * _i).CopyTo(_gin);
        _ginb.AsSpan(_n * _i, _n).CopyTo(_gb);
        if (_s.ReadoutUnits is null)
        {
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _o, _n, tb, T.One, _e, _o, rSteps, _n, T.Zero, _gout, _o);
            TypedBlas.Gemv(_backend, Transpose.None, _o, tb, T.One, _e, _o, _ones, T.Zero, _gbout);
        }
    }

    /// <summary>Back-propagation through all steps (and into x[0] when it is learned) for the trials of one part.</summary>
    private void BackwardPart(int part)
    {
        var (first, end) = Columns(part);
        int nb = NB, offset = first * _n, length = (end - first) * _n, columns = end - first;
        var gx = _gx.AsSpan(); var fp = _fp.AsSpan();
        bool damped = _backwardDamped;
        var rr = damped ? _rr.AsSpan() : default;
        for (int t = _steps; t >= 1; t--)
        {
            int at = t * nb + offset;
            var g = gx.Slice(at, length);
            var extra = damped ? rr.Slice(at, length) : default;
            if (t == _steps)
                RateKernels.BackwardStep<T>(g, fp.Slice(at, length), g, T.Zero, extra, _backwardDamping);
            else
            {
                var next = gx.Slice(at + nb, length);
                TypedBlas.Gemm(_backend, Transpose.Transpose, Transpose.None, _n, columns, _n, _alpha, _w, _n, next, _n, T.One, g, _n);
                RateKernels.BackwardStep<T>(g, fp.Slice(at, length), next, _leak, extra, _backwardDamping);
            }
        }
        if (_s.Options.LearnInitialState)
        {
            var g0 = gx.Slice(offset, length);
            var g1 = gx.Slice(nb + offset, length);
            TypedBlas.Gemm(_backend, Transpose.Transpose, Transpose.None, _n, columns, _n, _alpha, _w, _n, g1, _n, T.Zero, g0, _n);
            RateKernels.BackwardStep<T>(g0, fp.Slice(offset, length), g1, _leak, default, T.Zero);
        }
    }

    /// <summary>Writes the gradient of the last <see cref="Backward"/> into the flat float64 layout (chain rule through Dale's law).</summary>
    public void ExportGradient(Span<double> destination)
    {
        var layout = _s.Layout;
        var gw = layout.Slice(destination, ParameterBlock.RecurrentWeights);
        for (int k = 0; k < gw.Length; k++)
            gw[k] = double.CreateTruncating(_wDerivative is null ? _gw[k] : _gw[k] * _wDerivative[k]);
        ConvertOut(_gin, layout.Slice(destination, ParameterBlock.InputWeights));
        ConvertOut(_gb, layout.Slice(destination, ParameterBlock.RecurrentBias));
        ConvertOut(_gout, layout.Slice(destination, ParameterBlock.OutputWeights));
        ConvertOut(_gbout, layout.Slice(destination, ParameterBlock.OutputBias));
        if (_s.Options.LearnInitialState) ConvertOut(_gx0, layout.Slice(destination, ParameterBlock.InitialState));
    }

    private static void ConvertOut(ReadOnlySpan<T> source, Span<double> destination)
    {
        for (int k = 0; k < destination.Length; k++) destination[k] = double.CreateTruncating(source[k]);
    }

    // ------------------------------------------------------------------ Gauss-Newton products

    /// <summary>
    /// The R-operator forward pass for direction <paramref name="v"/> (flat float64, already restricted to
    /// trainable entries) at the cached forward linearisation; stages H·R{z} for <see cref="Backward"/>.
    /// </summary>
    public void GaussNewtonForward(ReadOnlySpan<double> v)
    {
        Forward();
        int nb = NB, tb = _steps * _batch, states = (_steps + 1) * nb;
        if (_rx.Length < states) { _rx = new T[states]; _rr = new T[states]; }
        if (_s.ReadoutUnits is null && _rz.Length < _o * tb) _rz = new T[_o * tb];
        ImportDirection(v);

        var rx = _rx.AsSpan(0, states); var rr = _rr.AsSpan(0, states); var fp = _fp.AsSpan();
        if (_s.Options.LearnInitialState) RateKernels.Broadcast<T>(_vx0, rx[..nb]);
        else rx[..nb].Clear();
        TensorPrimitives.Multiply(fp[..nb], rx[..nb], rr[..nb]);

        // R-drive of all steps: [V_in v_b]·[U; 1] + V_W·r[0..T−1].
        var drive = rx.Slice(nb, _n * tb);
        TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _n, tb, _i + 1, T.One, _vinb, _n, _uOnes, _i + 1, T.Zero, drive, _n);
        TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _n, tb, _n, T.One, _vw, _n, _r, _n, T.One, drive, _n);
        RunParts(_rForwardPart);

        // R{z} = W_out R{r} + V_out r + v_bout (or the readout units of R{r}).
        if (_s.ReadoutUnits is null)
        {
            var rzOwned = _rz.AsSpan(0, _o * tb);
            RateKernels.Broadcast<T>(_vbout, rzOwned);
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _o, tb, _n, T.One, _wout, _o, rr.Slice(nb, _n * tb), _n, T.One, rzOwned, _o);
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _o, tb, _n, T.One, _vout, _o, _r.AsSpan(nb, _n * tb), _n, T.One, rzOwned, _o);
            MultiplyByLossHessian(_rz, 0);
        }
        else if (!_s.IdentityReadout) // (the identity readout's H_L·R{z} was formed step by step in the R-forward loop)
        {
            if (_rz.Length < _o * tb) _rz = new T[_o * tb];
            var gathered = _rz.AsSpan(0, _o * tb);
            var rrSteps = rr.Slice(nb, _n * tb);
            var unitList = _s.ReadoutUnits;
            for (int column = 0; column < tb; column++)
                for (int o = 0; o < _o; o++) gathered[column * _o + o] = rrSteps[column * _n + unitList[o]];
            MultiplyByLossHessian(_rz, 0);
        }
    }

    /// <summary>The R-forward recurrence through all steps for the trials of one part.</summary>
    private void GaussNewtonForwardPart(int part)
    {
        var (first, end) = Columns(part);
        int nb = NB, offset = first * _n, length = (end - first) * _n;
        var rx = _rx.AsSpan(); var rr = _rr.AsSpan(); var fp = _fp.AsSpan();
        for (int t = 0; t < _steps; t++)
        {
            int at = t * nb + offset, nextAt = at + nb;
            var next = rx.Slice(nextAt, length);
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.None, _n, end - first, _n, _alpha, _w, _n, rr.Slice(at, length), _n, _alpha, next, _n);
            RateKernels.LeakAndMultiply<T>(next, rx.Slice(at, length), _leak, fp.Slice(nextAt, length), rr.Slice(nextAt, length));
            // With the identity readout R{z} is R{r}: H_L·R{z} of this step's columns while they are still in cache,
            // instead of a separate pass over all T·B columns after the loop (the same numbers: H_L is column-local).
            if (_s.IdentityReadout) LossHessianColumns(t * _batch + first, end - first, _rr, nextAt);
        }
    }

    /// <summary>
    /// error = H_L·R{z}: the Gauss-Newton curvature of the output loss with respect to the pre-activations, with R{z}
    /// at <paramref name="rz"/>[<paramref name="offset"/>..]. H_L acts on each column (time step × trial) alone, so the
    /// columns are split over the batch parts: the same numbers for any split, and the streaming pass uses both cores.
    /// </summary>
    private void MultiplyByLossHessian(T[] rz, int offset)
    {
        _hessianInput = rz; _hessianInputOffset = offset;
        RunParts(_lossHessianPart);
        _hessianInput = [];
    }

    /// <summary>H_L·R{z} on the columns of part <paramref name="part"/> of all T·B columns.</summary>
    private void LossHessianPart(int part)
    {
        int tb = _steps * _batch;
        int first = BatchParts.Start(part, _parts, tb), end = BatchParts.Start(part + 1, _parts, tb);
        LossHessianColumns(first, end - first, _hessianInput, _hessianInputOffset + first * _o);
    }

    /// <summary>
    /// error = H_L·R{z} on <paramref name="count"/> output columns from column <paramref name="first"/> (of all T·B, step-major),
    /// with those columns of R{z} at <paramref name="rz"/>[<paramref name="rzOffset"/>..].
    /// </summary>
    private void LossHessianColumns(int first, int count, T[] rz, int rzOffset)
    {
        int start = first * _o, length = count * _o;
        OutputLoss<T>.MultiplyByHessian(_s.Options.OutputKind, _loss.SquaredErrorScale, OutputPreactivations.Slice(start, length),
            Outputs.Slice(start, length), _targets.AsSpan(start, length), _mask.AsSpan(start, length), _normalization, _o,
            rz.AsSpan(rzOffset, length), ErrorDestination.Slice(start, length));
    }

    private void ImportDirection(ReadOnlySpan<double> v)
    {
        var layout = _s.Layout;
        var vw = layout.Slice(v, ParameterBlock.RecurrentWeights);
        for (int k = 0; k < _vw.Length; k++)
            _vw[k] = _wDerivative is null ? T.CreateTruncating(vw[k]) : T.CreateTruncating(vw[k]) * _wDerivative[k];
        Convert(layout.Slice(v, ParameterBlock.InputWeights), _vin);
        Convert(layout.Slice(v, ParameterBlock.RecurrentBias), _vb);
        _vin.CopyTo(_vinb.AsSpan(0, _n * _i));
        _vb.CopyTo(_vinb.AsSpan(_n * _i, _n));
        Convert(layout.Slice(v, ParameterBlock.OutputWeights), _vout);
        Convert(layout.Slice(v, ParameterBlock.OutputBias), _vbout);
        if (_s.Options.LearnInitialState) Convert(layout.Slice(v, ParameterBlock.InitialState), _vx0);
    }

    // ------------------------------------------------------------------ per-trial gradients

    /// <summary>
    /// Adds Σ_b (g_b + regularisation/B)² to <paramref name="result"/>, where g_b is trial b's share of the data gradient,
    /// using the δ's of the last gradient <see cref="Backward"/> (trials are independent, so only the final
    /// reductions differ per trial: each is a GEMM over that trial's T columns, leading dimension N·B).
    /// </summary>
    public void AccumulateSquaredTrialGradients(ReadOnlySpan<double> regularisationGradient, Span<double> result)
    {
        int nb = NB, ldState = nb;
        var perTrial = new double[_s.ParameterCount];
        var onesSteps = _ones.AsSpan(0, _steps);
        for (int b = 0; b < _batch; b++)
        {
            var gxTrial = _gx.AsSpan(nb + b * _n);
            TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _n, _n, _steps, _alpha, gxTrial, ldState, _r.AsSpan(b * _n), ldState, T.Zero, _gw, _n);
            if (_i > 0)
                TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _n, _i, _steps, _alpha, gxTrial, ldState, _u.AsSpan(b * _i), _i * _batch, T.Zero, _gin, _n);
            TypedBlas.Gemv(_backend, Transpose.None, _n, _steps, _alpha, gxTrial, ldState, onesSteps, T.Zero, _gb);
            if (_s.ReadoutUnits is null)
            {
                var eTrial = _e.AsSpan(b * _o);
                TypedBlas.Gemm(_backend, Transpose.None, Transpose.Transpose, _o, _n, _steps, T.One, eTrial, _o * _batch, _r.AsSpan(nb + b * _n), ldState, T.Zero, _gout, _o);
                TypedBlas.Gemv(_backend, Transpose.None, _o, _steps, T.One, eTrial, _o * _batch, onesSteps, T.Zero, _gbout);
            }
            if (_s.Options.LearnInitialState) _gx.AsSpan(b * _n, _n).CopyTo(_gx0);
            ExportGradient(perTrial);
            for (int k = 0; k < perTrial.Length; k++)
            {
                double g = perTrial[k] + regularisationGradient[k] / _batch;
                result[k] += g * g;
            }
        }
    }

    // ------------------------------------------------------------------ results

    /// <summary>Outputs after the output nonlinearity, as float64 in the targets' layout.</summary>
    public double[] CopyOutputs()
    {
        Forward();
        var y = Outputs;
        var result = new double[_o * _steps * _batch];
        ConvertOut(y, result);
        return result;
    }

    /// <summary>Output pre-activations z (before the output nonlinearity) as float64 in the targets' layout.</summary>
    public double[] CopyOutputPreactivations()
    {
        Forward();
        var result = new double[_o * _steps * _batch];
        ConvertOut(OutputPreactivations, result);
        return result;
    }

    /// <summary>States x[0..T] as float64, (T+1)·N·B time-major.</summary>
    public double[] CopyStates() { Forward(); var a = new double[(_steps + 1) * NB]; ConvertOut(_x.AsSpan(0, a.Length), a); return a; }

    /// <summary>Rates r[0..T] as float64, (T+1)·N·B time-major.</summary>
    public double[] CopyRates() { Forward(); var a = new double[(_steps + 1) * NB]; ConvertOut(_r.AsSpan(0, a.Length), a); return a; }
}
