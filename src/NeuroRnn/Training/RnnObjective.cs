using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>
/// <see cref="ICurvatureObjective"/> of a <see cref="RateRnn"/>: the loss of <see cref="RnnLossOptions"/>, its exact
/// gradient by back-propagation through time and Gauss-Newton–vector products by the R-operator, computed in the
/// model's precision on a numerics back-end and exchanged as float64.
/// <para>
/// The Gauss-Newton matrix is G = Σ Jᵀ H_L J over output entries (H_L the Hessian of the matching loss with respect to
/// the output pre-activations) + the rate penalty's Gauss-Newton term + WeightDecay on trainable weights.
/// Structural damping adds d·Σ_{t=1..T} J_xᵀ diag(f′(x_t)) J_x / D, the Gauss-Newton matrix of the matching loss of
/// the hidden nonlinearity on the states x_t (Martens &amp; Sutskever 2011), divided by the loss divisor D so that its
/// scale relative to the loss is that of the original per-case formulation.
/// </para>
/// <para>
/// Noise (if the model has any) is drawn from stream <see cref="NoiseIndex"/>; keep it fixed within an optimizer
/// iteration (so the loss is a deterministic function of the parameters) and advance it between iterations.
/// Masked and frozen parameters get zero gradient and zero Gauss-Newton rows and columns.
/// </para>
/// <para>
/// Batches are treated as immutable: the staged inputs and the forward pass are cached per batch object (and noise
/// index) and reused while the parameters are unchanged, so a gradient right after a loss at the same point costs
/// only the backward pass. Build a new <see cref="TrialBatch"/> rather than editing one in place. Not thread-safe.
/// </para>
/// </summary>
public sealed class RnnObjective : ICurvatureObjective
{
    private readonly RateRnn _model;
    private readonly RateRnnStructure _structure;
    // Two engines, so that the linearisation of the curvature engine survives the optimizer's loss evaluations elsewhere;
    // their roles swap when the evaluation engine already holds the forward pass a PrepareCurvature asks for.
    private IRateRnnEngine _evaluation, _curvature;
    private readonly double[] _scratch, _regularisationGradient, _curvatureParameters;
    private long _evaluationVersion = -1, _evaluationNoise, _curvatureNoise;
    private TrialBatch? _evaluationBatch, _curvatureBatch;
    private bool _curvaturePrepared;

    /// <summary>Wraps <paramref name="model"/>; its parameters are this objective's parameters.</summary>
    /// <param name="model">The network.</param>
    /// <param name="loss">Loss options (default: <see cref="RnnLossOptions"/> defaults).</param>
    /// <param name="backend">Numerics back-end (default <see cref="NumericsBackend.Current"/>).</param>
    public RnnObjective(RateRnn model, RnnLossOptions? loss = null, INumericsBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        loss ??= new RnnLossOptions();
        loss.Validate();
        _model = model;
        _structure = model.Structure;
        LossOptions = loss;
        Backend = backend ?? NumericsBackend.Current;
        _evaluation = RateRnnEngineFactory.Create(_structure, Backend, loss);
        _curvature = RateRnnEngineFactory.Create(_structure, Backend, loss);
        _scratch = new double[_structure.ParameterCount];
        _regularisationGradient = new double[_structure.ParameterCount];
        _curvatureParameters = new double[_structure.ParameterCount];
    }

    /// <summary>The wrapped network.</summary>
    public RateRnn Model => _model;

    /// <summary>The loss definition.</summary>
    public RnnLossOptions LossOptions { get; }

    /// <summary>The back-end all products run on.</summary>
    public INumericsBackend Backend { get; }

    /// <summary>Noise stream used by the next evaluations (see the class remarks). Default 0.</summary>
    public long NoiseIndex { get; set; }

    /// <inheritdoc/>
    public int ParameterCount => _structure.ParameterCount;

    /// <inheritdoc/>
    public void GetParameters(Span<double> destination) => _model.GetParameters(destination);

    /// <inheritdoc/>
    public void SetParameters(ReadOnlySpan<double> source) => _model.SetParameters(source);

    /// <inheritdoc/>
    public double Loss(TrialBatch batch)
    {
        var engine = Evaluation(batch);
        return engine.Loss(writeError: false) + WeightDecayLoss();
    }

    /// <inheritdoc/>
    public double LossAndGradient(TrialBatch batch, Span<double> gradient)
    {
        CheckLength(gradient.Length, nameof(gradient));
        var engine = Evaluation(batch);
        double loss = engine.Loss(writeError: true);
        engine.Backward(gaussNewton: false, structuralDamping: 0);
        engine.ExportGradient(gradient);
        Finish(gradient, _model.ParameterSpan);
        return loss + WeightDecayLoss();
    }

