using System.Diagnostics;
using NeuroRnn.Data;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;

namespace NeuroRnn.Fitting;

/// <summary>
/// Fits a continuous-time rate RNN to recorded responses with Hessian-free optimization: the stimulus of each trial
/// (from the trials table) drives the network, and the rates of network units (or a linear readout) are matched to
/// the recorded rates of the training trials. See <see cref="RecordingFitOptions"/> for the preprocessing.
/// </summary>
public static class RecordingFitter
{
    /// <summary>Prepares <paramref name="recording"/> for fitting (validation, preprocessing, split, batches).</summary>
    /// <exception cref="ArgumentException">An option is invalid, a column is unknown, the units do not fit in the network,
    /// or a selection is empty (the message names the setting).</exception>
    public static FitDataset Prepare(Recording recording, RecordingFitOptions? options = null) =>
        FitDatasetBuilder.Build(recording, options ?? new RecordingFitOptions());

    /// <summary>The network options a fit of <paramref name="dataset"/> uses.</summary>
    public static RateRnnOptions NetworkOptions(FitDataset dataset, RecordingFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new RecordingFitOptions();
        options.Validate();
        var readout = options.Constraints.NetworkUnits(dataset.FittedUnits, options.UnitCount) ?? FitDatasetBuilder.NetworkUnitsOf(dataset.FittedUnitCount, options);
        var network = options.Constraints.Apply(options.Network) with
        {
            UnitCount = options.UnitCount,
            InputCount = dataset.InputCount,
            OutputCount = dataset.FittedUnitCount,
            Dt = options.BinMs,
            Tau = options.TauMs,
            ReadoutUnits = readout,
            Seed = options.Seed,
            OutputKind = options.Objective switch
            {
                FitObjective.Poisson => Trials.OutputKind.PoissonLogRate,
                FitObjective.PoissonSoftplus => Trials.OutputKind.PoissonSoftplusRate,
                _ => Trials.OutputKind.LinearSquaredError,
            },
        };
        network.Validate();
        return network;
    }

    /// <summary>Prepares the data and fits a network (see <see cref="Fit(FitDataset, RecordingFitOptions, Action{IterationStatistics}, CancellationToken)"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options or data (see <see cref="Prepare"/>).</exception>
    public static RecordingFitResult Fit(Recording recording, RecordingFitOptions? options = null,
        Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        options ??= new RecordingFitOptions();
        var started = Stopwatch.GetTimestamp();
        var dataset = Prepare(recording, options);
        return Fit(dataset, options, onIteration, cancellationToken, started);
    }

    /// <summary>
    /// Fits a network to a prepared dataset: HF on the full training batch (it is also the curvature batch), stopping
    /// after <see cref="RecordingFitOptions.Iterations"/>, the time limit, the target MSE or cancellation (the result then
    /// describes the last completed iteration). <paramref name="onIteration"/> sees every iteration's statistics.
    /// </summary>
    public static RecordingFitResult Fit(FitDataset dataset, RecordingFitOptions options,
        Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default) =>
        Fit(dataset, options, onIteration, cancellationToken, Stopwatch.GetTimestamp());

    /// <summary>As the public overload, and calls <paramref name="afterIteration"/> with the model at each iteration's parameters (tests).</summary>
    internal static RecordingFitResult Fit(FitDataset dataset, RecordingFitOptions options, Action<RateRnn> afterIteration) =>
        Fit(dataset, options, null, default, Stopwatch.GetTimestamp(), afterIteration);

    private static RecordingFitResult Fit(FitDataset dataset, RecordingFitOptions options,
        Action<IterationStatistics>? onIteration, CancellationToken cancellationToken, long started, Action<RateRnn>? afterIteration = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IReadOnlyDictionary<int, string>? chosen = null;
        double[]? netOutgoing = null;
        var c = options.Constraints;
        if (c.DalesLaw && c.FreeUnits == FreeUnitTyping.FitDecides && dataset.FittedUnits.Any(u => c.UnitTypes?.ContainsKey(u) != true))
        {
            // The assignment becomes the fit's UnitTypes, so result.Options reproduces the network (a refit with 0 iterations skips this).
            (var types, netOutgoing) = FreeUnitTypeAssignment.Choose(dataset, options, cancellationToken);
            chosen = types;
            options = options with { Constraints = c with { UnitTypes = types } };
        }
        var model = new RateRnn(NetworkOptions(dataset, options));
        var backend = NumericsBackend.Current;
        var objective = new RnnObjective(model, options.Loss, backend);
        var trainer = new HessianFreeTrainer(options.Optimizer);
        bool early = dataset.ValidationBatch is not null;
        var plateau = LossPlateauRule.For(options);
        var run = new TrainingRun
        {
            Iterations = options.Iterations,
            MaxWallTime = options.TimeLimit,
            Validate = dataset.ValidationBatch is { } v ? objective1 => ValidationLoss(options.Objective, v, objective1.Predict(v)) : null,
            ValidationPatience = early ? options.EarlyStoppingPatience : null,
            StopWhen = s => options.TargetMse is { } target && s.LossAfter < target || plateau?.Reached(s) == true,
        };
        var training = trainer.Train(objective, TrainingData.Fixed(dataset.TrainBatch, dataset.TrainBatch.BatchSize), run,
            onIteration: afterIteration is null ? onIteration : s => { afterIteration(model); onIteration?.Invoke(s); }, cancellationToken: cancellationToken);
        if (plateau is not null) training = training with { StopReason = plateau.Explain(training.StopReason) };
        // With a validation split the best network by validation loss is the fit; otherwise the last one.
        model.SetParameters(early ? training.BestParameters : training.Parameters);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new RecordingFitResult(options, dataset, model, training, seconds, backend.Name)
        {
            BestValidationIteration = early ? BestValidationIteration(training.Statistics) : null,
            StoppedEarly = early && training.StopReason.Kind == StopKind.Plateau && plateau?.Reason is null,
            ChosenUnitTypes = chosen,
            WarmUpNetOutgoingWeights = netOutgoing,
        };
    }

    /// <summary>
    /// The data loss on a validation batch without penalties: mean squared error, or the mean Poisson deviance
    /// 2·[t ln(t/y) − (t − y)] per scored entry.
    /// </summary>
    internal static double ValidationLoss(FitObjective objective, Trials.TrialBatch batch, double[] outputs)
    {
        double sum = 0, weight = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            double m = batch.Mask[k];
            if (m == 0) continue;
            double y = outputs[k], t = batch.Targets[k];
            sum += m * (objective == FitObjective.SquaredError ? (y - t) * (y - t) : 2 * ((t > 0 ? t * Math.Log(t / y) : 0) - (t - y)));
            weight += m;
        }
        return weight > 0 ? sum / weight : double.NaN;
    }

    /// <summary>The iteration whose validation metric was the first lowest (the one the loop kept).</summary>
    private static int? BestValidationIteration(IReadOnlyList<IterationStatistics> statistics)
    {
        int? best = null;
        double bestValue = double.PositiveInfinity;
        foreach (var s in statistics)
            if (s.Validation is { } value && value < bestValue) { bestValue = value; best = s.Iteration; }
        return best;
    }
}
