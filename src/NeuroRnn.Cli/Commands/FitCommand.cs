using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;
using NeuroRnn.Fitting;
using NeuroRnn.Interactive;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using Spectre.Console;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn fit --data FILE --units N --out DIR [--iterations K] [--seed S] [--time-limit SECONDS] [--precision float32|float64] …</c>:
/// fits a rate RNN to a recording with Hessian-free optimization and writes the fitted network
/// (<c>fit-model.json</c> + <c>fit-parameters.npy</c>, see <see cref="FittedNetworkFile"/>), <c>fit-summary.json</c>,
/// the held-out predictions (<c>heldout-prediction.npz</c>, a recording) and <c>tuning.html</c>.
/// </summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var defaults = new RecordingFitOptions();
        var data = new Option<string>("--data") { Description = $"Recording to fit, any format of `neurornn data summary` ({string.Join(", ", RecordingFormats.Names)})", Required = true };
        var read = new RecordingReadArguments();
        var units = new Option<int>("--units") { Description = "Network units N (≥ fitted recorded units)", DefaultValueFactory = _ => defaults.UnitCount };
        var output = new Option<string>("--out") { Description = "Output folder (created)", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "Maximum Hessian-free iterations (default: RecordingFitOptions.Iterations)", DefaultValueFactory = _ => defaults.Iterations };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/test split and the initialisation", DefaultValueFactory = _ => defaults.Seed };
        var timeLimit = new Option<double?>("--time-limit") { Description = $"Wall-time budget of the training in seconds (default {defaults.TimeLimit?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "none"})", DefaultValueFactory = _ => defaults.TimeLimit?.TotalSeconds };
        var float32 = new Option<string>("--precision")
        {
            Description = $"Simulate and differentiate in float32 (about twice as fast; parameters and optimizer stay float64) or float64 (default: RecordingFitOptions, {defaults.Network.Precision.ToString().ToLowerInvariant()})",
            DefaultValueFactory = _ => defaults.Network.Precision.ToString().ToLowerInvariant(),
        };
        float32.AcceptOnlyFromAmong("float32", "float64");
        var recorded = new Option<int?>("--recorded-units") { Description = "Fit only the first K recorded units (default: all)" };
        var tau = new Option<double>("--tau-ms") { Description = "Unit time constant τ in ms", DefaultValueFactory = _ => defaults.TauMs };
        var bin = new Option<double>("--bin-ms") { Description = "Fit bin = Euler step in ms", DefaultValueFactory = _ => defaults.BinMs };
        var cg = new Option<int>("--max-cg") { Description = "Cap on conjugate-gradient steps per HF iteration (default: RecordingFitOptions.Optimizer)", DefaultValueFactory = _ => defaults.Optimizer.MaxCgIterations };
        var threads = new Option<int>("--threads")
        {
            Description = "MKL threads (default 1: a fit's products are small, and one thread avoids OpenMP spin-waiting on a busy machine)",
            DefaultValueFactory = _ => 1,
        };
        var stimulusDefaults = new StimulusEncoding();
        var onsetMs = new Option<double>("--onset-ms") { Description = "Stimulus onset in ms on the recording's time axis", DefaultValueFactory = _ => stimulusDefaults.OnsetMs };
        var offsetMs = new Option<double>("--offset-ms") { Description = "Stimulus offset in ms (the shipped V1 protocol: 900)", DefaultValueFactory = _ => stimulusDefaults.OffsetMs };
        var onsetColumn = new Option<string?>("--onset-column") { Description = "Trials-table column with a per-trial onset in ms (overrides --onset-ms)" };
        var offsetColumn = new Option<string?>("--offset-column") { Description = "Trials-table column with a per-trial offset in ms (overrides --offset-ms)" };
        var loss = new Option<string>("--loss") { Description = "What is minimised: squared (scaled rates, default), poisson (log-rate read-out of counts) or poisson-softplus", DefaultValueFactory = _ => "squared" };
        var readout = new Option<string?>("--readout") { Description = "units (recorded unit k = network unit k; default for --loss squared) or linear (a trained read-out; default and required for Poisson)" };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 penalty ½λ‖W‖² on the weights", DefaultValueFactory = _ => defaults.Loss.WeightDecay };
        var rateL2 = new Option<double>("--rate-l2") { Description = "Rate regularisation: coefficient of the mean squared network rate", DefaultValueFactory = _ => defaults.Loss.ActivityL2 };
        var validation = new Option<double>("--validation-fraction") { Description = "Fraction of each condition's training trials kept for early stopping (0 = off)", DefaultValueFactory = _ => defaults.ValidationFraction };
        var patience = new Option<int>("--patience") { Description = "Early stopping: iterations without a better validation loss", DefaultValueFactory = _ => defaults.EarlyStoppingPatience };
        var truth = new Option<string?>("--truth")
        {
            Description = "Noise-free reference of the same recording (e.g. `neurornn data generate-v1 --expected-counts`): also report held-out trial-averaged R² against it",
        };
        var dale = new Option<bool>("--dale") { Description = "Constrain the fit by Dale's law (each unit's outgoing weights share one sign; implies non-negative softplus rates)" };
        var excitatoryFraction = new Option<double>("--excitatory-fraction") { Description = "With --dale: fraction of excitatory network units", DefaultValueFactory = _ => 0.8 };
        var unitTypes = new Option<string?>("--unit-types") { Description = "With --dale: recorded units' cell types as index:E|I pairs, e.g. \"0:E,3:I,7:I\" (unlisted units are free)" };
        var connectionProbability = new Option<double?>("--connection-probability") { Description = "Sparsity mask: each recurrent connection exists with this probability (drawn from --seed)" };
        var mask = new Option<string?>("--mask") { Description = "Sparsity mask from a file: an N×N 0/1 matrix [postsynaptic, presynaptic] in .npy, .npz, .csv/.txt or .mat (N = --units)" };
        var freeUnitTypes = new Option<string>("--free-unit-types")
        {
            Description = "With --dale: how recorded units not in --unit-types get their cell type — positional (fill the E units, then the I units) or fit (a short warm-up fit without Dale's law; E by net outgoing weight within --excitatory-fraction)",
            DefaultValueFactory = _ => "positional",
        };
        freeUnitTypes.AcceptOnlyFromAmong("positional", "fit");
        var rateFunction = new Option<string>("--rate-function")
        {
            Description = "Non-negative rate function with --dale or --non-negative: softplus (unbounded), saturating-softplus (softplus up to a ceiling of 3 × each unit's recorded peak, so a perturbed network saturates instead of running away) or sigmoid (bounded: at most 1.25 × each unit's recorded peak)",
            DefaultValueFactory = _ => "softplus",
        };
        rateFunction.AcceptOnlyFromAmong("softplus", "saturating-softplus", "sigmoid");
        var nonNegative = new Option<bool>("--non-negative") { Description = "Non-negative rates (softplus units instead of tanh)" };
        var command = new Command("fit", "Fit a rate RNN to a recording (Hessian-free) and report held-out R², orientation recovery and figures.");
        foreach (var option in new Option[] { data, units, output, iterations, seed, timeLimit, float32, recorded, tau, bin, cg, threads, onsetMs, offsetMs, onsetColumn, offsetColumn, truth, loss, readout, weightDecay, rateL2, validation, patience, dale, excitatoryFraction, unitTypes, freeUnitTypes, rateFunction, connectionProbability, mask, nonNegative }) command.Options.Add(option);
        read.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, read, new Settings(
            parseResult.GetValue(data)!, parseResult.GetValue(output)!, parseResult.GetValue(units), parseResult.GetValue(iterations),
            parseResult.GetValue(seed), parseResult.GetValue(timeLimit), parseResult.GetValue(float32)!, parseResult.GetValue(recorded),
            parseResult.GetValue(tau), parseResult.GetValue(bin), parseResult.GetValue(cg), parseResult.GetValue(threads), parseResult.GetValue(truth),
            new StimulusEncoding
            {
                OnsetMs = parseResult.GetValue(onsetMs), OffsetMs = parseResult.GetValue(offsetMs),
                OnsetColumn = parseResult.GetValue(onsetColumn), OffsetColumn = parseResult.GetValue(offsetColumn),
            },
            parseResult.GetValue(loss)!, parseResult.GetValue(readout), parseResult.GetValue(weightDecay), parseResult.GetValue(rateL2),
            parseResult.GetValue(validation), parseResult.GetValue(patience), parseResult.GetValue(dale), parseResult.GetValue(excitatoryFraction),
            parseResult.GetValue(unitTypes), parseResult.GetValue(freeUnitTypes)!, parseResult.GetValue(rateFunction)!, parseResult.GetValue(connectionProbability), parseResult.GetValue(mask), parseResult.GetValue(nonNegative)), cancellationToken)));
        return command;
    }

    private sealed record Settings(string Data, string Out, int Units, int Iterations, int Seed, double? TimeLimit, string Precision,
        int? RecordedUnits, double TauMs, double BinMs, int MaxCg, int Threads, string? Truth, StimulusEncoding Stimulus,
        string Loss, string? Readout, double WeightDecay, double RateL2, double ValidationFraction, int Patience,
        bool Dale, double ExcitatoryFraction, string? UnitTypes, string FreeUnitTypes, string RateFunction, double? ConnectionProbability, string? Mask, bool NonNegative);

    /// <summary>The flag behind a fit setting named in an exception (null for settings the command does not expose).</summary>
    private static string? OptionName(string? setting) => setting switch
    {
        nameof(RecordingFitOptions.UnitCount) => "--units",
        nameof(RecordingFitOptions.Iterations) => "--iterations",
        nameof(RecordingFitOptions.TimeLimit) => "--time-limit",
        nameof(RecordingFitOptions.RecordedUnits) => "--recorded-units",
        nameof(RecordingFitOptions.TauMs) => "--tau-ms",
        nameof(RecordingFitOptions.BinMs) => "--bin-ms",
        nameof(RecordingFitOptions.ValidationFraction) => "--validation-fraction",
        nameof(RecordingFitOptions.EarlyStoppingPatience) => "--patience",
        nameof(RecordingFitOptions.Objective) => "--loss",
        nameof(RecordingFitOptions.Readout) => "--readout",
        nameof(RnnLossOptions.WeightDecay) => "--weight-decay",
        nameof(RnnLossOptions.ActivityL2) => "--rate-l2",
        nameof(HessianFreeOptions.MaxCgIterations) or nameof(HessianFreeOptions.MinCgIterations) => "--max-cg",
        nameof(StimulusEncoding.OnsetMs) => "--onset-ms",
        nameof(StimulusEncoding.OffsetMs) => "--offset-ms",
        nameof(StimulusEncoding.OnsetColumn) => "--onset-column",
        nameof(StimulusEncoding.OffsetColumn) => "--offset-column",
        nameof(FitConstraints.ExcitatoryFraction) => "--excitatory-fraction",
        nameof(FitConstraints.UnitTypes) => "--unit-types",
        nameof(FitConstraints.FreeUnits) => "--free-unit-types",
        nameof(FitConstraints.RateFunction) => "--rate-function",
        _ => null,
    };

    /// <summary>"0:E,3:I" → {0: "E", 3: "I"}.</summary>
    private static Dictionary<int, string>? ParseUnitTypes(string? text, bool dale)
    {
        if (text is null) return null;
        if (!dale) throw new ArgumentException("--unit-types assigns cell types, which needs --dale.");
        var result = new Dictionary<int, string>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int unit) || parts[1].Trim().ToUpperInvariant() is not ("E" or "I"))
                throw new ArgumentException($"--unit-types entry '{item}' is not index:E or index:I (e.g. \"0:E,3:I\").");
            if (!result.TryAdd(unit, parts[1].Trim().ToUpperInvariant())) throw new ArgumentException($"--unit-types lists unit {unit} twice.");
        }
        return result;
    }

    /// <summary>The mask of --mask (read from its file) or --connection-probability (drawn), never both.</summary>
    private static bool[,]? Mask(string? path, double? probability, int units, int seed)
    {
        if (path is null) return RandomMask(probability, units, seed);
        if (probability is not null) throw new ArgumentException("--mask and --connection-probability both set the recurrent mask; give one.");
        try { return ConnectivityMaskFile.Read(path, units); }
        catch (ArgumentException e)
        {
            // The reader names its parameter ("path"); on the command line the option is the name that helps.
            throw new ArgumentException(OptionErrors.Named(e, _ => "--mask"), e);
        }
    }

    private static bool[,]? RandomMask(double? probability, int units, int seed)
    {
        if (probability is not { } p) return null;
        if (!(p > 0 && p <= 1)) throw new ArgumentException($"--connection-probability must be in (0, 1], got {p}.");
        var random = new Random(seed);
        var mask = new bool[units, units];
        for (int i = 0; i < units; i++) for (int j = 0; j < units; j++) mask[i, j] = random.NextDouble() < p;
        return mask;
    }

    private static int Run(ParseResult parseResult, RecordingReadArguments read, Settings s, CancellationToken cancellationToken)
    {
        Recording recording;
        Recording? truth = null;
        RecordingFitOptions options;
        var clock = Stopwatch.StartNew();
        try
        {
            if (s.Threads < 1) throw new ArgumentException($"--threads must be ≥ 1, got {s.Threads}.");
            if (s.MaxCg < 1) throw new ArgumentException($"--max-cg must be ≥ 1, got {s.MaxCg}.");
            if (s.TimeLimit is <= 0) throw new ArgumentException($"--time-limit must be a positive number of seconds, got {s.TimeLimit}.");
            if (s.RecordedUnits is <= 0) throw new ArgumentException($"--recorded-units must be positive, got {s.RecordedUnits}.");
            var readOptions = read.Bind(parseResult);
            recording = Load(s.Data, "--data", readOptions);
            if (s.Truth is { } truthPath)
            {
                truth = Load(truthPath, "--truth", readOptions);
                if (truth.UnitCount != recording.UnitCount || truth.TimeCount != recording.TimeCount || truth.TrialCount != recording.TrialCount)
                    throw new ArgumentException(
                        $"--truth {truthPath} is {truth.UnitCount} units × {truth.TimeCount} bins × {truth.TrialCount} trials but --data {s.Data} is {recording.UnitCount} × {recording.TimeCount} × {recording.TrialCount}.");
            }
            if (s.RecordedUnits is { } k && k > recording.UnitCount)
                throw new ArgumentException($"--recorded-units {k} exceeds the {recording.UnitCount} units of {s.Data}.");
            var defaults = new RecordingFitOptions();
            var objective = s.Loss switch
            {
                "squared" => FitObjective.SquaredError,
                "poisson" => FitObjective.Poisson,
                "poisson-softplus" => FitObjective.PoissonSoftplus,
                _ => throw new ArgumentException($"--loss must be squared, poisson or poisson-softplus, not '{s.Loss}'."),
            };
            var fitReadout = s.Readout switch
            {
                null => objective == FitObjective.SquaredError ? FitReadout.Units : FitReadout.Linear,
                "units" => FitReadout.Units,
                "linear" => FitReadout.Linear,
                _ => throw new ArgumentException($"--readout must be units or linear, not '{s.Readout}'."),
            };
            options = defaults with
            {
                Objective = objective,
                Readout = fitReadout,
                Loss = defaults.Loss with { WeightDecay = s.WeightDecay, ActivityL2 = s.RateL2 },
                ValidationFraction = s.ValidationFraction,
                EarlyStoppingPatience = s.Patience,
                UnitCount = s.Units,
                Iterations = s.Iterations,
                Seed = s.Seed,
                TimeLimit = s.TimeLimit is { } t ? TimeSpan.FromSeconds(t) : null,
                TauMs = s.TauMs,
                BinMs = s.BinMs,
                RecordedUnits = s.RecordedUnits is { } n ? Enumerable.Range(0, n).ToArray() : null,
                Stimulus = s.Stimulus,
                Network = defaults.Network with { Precision = s.Precision == "float32" ? RnnPrecision.Float32 : RnnPrecision.Float64 },
                Optimizer = defaults.Optimizer with { MaxCgIterations = s.MaxCg, MinCgIterations = Math.Min(defaults.Optimizer.MinCgIterations, s.MaxCg) },
                Constraints = new FitConstraints
                {
                    DalesLaw = s.Dale, ExcitatoryFraction = s.ExcitatoryFraction, UnitTypes = ParseUnitTypes(s.UnitTypes, s.Dale),
                    RecurrentMask = Mask(s.Mask, s.ConnectionProbability, s.Units, s.Seed), NonNegativeRates = s.NonNegative,
                    FreeUnits = s.FreeUnitTypes == "fit" ? (s.Dale ? FreeUnitTyping.FitDecides : throw new ArgumentException("--free-unit-types fit chooses E/I types, which needs --dale.")) : FreeUnitTyping.Positional,
                    RateFunction = s.RateFunction switch { "sigmoid" => Nonlinearity.Sigmoid, "saturating-softplus" => Nonlinearity.SaturatingSoftplus, _ => Nonlinearity.Softplus },
                },
            };
            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or RecordingFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"neurornn fit: {(e is ArgumentException a ? OptionErrors.Named(a, OptionName) : e.Message)}");
            return 2;
        }
        double loadSeconds = clock.Elapsed.TotalSeconds;

        var backend = NumericsBackend.Current;
        if (backend is MklBackend mkl) mkl.SetThreadCount(s.Threads);
        Console.WriteLine(recording.Summary());
        Console.WriteLine($"back-end: {backend.Description}");

        RecordingFitResult fit;
        try
        {
            var dataset = RecordingFitter.Prepare(recording, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fitting {dataset.FittedUnitCount} units with N = {options.UnitCount}: {dataset.TrainBatch.BatchSize} training condition averages of {dataset.TrainTrials.Length} trials, {dataset.TestTrials.Length} held-out trials, {dataset.Steps} steps of {options.BinMs} ms, τ = {options.TauMs} ms, {dataset.InputCount} inputs ({string.Join(", ", dataset.InputNames)})"));
            fit = Train(dataset, options, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"neurornn fit: {OptionErrors.Named(e, OptionName)}");
            return 2;
        }

        var recovery = PreferredOrientationRecovery.Compute(fit, recording);
        var againstTruth = truth is null ? null : fit.ScoreAgainstTruth(truth);
        try
        {
            Directory.CreateDirectory(s.Out);
            FittedNetworkFile.Save(fit, s.Out);
            RecordingNpz.Write(fit.HeldOutPrediction, Path.Combine(s.Out, "heldout-prediction.npz"));
            File.WriteAllText(Path.Combine(s.Out, "fit-summary.json"), Summary(s, recording, fit, recovery, againstTruth, backend, loadSeconds)
                .ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            FitReport.Save(fit, recording, Path.Combine(s.Out, "tuning.html"), recovery);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"neurornn fit: cannot write into {s.Out}: {e.Message}");
            return 1;
        }

        Console.WriteLine(fit.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out R²: trial-averaged {fit.TrialAveraged.Overall:0.000} (median unit {fit.TrialAveraged.MedianPerUnit:0.000}; noise ceiling {fit.NoiseCeiling.Overall:0.000}; noise-corrected {fit.NormalizedRSquared:0.000}), single-trial {fit.SingleTrial.Overall:0.000}; training averages {fit.TrainingTrialAveraged.Overall:0.000}"));
        if (againstTruth is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out trial-averaged R² against the noise-free truth ({s.Truth}): {againstTruth.Overall:0.000} (median unit {againstTruth.MedianPerUnit:0.000})"));
        if (recovery is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"preferred orientation: {recovery.ModelFractionWithinTolerance:P1} of {recovery.SelectiveUnits.Length} selective units (OSI ≥ {recovery.OsiThreshold}) within {recovery.ToleranceDeg}° of the truth (data itself: {recovery.DataFractionWithinTolerance:P1}); median error {recovery.ModelMedianErrorDeg:0.0}°"));
        Console.WriteLine($"wrote {Path.GetFullPath(s.Out)}: {FittedNetworkFile.ModelFileName}, {FittedNetworkFile.ParametersFileName}, fit-summary.json, heldout-prediction.npz, tuning.html");
        if (fit.Training.Cancelled)
        {
            Console.Error.WriteLine("neurornn fit: cancelled; the outputs describe the last completed iteration.");
            return 130;
        }
        return 0;
    }

    private static RecordingFitResult Train(FitDataset dataset, RecordingFitOptions options, CancellationToken cancellationToken)
    {
        string Line(IterationStatistics st) => string.Create(CultureInfo.InvariantCulture,
            $"iteration {st.Iteration + 1,4}: loss {st.LossAfter:E3}  ρ {Hf(st).Rho,6:0.00}  λ {Hf(st).Lambda:E2}  CG {Hf(st).CgIterations,3}  {st.Seconds,6:0.00} s{(st.Accepted ? "" : "  (rejected)")}");
        // The fit trains with Hessian-free, so every iteration has its details.
        static HessianFreeStepDetails Hf(IterationStatistics st) => (HessianFreeStepDetails)st.Details!;
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return RecordingFitter.Fit(dataset, options, st => Console.WriteLine(Line(st)), cancellationToken);
        RecordingFitResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Hessian-free", maxValue: Math.Max(1, options.Iterations));
                result = RecordingFitter.Fit(dataset, options, st =>
                {
                    task.Value = st.Iteration + 1;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"HF loss {st.LossAfter:E3} λ {Hf(st).Lambda:E1}");
                    if (options.TimeLimit is { } limit) task.MaxValue = Math.Max(task.Value, Math.Min(options.Iterations, task.Value * limit.TotalSeconds / Math.Max(st.ElapsedSeconds, 1e-3)));
                }, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Every format through the one front door; a missing file is named with its flag.</summary>
    private static Recording Load(string path, string flag, RecordingReadOptions options)
    {
        if (!File.Exists(path)) throw new ArgumentException($"{flag} {path} does not exist.");
        var recording = Recording.Read(path, options);
        foreach (var warning in recording.Provenance?.Warnings ?? []) Console.Error.WriteLine($"neurornn fit: warning: {warning}");
        return recording;
    }

    private static JsonObject Summary(Settings s, Recording recording, RecordingFitResult fit, PreferredOrientationRecovery? recovery, FitScore? againstTruth, INumericsBackend backend, double loadSeconds)
    {
        static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null).ToArray<JsonNode?>());
        static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
        var ids = fit.Dataset.Processed.Units.Contains("unit") ? fit.Dataset.Processed.Units.GetStrings("unit") : null;
        var stats = fit.Statistics;
        var o = fit.Options;
        var json = new JsonObject
        {
            ["data"] = Path.GetFullPath(s.Data),
            ["data_format"] = recording.Provenance?.Reader,
            ["data_read_options"] = recording.Provenance?.Options,
            ["data_warnings"] = new JsonArray((recording.Provenance?.Warnings ?? []).Select(w => (JsonNode?)w).ToArray()),
            ["recording"] = recording.Name,
            ["recorded_units"] = recording.UnitCount,
            ["fitted_units"] = fit.Dataset.FittedUnitCount,
            ["fitted_unit_ids"] = ids is null ? null : new JsonArray(ids.Select(x => (JsonNode?)x).ToArray()),
            ["settings"] = new JsonObject
            {
                ["network_units"] = o.UnitCount,
                ["constraints"] = new JsonArray(o.Constraints.Describe().Select(x => (JsonNode?)x).ToArray()),
                // With --free-unit-types fit: the type the fit chose for every fitted recorded unit (by unit id when the recording names them).
                ["chosen_unit_types"] = fit.ChosenUnitTypes is { } chosen ? new JsonObject(chosen.OrderBy(p => p.Key).Select(p => KeyValuePair.Create(ids?[Array.IndexOf(fit.Dataset.FittedUnits, p.Key)] ?? p.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.Value))) : null,
                ["readout"] = o.Readout.ToString(),
                ["objective"] = o.Objective.ToString(),
                ["weight_decay"] = o.Loss.WeightDecay,
                ["rate_l2"] = o.Loss.ActivityL2,
                ["validation_fraction"] = o.ValidationFraction,
                ["validation_trials"] = fit.Dataset.ValidationTrials.Length,
                ["early_stopping_patience"] = o.ValidationFraction > 0 ? o.EarlyStoppingPatience : null,
                ["tau_ms"] = o.TauMs,
                ["bin_ms"] = o.BinMs,
                ["smoothing_ms"] = o.SmoothingMs,
                ["steps"] = fit.Dataset.Steps,
                ["inputs"] = new JsonArray(fit.Dataset.InputNames.Select(x => (JsonNode?)x).ToArray()),
                ["stimulus_window_ms"] = new JsonArray(o.Stimulus.OnsetMs, o.Stimulus.OffsetMs),
                ["stimulus_onset_column"] = o.Stimulus.OnsetColumn,
                ["stimulus_offset_column"] = o.Stimulus.OffsetColumn,
                ["condition_columns"] = new JsonArray(fit.Dataset.ConditionColumns.Select(x => (JsonNode?)x).ToArray()),
                ["scaling"] = o.Scaling.ToString(),
                ["target_peak"] = o.EffectiveTargetPeak,
                ["test_fraction"] = o.TestFraction,
                ["train_on_condition_averages"] = o.TrainOnConditionAverages,
                ["training_trials"] = fit.Dataset.TrainTrials.Length,
                ["heldout_trials"] = fit.Dataset.TestTrials.Length,
                ["seed"] = o.Seed,
                ["iterations_requested"] = o.Iterations,
                ["time_limit_s"] = o.TimeLimit?.TotalSeconds,
                ["precision"] = fit.Model.Options.Precision.ToString(),
                ["parameters"] = fit.Model.ParameterCount,
                ["hf_initial_lambda"] = o.Optimizer.InitialLambda,
                ["hf_max_cg"] = o.Optimizer.MaxCgIterations,
                ["hf_preconditioner"] = o.Optimizer.UsePreconditioner,
                ["loss_plateau"] = o.LossPlateau,
                ["hf_structural_damping"] = o.Optimizer.StructuralDamping,
            },
            ["backend"] = backend.Description,
            ["timings_s"] = new JsonObject
            {
                ["load"] = Math.Round(loadSeconds, 3),
                ["fit_total"] = Math.Round(fit.Seconds, 3),
                ["training"] = stats.Count == 0 ? 0 : Math.Round(stats[^1].ElapsedSeconds, 3),
                ["mean_iteration"] = stats.Count == 0 ? null : Math.Round(stats.Average(x => x.Seconds), 3),
            },
            ["hf_iterations"] = stats.Count,
            ["cg_steps_total"] = stats.Sum(x => (x.Details as HessianFreeStepDetails)?.CgIterations ?? 0),
            ["stop_kind"] = fit.Training.StopReason.Kind.ToString(),
            ["stop_reason"] = fit.StoppedEarly ? $"early stopping: no better validation loss for {o.EarlyStoppingPatience} iterations" : fit.Training.StopReason.Description,
            ["best_validation_iteration"] = fit.BestValidationIteration is { } best ? best + 1 : null,
            ["validation_loss_curve"] = Numbers(stats.Select(x => x.Validation ?? double.NaN)),
            ["final_training_loss"] = Number(fit.FinalLoss),
            ["r2"] = new JsonObject
            {
                ["heldout_trial_averaged"] = Number(fit.TrialAveraged.Overall),
                ["heldout_trial_averaged_median_unit"] = Number(fit.TrialAveraged.MedianPerUnit),
                ["heldout_noise_ceiling"] = Number(fit.NoiseCeiling.Overall),
                ["heldout_normalised"] = Number(fit.NormalizedRSquared), // noise-corrected R² = fraction of explainable variance explained
                ["heldout_single_trial"] = Number(fit.SingleTrial.Overall),
                ["training_trial_averaged"] = Number(fit.TrainingTrialAveraged.Overall),
                ["per_unit_heldout_trial_averaged"] = Numbers(fit.TrialAveraged.PerUnit),
                ["per_unit_noise_ceiling"] = Numbers(fit.NoiseCeiling.PerUnit),
                ["per_unit_heldout_single_trial"] = Numbers(fit.SingleTrial.PerUnit),
            },
            ["loss_curve"] = Numbers(stats.Select(x => x.LossAfter)),
        };
        if (againstTruth is not null)
        {
            json["r2"]!["truth"] = Path.GetFullPath(s.Truth!);
            json["r2"]!["heldout_trial_averaged_vs_truth"] = Number(againstTruth.Overall);
            json["r2"]!["heldout_trial_averaged_vs_truth_median_unit"] = Number(againstTruth.MedianPerUnit);
            json["r2"]!["per_unit_heldout_trial_averaged_vs_truth"] = Numbers(againstTruth.PerUnit);
        }
        if (recovery is not null)
        {
            json["preferred_orientation"] = new JsonObject
            {
                ["truth_column"] = "pref_orientation_deg",
                ["osi_threshold"] = recovery.OsiThreshold,
                ["tolerance_deg"] = recovery.ToleranceDeg,
                ["selective_units"] = recovery.SelectiveUnits.Length,
                ["model_fraction_within_tolerance"] = Number(recovery.ModelFractionWithinTolerance),
                ["data_fraction_within_tolerance"] = Number(recovery.DataFractionWithinTolerance),
                ["model_median_error_deg"] = Number(recovery.ModelMedianErrorDeg),
                ["true_deg"] = Numbers(recovery.TrueDeg),
                ["model_deg"] = Numbers(recovery.ModelDeg),
                ["data_deg"] = Numbers(recovery.DataDeg),
                ["data_osi"] = Numbers(recovery.DataOsi),
            };
        }
        return json;
    }
}