    /// <inheritdoc/>
    public void PrepareCurvature(TrialBatch curvatureBatch)
    {
        ArgumentNullException.ThrowIfNull(curvatureBatch);
        var theta = _model.ParameterSpan;
        // Hessian-free prepares at θ₀ again after trying other points (for ρ): the curvature engine still holds that
        // linearisation, so nothing is recomputed.
        if (_curvaturePrepared && ReferenceEquals(curvatureBatch, _curvatureBatch) && NoiseIndex == _curvatureNoise && theta.SequenceEqual(_curvatureParameters))
            return;
        if (_evaluationVersion == _model.Version && ReferenceEquals(curvatureBatch, _evaluationBatch) && NoiseIndex == _evaluationNoise)
        {
            // The evaluation engine has just run this batch at these parameters (a gradient on the curvature batch):
            // it becomes the curvature engine with its forward pass, and the other one evaluates from now on.
            (_evaluation, _curvature) = (_curvature, _evaluation);
            _evaluationVersion = -1;
            _evaluationBatch = null;
        }
        else
        {
            _curvature.LoadParameters(theta);
            _curvature.Bind(curvatureBatch, NoiseIndex);
        }
        _curvaturePrepared = false;
        _curvature.Loss(writeError: false); // runs and caches the forward pass (if not cached); also rejects an all-zero mask
        theta.CopyTo(_curvatureParameters);
        _curvatureBatch = curvatureBatch;
        _curvatureNoise = NoiseIndex;
        _curvaturePrepared = true;
    }

    /// <inheritdoc/>
    public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result)
    {
        if (!_curvaturePrepared) throw new InvalidOperationException("Call PrepareCurvature before GaussNewtonProduct.");
        CheckLength(v.Length, nameof(v));
        CheckLength(result.Length, nameof(result));
        if (!double.IsFinite(structuralDamping) || structuralDamping < 0)
            throw new ArgumentException($"structuralDamping must be ≥ 0 and finite, got {structuralDamping}.", nameof(structuralDamping));
        ReadOnlySpan<double> direction = v;
        if (_structure.Trainable is { } trainable)
        {
            for (int k = 0; k < v.Length; k++) _scratch[k] = v[k] * trainable[k];
            direction = _scratch;
        }
        _curvature.GaussNewtonForward(direction);
        _curvature.Backward(gaussNewton: true, structuralDamping);
        _curvature.ExportGradient(result);
        Finish(result, direction);
    }

    /// <inheritdoc/>
    public void SquaredGradientSum(TrialBatch batch, Span<double> result)
    {
        CheckLength(result.Length, nameof(result));
        var engine = Evaluation(batch);
        engine.Loss(writeError: true);
        engine.Backward(gaussNewton: false, structuralDamping: 0);
        var decay = _structure.DecayMask;
        var theta = _model.ParameterSpan;
        for (int k = 0; k < _regularisationGradient.Length; k++) _regularisationGradient[k] = LossOptions.WeightDecay * decay[k] * theta[k];
        result.Clear();
        engine.AccumulateSquaredTrialGradients(_regularisationGradient, result);
        if (_structure.Trainable is { } trainable)
            for (int k = 0; k < result.Length; k++) result[k] *= trainable[k];
    }

    /// <inheritdoc/>
    public double[] Predict(TrialBatch batch) => Evaluation(batch).CopyOutputs();

    /// <summary>States, rates and outputs of the current parameters on <paramref name="batch"/> (for analyses and plots).</summary>
    public RnnTrajectory Simulate(TrialBatch batch) => _model.Run(batch, NoiseIndex, Backend);

    private IRateRnnEngine Evaluation(TrialBatch batch)
    {
        if (_evaluationVersion != _model.Version)
        {
            _evaluation.LoadParameters(_model.ParameterSpan);
            _evaluationVersion = _model.Version;
        }
        _evaluation.Bind(batch, NoiseIndex);
        _evaluationBatch = batch;
        _evaluationNoise = NoiseIndex;
        return _evaluation;
    }

    /// <summary>Adds WeightDecay·θ (or ·v) on decayed entries and zeroes untrainable ones.</summary>
    private void Finish(Span<double> result, ReadOnlySpan<double> point)
    {
        double decay = LossOptions.WeightDecay;
        var decayMask = _structure.DecayMask;
        if (decay != 0)
            for (int k = 0; k < result.Length; k++) result[k] += decay * decayMask[k] * point[k];
        if (_structure.Trainable is { } trainable)
            for (int k = 0; k < result.Length; k++) result[k] *= trainable[k];
    }

    private double WeightDecayLoss()
    {
        double decay = LossOptions.WeightDecay;
        if (decay == 0) return 0;
        var theta = _model.ParameterSpan;
        var mask = _structure.DecayMask;
        double sum = 0;
        for (int k = 0; k < theta.Length; k++) sum += mask[k] * theta[k] * theta[k];
        return 0.5 * decay * sum;
    }

    private void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"{name} has {length} entries but the objective has {ParameterCount} parameters.", name);
    }
}
