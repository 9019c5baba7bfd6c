using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// A continuous-time rate RNN (see <see cref="RateRnnOptions"/> for the equations) with its flat float64
/// parameter vector (layout: <see cref="RateRnnParameterLayout"/>). Train it through
/// <see cref="Training.RnnObjective"/>; simulate it with <see cref="Run"/>. Not thread-safe.
/// </summary>
public sealed class RateRnn
{
    private readonly double[] _parameters;

    /// <summary>Creates a network with parameters drawn from the initialisation in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public RateRnn(RateRnnOptions options)
    {
        Structure = new RateRnnStructure(options);
        _parameters = RateRnnInitializer.Initialize(Structure);
    }

    /// <summary>Creates a network with the given parameters (length <see cref="ParameterCount"/>).</summary>
    /// <exception cref="ArgumentException">An option is invalid or the parameter count differs.</exception>
    public RateRnn(RateRnnOptions options, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Structure = new RateRnnStructure(options);
        if (parameters.Count != Structure.ParameterCount)
            throw new ArgumentException($"{parameters.Count} parameters given but the model has {Structure.ParameterCount}.", nameof(parameters));
        _parameters = [.. parameters];
        CheckFinite(_parameters, nameof(parameters));
    }

    internal RateRnnStructure Structure { get; }

    /// <summary>The options the network was built from.</summary>
    public RateRnnOptions Options => Structure.Options;

    /// <summary>Where each block lives in the parameter vector.</summary>
    public RateRnnParameterLayout Layout => Structure.Layout;

    /// <summary>Number of parameters P.</summary>
    public int ParameterCount => Structure.ParameterCount;

    /// <summary>Incremented whenever the parameters change, so cached simulations can tell they are stale.</summary>
    public long Version { get; private set; }

    /// <summary>A copy of the parameter vector.</summary>
    public double[] GetParameters() => (double[])_parameters.Clone();

    /// <summary>Copies the parameters into <paramref name="destination"/> (length P).</summary>
    public void GetParameters(Span<double> destination)
    {
        if (destination.Length != _parameters.Length)
            throw new ArgumentException($"The destination has {destination.Length} entries but the model has {_parameters.Length} parameters.", nameof(destination));
        _parameters.CopyTo(destination);
    }

    /// <summary>Replaces the parameters (length P, finite).</summary>
    public void SetParameters(ReadOnlySpan<double> source)
    {
        if (source.Length != _parameters.Length)
            throw new ArgumentException($"{source.Length} parameters given but the model has {_parameters.Length}.", nameof(source));
        CheckFinite(source, nameof(source));
        source.CopyTo(_parameters);
        Version++;
    }

    internal ReadOnlySpan<double> ParameterSpan => _parameters;

    /// <summary>Whether unit <paramref name="unit"/> is excitatory (always true without Dale's law).</summary>
    public bool IsExcitatory(int unit)
    {
        if (unit < 0 || unit >= Structure.N) throw new ArgumentException($"Unit {unit} is outside [0, {Structure.N}).", nameof(unit));
        return Structure.Excitatory?[unit] ?? true;
    }

    /// <summary>The effective recurrent matrix W (masks and Dale's law applied), N×N column-major.</summary>
    public double[] EffectiveRecurrentWeights()
    {
        int n = Structure.N;
        var w = new double[n * n];
        var wTilde = Layout.Slice((ReadOnlySpan<double>)_parameters, ParameterBlock.RecurrentWeights);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int k = j * n + i;
                double mask = Structure.RecurrentMask?[k] ?? 1;
                w[k] = Structure.ColumnSign is { } sign ? mask * Math.Abs(wTilde[k]) * sign[j] : mask * wTilde[k];
            }
        return w;
    }

    /// <summary>Spectral radius of the effective recurrent matrix.</summary>
    public double SpectralRadius() => RateRnnInitializer.SpectralRadius(EffectiveRecurrentWeights());

    /// <summary>
    /// Simulates <paramref name="batch"/> (noise, if any, from stream <paramref name="noiseIndex"/>) on
    /// <paramref name="backend"/> (default <see cref="NumericsBackend.Current"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not match the model or is malformed.</exception>
    public RnnTrajectory Run(TrialBatch batch, long noiseIndex = 0, INumericsBackend? backend = null) => RunWith(batch, null, noiseIndex, backend);

    /// <summary>Simulates <paramref name="batch"/> with <paramref name="interventions"/> applied (null: none).</summary>
    internal RnnTrajectory RunWith(TrialBatch batch, UnitInterventions? interventions, long noiseIndex = 0, INumericsBackend? backend = null)
    {
        var engine = BoundEngine(batch, interventions, noiseIndex, backend);
        engine.Forward();
        return new RnnTrajectory(batch.Steps, batch.BatchSize, Structure.N, Structure.O,
            engine.CopyStates(), engine.CopyRates(), engine.CopyOutputs());
    }

    /// <summary>
    /// Outputs (as in <see cref="RnnTrajectory.Outputs"/>) of <paramref name="batch"/> under each of
    /// <paramref name="variants"/> (null: unperturbed), simulated one after another on one engine: its per-step buffers
    /// are allocated once for all variants, and nothing but the outputs is copied out. For experiments that compare runs
    /// by their outputs, where full trajectories of large batches would cost gigabytes.
    /// </summary>
    internal double[][] RunOutputs(TrialBatch batch, IReadOnlyList<UnitInterventions?> variants, INumericsBackend? backend = null)
    {
        var engine = BoundEngine(batch, interventions: null, noiseIndex: 0, backend);
        var outputs = new double[variants.Count][];
        for (int k = 0; k < outputs.Length; k++)
        {
            engine.SetInterventions(variants[k]);
            engine.Forward();
            outputs[k] = engine.CopyOutputs();
        }
        return outputs;
    }

    /// <summary>Rates (as in <see cref="RnnTrajectory.Rates"/>, steps 0…T) of <paramref name="batch"/> with <paramref name="interventions"/> (null: none); states are not copied out.</summary>
    internal double[] RunRates(TrialBatch batch, UnitInterventions? interventions, INumericsBackend? backend = null)
    {
        var engine = BoundEngine(batch, interventions, noiseIndex: 0, backend);
        engine.Forward();
        return engine.CopyRates();
    }

    /// <summary>
    /// A fresh engine holding this model's parameters and <paramref name="interventions"/>, bound to
    /// <paramref name="batch"/> with noise stream <paramref name="noiseIndex"/>; the callers choose what to run and copy.
    /// </summary>
    private IRateRnnEngine BoundEngine(TrialBatch batch, UnitInterventions? interventions, long noiseIndex, INumericsBackend? backend)
    {
        var engine = RateRnnEngineFactory.Create(Structure, backend ?? NumericsBackend.Current, new RnnLossOptions());
        engine.SetInterventions(interventions);
        engine.LoadParameters(_parameters);
        engine.Bind(batch, noiseIndex);
        return engine;
    }

    private static void CheckFinite(ReadOnlySpan<double> values, string name)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k]))
                throw new ArgumentException($"Parameter {k} is {values[k]}; parameters must be finite.", name);
    }
}
