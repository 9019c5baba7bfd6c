using NeuroRnn.Data.Synthetic;
using NeuroRnn.Models;
using NeuroRnn.Training;

namespace NeuroRnn.Experiments;

/// <summary>
/// The experiment of Salatiello &amp; Giese (ICANN 2020): does training an RNN ("embedder") on a circuit's outputs plus the
/// activity of a small sampled subset of its neurons make the RNN reproduce the circuit's internal population dynamics,
/// and generalise better? The circuit is <see cref="ReachingCircuit"/> (motor cortex and muscles for centre-out
/// reaching). For every seed, optimizer and sampled fraction (plus output-only) an embedder is trained on the training
/// reach conditions (<see cref="EmbedderTraining"/>) and scored on those and on held-out reach conditions: normalised
/// output error, and SVCCA (<see cref="DynamicsComparison"/>) between the embedder's units and <b>all</b> the circuit's units.
/// </summary>
/// <remarks>
/// Lives in its own namespace rather than in <c>NeuroRnn.Fitting</c>: it composes the circuit generator, both training
/// families (RLS and gradient-based), the recording sampler and SVCCA; the recording fitter fits one given recording.
/// </remarks>
public static class SparseRecordingExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="options">Settings; null = defaults.</param>
    /// <param name="onRun">Called after every trained embedder with its row.</param>
    /// <param name="cancellationToken">Stops between (and inside) training runs; the rows finished so far are lost.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static SparseRecordingResult Run(SparseRecordingOptions? options = null, Action<SparseRecordingRun>? onRun = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SparseRecordingOptions();
        options.Validate();
        var circuit = new ReachingCircuit(options.Circuit);
        var training = circuit.Generate();
        var heldOut = circuit.Generate(options.HeldOutDirectionsDeg);
        var svcca = DynamicsComparison.DefaultOptions with { Components = options.SvccaComponents, TopK = options.SvccaComponents };

        // References: another population of the same circuit (ceiling) and the untrained networks (floor).
        var other = new ReachingCircuit(options.Circuit with { PopulationSeed = options.Circuit.Seed + 1_000_003UL });
        var ceiling = DynamicsComparison.Similarity(training.Neurons, other.Generate().Neurons, svcca);
        double heldOutCeiling = DynamicsComparison.Similarity(heldOut.Neurons, other.Generate(options.HeldOutDirectionsDeg).Neurons, svcca).Similarity;
        var untrained = options.Seeds.Select(seed => Untrained(training, heldOut, seed, options.Embedder, svcca)).ToArray();

        var fractions = (options.IncludeOutputOnly ? new[] { 0.0 } : []).Concat(options.Fractions).ToArray();
        var runs = new List<SparseRecordingRun>();
        foreach (int seed in options.Seeds)
            foreach (var optimizer in options.Optimizers)
                foreach (double fraction in fractions)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var hints = fraction == 0 ? null : training.Neurons.SampleUnits(fraction, unchecked((ulong)seed));
                    var embedder = EmbedderTraining.Train(training, hints, optimizer, seed, options.Embedder, null, cancellationToken);
                    var row = Score(embedder, training, heldOut, fraction, seed, svcca);
                    runs.Add(row);
                    onRun?.Invoke(row);
                }
        return new SparseRecordingResult(options, runs, ceiling.Similarity, heldOutCeiling,
            untrained.Average(u => u.Train), untrained.Average(u => u.HeldOut), ceiling.VarianceExplainedA[^1]);
    }

    /// <summary>Scores a trained embedder on the training and held-out sessions (a row of the result table).</summary>
    /// <exception cref="ArgumentException">A session does not fit the embedder (input channels).</exception>
    public static SparseRecordingRun Score(Embedder embedder, ReachingSession training, ReachingSession heldOut, double fraction, int seed,
        Analysis.SvccaOptions? svcca = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(heldOut);
        svcca ??= DynamicsComparison.DefaultOptions;
        return new SparseRecordingRun(embedder.Optimizer, fraction, embedder.HintCount, seed,
            embedder.OutputError(training.TaskBatch()), embedder.OutputError(heldOut.TaskBatch()),
            DynamicsComparison.Similarity(training.Neurons, embedder.Rates(training), svcca).Similarity,
            DynamicsComparison.Similarity(heldOut.Neurons, embedder.Rates(heldOut), svcca).Similarity,
            embedder.TrainSeconds, embedder.Iterations, embedder.Training.StopReason.Description, embedder.TrainCpuSeconds);
    }

    private static (double Train, double HeldOut) Untrained(ReachingSession training, ReachingSession heldOut, int seed, EmbedderOptions options,
        Analysis.SvccaOptions svcca)
    {
        var model = new RateRnn(new RateRnnOptions
        {
            UnitCount = options.UnitCount, InputCount = ReachingCircuit.InputNames.Count, OutputCount = training.Muscles.UnitCount,
            Dt = training.Neurons.BinWidthMs, Tau = options.TauMs, Nonlinearity = options.Nonlinearity, Gain = options.Gain,
            InputWeightStd = options.InputWeightStd, Seed = seed,
        });
        double Of(ReachingSession s) => DynamicsComparison.Similarity(s.Neurons,
            Embedder.RatesOf(model, s.TaskBatch(), s.Trials, s.Neurons.GetTimeMs(), "untrained"), svcca).Similarity;
        return (Of(training), Of(heldOut));
    }
}
