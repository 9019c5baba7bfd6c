using System.Diagnostics;
using NeuroRnn.Checkpoints;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;

namespace NeuroRnn.Sweeps.Jobs;

/// <summary>
/// Job kind <c>fit-recording</c>: fits a rate RNN to a recording with Hessian-free optimization, as
/// <see cref="RecordingFitter.Fit(Recording, RecordingFitOptions?, Action{IterationStatistics}?, CancellationToken)"/> does,
/// but in checkpointed intervals, so an interrupted run resumes where it stopped. HF is deterministic given its state, so
/// the result equals an uninterrupted fit's. Early stopping on a validation split and wall-time limits are not offered:
/// both make a run's end depend on more than its parameters.
/// </summary>
public sealed class RecordingFitJob : ISweepJob
{
    /// <summary>The kind's name in specs.</summary>
    public const string KindName = "fit-recording";

    private static readonly RecordingFitOptions D = new();

    /// <inheritdoc/>
    public string Name => KindName;

    /// <inheritdoc/>
    public string Description => "fit a rate RNN to a recording (any format of Recording.Read) with Hessian-free; metrics: held-out R² and more";

    /// <inheritdoc/>
    public IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        new("data", SweepParameterType.Path, null, "recording to fit (relative to the spec file)") { Required = true },
        new("units", SweepParameterType.Integer, SweepValue.Number(D.UnitCount), "network units N"),
        new("iterations", SweepParameterType.Integer, SweepValue.Number(D.Iterations), "Hessian-free iterations"),
        new("recorded_units", SweepParameterType.Integer, SweepValue.Number(0), "fit only the first K recorded units (0: all)"),
        new("tau_ms", SweepParameterType.Number, SweepValue.Number(D.TauMs), "unit time constant τ in ms"),
        new("bin_ms", SweepParameterType.Number, SweepValue.Number(D.BinMs), "fit bin = Euler step in ms"),
        new("smoothing_ms", SweepParameterType.Number, SweepValue.Number(D.SmoothingMs), "Gaussian smoothing σ in ms before binning"),
        new("test_fraction", SweepParameterType.Number, SweepValue.Number(D.TestFraction), "fraction of each condition's trials held out"),
        new("max_cg", SweepParameterType.Integer, SweepValue.Number(D.Optimizer.MaxCgIterations), "cap on CG steps per HF iteration"),
        new("initial_lambda", SweepParameterType.Number, SweepValue.Number(D.Optimizer.InitialLambda), "initial HF damping λ"),
        new("float32", SweepParameterType.Boolean, SweepValue.Boolean(D.Network.Precision == RnnPrecision.Float32), "simulate and differentiate in float32 (false: float64)"),
        new("loss", SweepParameterType.Text, SweepValue.String("squared"), "squared, poisson or poisson-softplus"),
        new("readout", SweepParameterType.Text, SweepValue.String("auto"), "units, linear or auto (units for squared, linear for Poisson)"),
        new("weight_decay", SweepParameterType.Number, SweepValue.Number(D.Loss.WeightDecay), "L2 penalty on the weights"),
        new("rate_l2", SweepParameterType.Number, SweepValue.Number(D.Loss.ActivityL2), "penalty on the mean squared rate"),
        new("nonlinearity", SweepParameterType.Text, SweepValue.String(D.Network.Nonlinearity.ToString().ToLowerInvariant()), $"unit nonlinearity ({string.Join(", ", Enum.GetNames<Nonlinearity>().Select(n => n.ToLowerInvariant()))})"),
        new("dales_law", SweepParameterType.Boolean, SweepValue.Boolean(D.Network.DalesLaw), "excitatory and inhibitory units (Dale's law)"),
        new("onset_ms", SweepParameterType.Number, SweepValue.Number(new StimulusEncoding().OnsetMs), "stimulus onset in ms"),
        new("offset_ms", SweepParameterType.Number, SweepValue.Number(new StimulusEncoding().OffsetMs), "stimulus offset in ms"),
    ];

    /// <summary>The fit options of a run's parameters (also used by tests to fit the same setting in one call).</summary>
    /// <exception cref="ArgumentException">A value is invalid (the message names the parameter).</exception>
    public static RecordingFitOptions Options(SweepJobContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var objective = c.Text("loss") switch
        {
            "squared" => FitObjective.SquaredError,
            "poisson" => FitObjective.Poisson,
            "poisson-softplus" => FitObjective.PoissonSoftplus,
            var other => throw new ArgumentException($"Parameter loss must be squared, poisson or poisson-softplus, not \"{other}\".", "loss"),
        };
        var readout = c.Text("readout") switch
        {
            "auto" => objective == FitObjective.SquaredError ? FitReadout.Units : FitReadout.Linear,
            "units" => FitReadout.Units,
            "linear" => FitReadout.Linear,
            var other => throw new ArgumentException($"Parameter readout must be units, linear or auto, not \"{other}\".", "readout"),
        };
        var nonlinearity = Enum.TryParse<Nonlinearity>(c.Text("nonlinearity"), ignoreCase: true, out var n) && Enum.IsDefined(n) ? n
            : throw new ArgumentException($"Parameter nonlinearity must be one of {string.Join(", ", Enum.GetNames<Nonlinearity>().Select(x => x.ToLowerInvariant()))}, not \"{c.Text("nonlinearity")}\".", "nonlinearity");
        int recorded = c.Integer("recorded_units");
        if (recorded < 0) throw new ArgumentException($"Parameter recorded_units must be ≥ 0 (0: all), got {recorded}.", "recorded_units");
        var options = D with
        {
            UnitCount = c.Integer("units"),
            Iterations = c.Integer("iterations"),
            Seed = c.Run.Seed,
            RecordedUnits = recorded == 0 ? null : Enumerable.Range(0, recorded).ToArray(),
            TauMs = c.Number("tau_ms"),
            BinMs = c.Number("bin_ms"),
            SmoothingMs = c.Number("smoothing_ms"),
            TestFraction = c.Number("test_fraction"),
            Objective = objective,
            Readout = readout,
            Loss = D.Loss with { WeightDecay = c.Number("weight_decay"), ActivityL2 = c.Number("rate_l2") },
            Optimizer = D.Optimizer with
            {
                MaxCgIterations = c.Integer("max_cg"),
                MinCgIterations = Math.Min(D.Optimizer.MinCgIterations, Math.Max(1, c.Integer("max_cg"))),
                InitialLambda = c.Number("initial_lambda"),
            },
            Network = D.Network with
            {
                Precision = c.Boolean("float32") ? RnnPrecision.Float32 : RnnPrecision.Float64,
                Nonlinearity = nonlinearity,
                DalesLaw = c.Boolean("dales_law"),
            },
            Stimulus = D.Stimulus with { OnsetMs = c.Number("onset_ms"), OffsetMs = c.Number("offset_ms") },
        };
        options.Validate();
        return options;
    }

    /// <inheritdoc/>
    public SweepJobOutcome Run(SweepJobContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var started = Stopwatch.GetTimestamp();
        var options = Options(c);
        string dataPath = c.FilePath("data");
        if (!File.Exists(dataPath)) throw new ArgumentException($"Parameter data: {dataPath} does not exist.", "data");
        var recording = Recording.Read(dataPath);
        var dataset = RecordingFitter.Prepare(recording, options);
        var network = RecordingFitter.NetworkOptions(dataset, options);
        var checkpoint = File.Exists(c.CheckpointPath) ? CheckpointFile.Load(c.CheckpointPath) : null;
        var model = checkpoint is null ? new RateRnn(network) : new RateRnn(network, checkpoint.Parameters);
        var backend = NumericsBackend.Current;
        var objective = new RnnObjective(model, options.Loss, backend);
        var trainer = new HessianFreeTrainer(options.Optimizer);
        OptimizerState state = checkpoint?.Optimizer ?? trainer.InitialState(model.ParameterCount);
        var statistics = new List<IterationStatistics>(checkpoint?.Statistics ?? []);
        if (checkpoint is not null) c.Log($"resuming from {SweepRunFiles.Checkpoint} at iteration {state.Iteration}");
        var data = TrainingData.Fixed(dataset.TrainBatch, dataset.TrainBatch.BatchSize);
        var stop = StopReason.IterationsCompleted;
        // The fitter's own stop rules (target MSE, loss plateau), seeded with the iterations already run, so that a run
        // continued in chunks stops where one uninterrupted RecordingFitter.Fit call does.
        var plateau = LossPlateauRule.For(options, statistics);
        bool StopWhen(IterationStatistics s) => options.TargetMse is { } target && s.LossAfter < target || plateau?.Reached(s) == true;
        while (state.Iteration < options.Iterations)
        {
            int chunk = JobTraining.NextChunk(state.Iteration, c.CheckpointEvery, options.Iterations);
            var result = trainer.Train(objective, data, new TrainingRun { Iterations = chunk, StopWhen = StopWhen }, state, s => c.Log(JobTraining.Line(s)), c.CancellationToken);
            state = result.State;
            statistics.AddRange(result.Statistics);
            stop = result.StopReason;
            if (result.Statistics.Count > 0)
            {
                CheckpointFile.Save(c.CheckpointPath, new Checkpoint
                {
                    ModelType = nameof(RateRnn),
                    ModelOptionsJson = CheckpointJson.Serialize(network),
                    LossOptionsJson = CheckpointJson.Serialize(options.Loss),
                    Parameters = result.Parameters,
                    Optimizer = state,
                    OptimizerOptionsJson = CheckpointJson.Serialize(options.Optimizer),
                    Seed = options.Seed,
                    Statistics = statistics,
                    Metadata = new Dictionary<string, string> { ["sweepRun"] = c.Run.Id, ["kind"] = KindName },
                });
                JobTraining.WriteStatistics(c.StatisticsPath, statistics);
            }
            if (stop.Kind != StopKind.IterationsCompleted) break;
        }
        if (plateau is not null) stop = plateau.Explain(stop);
        if (stop.Kind == StopKind.Cancelled) return new SweepJobOutcome(new Dictionary<string, double>(), state.Iteration, Cancelled: true);
        if (stop.Kind == StopKind.Diverged) c.Log($"training stopped: {stop.Description}");

        double[] parameters = model.GetParameters();
        var training = new TrainingResult(state, parameters, parameters, null, statistics, stop);
        var fit = new RecordingFitResult(options, dataset, model, training, Stopwatch.GetElapsedTime(started).TotalSeconds, backend.Name);
        var metrics = new Dictionary<string, double>
        {
            ["r2_heldout"] = JobTraining.Finite(fit.TrialAveraged.Overall),
            ["r2_heldout_median_unit"] = JobTraining.Finite(fit.TrialAveraged.MedianPerUnit),
            ["r2_noise_ceiling"] = JobTraining.Finite(fit.NoiseCeiling.Overall),
            ["r2_normalised"] = JobTraining.Finite(fit.NormalizedRSquared),
            ["r2_single_trial"] = JobTraining.Finite(fit.SingleTrial.Overall),
            ["r2_training"] = JobTraining.Finite(fit.TrainingTrialAveraged.Overall),
            ["final_loss"] = JobTraining.Finite(fit.FinalLoss),
            ["parameter_count"] = model.ParameterCount,
        };
        if (PreferredOrientationRecovery.Compute(fit, recording) is { } recovery)
        {
            metrics["orientation_within_tolerance"] = JobTraining.Finite(recovery.ModelFractionWithinTolerance);
            metrics["orientation_median_error_deg"] = JobTraining.Finite(recovery.ModelMedianErrorDeg);
        }
        return new SweepJobOutcome(metrics, state.Iteration);
    }
}
