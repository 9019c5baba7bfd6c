using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using Spectre.Console;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn train --task NAME [--optimizer hf|adam] [--units N] [--length T] [--seed S] [--iterations K] [--out DIR]
/// [--float32] [--resume CHECKPOINT] …</c>: a thin binder over <see cref="TaskTraining.Train"/>. Every training default
/// comes from the task family's preset (<see cref="TaskPresets.For"/>), or on <c>--resume</c> from the checkpoint's
/// stored options; an option given on the command line replaces that one setting. Shows progress and writes
/// <c>checkpoint.nrckpt</c> and <c>summary.json</c> into the output folder. Ctrl+C stops cleanly between CG steps and
/// still writes both files.
/// </summary>
internal static class TrainCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string FromPreset = "(default: the task family's preset, NeuroRnn.Networks.TaskPresets)";

    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = $"Task: {string.Join(", ", TaskRegistry.Names)}" };
        var optimizer = new Option<string?>("--optimizer") { Description = "hf (Hessian-free) or adam (default: hf, or the checkpoint's)" };
        optimizer.AcceptOnlyFromAmong("hf", "adam");
        var units = new Option<int?>("--units") { Description = $"Hidden units N {FromPreset}" };
        var length = new Option<int?>("--length") { Description = "The task's length parameter (T for the pathological problems, stimulus ms for mante; see the task list)" };
        var seed = new Option<int?>("--seed") { Description = $"Seed of the initialisation and of all data {FromPreset}" };
        var iterations = new Option<int?>("--iterations") { Description = $"Iterations to run (HF iterations or Adam steps) {FromPreset}" };
        var output = new Option<string>("--out") { Description = "Output folder for checkpoint.nrckpt and summary.json", DefaultValueFactory = _ => "train-out" };
        var float32 = new Option<bool>("--float32") { Description = "Simulate and differentiate in float32 (parameters and optimizer stay float64)" };
        var resume = new Option<string?>("--resume") { Description = "Continue from this checkpoint (model, optimizer state, seed, task and settings come from it)" };
        var gradientBatch = new Option<int?>("--batch") { Description = $"Trials per iteration {FromPreset}" };
        var curvatureBatch = new Option<int?>("--curvature-batch") { Description = "HF curvature minibatch (default: the preset's, or batch/5 when --batch is given)" };
        var lambda = new Option<double?>("--lambda") { Description = $"Initial HF damping λ {FromPreset}" };
        var maxCg = new Option<int?>("--max-cg") { Description = $"Cap on CG steps per HF iteration {FromPreset}" };
        var learningRate = new Option<double?>("--lr") { Description = $"Adam learning rate {FromPreset}" };
        var testSize = new Option<int?>("--test-size") { Description = $"Fixed test trials for the metrics {FromPreset}" };
        var targetError = new Option<double?>("--target-error") { Description = "Stop once the test error rate is below this (default: the task's success criterion, < 1 % wrong for the pathological problems)" };
        var fixedIterations = new Option<bool>("--fixed-iterations") { Description = "Run all --iterations even after the task is solved (default: stop once the test trials meet the target error)" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Wall-time budget in seconds" };
        var threads = new Option<int>("--threads") { Description = "MKL threads (1 avoids OpenMP spin-waiting on a busy machine)", DefaultValueFactory = _ => 1 };
        var curriculum = new Option<bool>("--curriculum")
        {
            Description = "Train on short sequences first (T = 30, ×1.25 whenever < 1 % of 400 fresh ones are wrong) up to --length; solves e.g. addition at T = 100 where training at full length stalls",
        };
        var gradientRho = new Option<bool>("--rho-on-gradient-batch")
        {
            Description = "HF: measure the reduction ratio ρ on the whole batch instead of the curvature minibatch (kept λ from running away on temporal order)",
        };
        var command = new Command("train", "Train a rate RNN on a task with Hessian-free optimization or Adam; writes a checkpoint and a JSON summary.");
        foreach (var option in new Option[] { task, optimizer, units, length, seed, iterations, output, float32, resume, gradientBatch, curvatureBatch,
                     lambda, maxCg, learningRate, testSize, targetError, fixedIterations, timeLimit, threads, curriculum, gradientRho })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(new Settings(
            parseResult.GetValue(task), parseResult.GetValue(optimizer), parseResult.GetValue(units), parseResult.GetValue(length),
            parseResult.GetValue(seed), parseResult.GetValue(iterations), parseResult.GetValue(output)!, parseResult.GetValue(float32),
            parseResult.GetValue(resume), parseResult.GetValue(gradientBatch), parseResult.GetValue(curvatureBatch), parseResult.GetValue(lambda),
            parseResult.GetValue(maxCg), parseResult.GetValue(learningRate), parseResult.GetValue(testSize), parseResult.GetValue(targetError),
            parseResult.GetValue(timeLimit), parseResult.GetValue(threads), parseResult.GetValue(curriculum), parseResult.GetValue(gradientRho),
            parseResult.GetValue(fixedIterations)), cancellationToken)));
        return command;
    }

    /// <summary>What was typed; null = not given (the preset or checkpoint decides).</summary>
    internal sealed record Settings(string? Task, string? Optimizer, int? Units, int? Length, int? Seed, int? Iterations, string Out, bool Float32,
        string? Resume, int? Batch, int? CurvatureBatch, double? Lambda, int? MaxCg, double? LearningRate, int? TestSize, double? TargetError,
        double? TimeLimit, int Threads, bool Curriculum, bool RhoOnGradientBatch, bool FixedIterations = false);

    /// <summary>The task, the complete training options and the checkpoint to resume from, before any training starts.</summary>
    internal sealed record Plan(ITask Task, TaskTrainingOptions Options, Checkpoint? Resume);

    private static int Run(Settings s, CancellationToken cancellationToken)
    {
        Plan plan;
        try
        {
            plan = MakePlan(s);
        }
        catch (Exception e) when (e is ArgumentException or CheckpointException)
        {
            Console.Error.WriteLine($"neurornn train: {OptionErrors.Clean(e.Message)}");
            return 2;
        }

        var backend = NumericsBackend.Current;
        if (backend is MklBackend mkl) mkl.SetThreadCount(s.Threads);
        var options = plan.Options;
        bool hf = options.Optimizer == TaskOptimizer.HessianFree;
        int batch = hf ? options.HessianFree!.GradientBatchSize : options.Adam!.BatchSize;
        string optimizerName = hf ? "hf" : "adam";
        var network = plan.Resume?.RateRnnOptions() ?? options.Network!;
        Console.WriteLine($"Training {plan.Task.Name} with {optimizerName}: N = {network.UnitCount}, α = {network.Alpha.ToString("G3", Inv)}, " +
                          $"batch {batch}{(hf ? $" (curvature {options.HessianFree!.CurvatureBatchSize})" : "")}, seed {plan.Resume?.Seed ?? options.Seed}, {backend.Description}");
        if (options.Curriculum is { } c && plan.Task is PathologicalTask pathological)
        {
            int start = plan.Resume is { } r && r.Metadata.TryGetValue(TaskTraining.CurriculumLengthMetadataKey, out var saved) ? int.Parse(saved, Inv) : c.StartLength;
            Console.WriteLine($"Curriculum: training length {Math.Min(start, pathological.Length)} growing to {pathological.Length}; the test trials are at {pathological.Length}.");
        }

        TrainedNetwork trained;
        try
        {
            trained = Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
                ? TaskTraining.Train(plan.Task, options, stats => Console.WriteLine(Line(stats)), plan.Resume, cancellationToken)
                : TrainWithProgress(plan, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"neurornn train: {OptionErrors.Clean(e.Message)}");
            return 2;
        }

        // The checkpoint holds the state to continue from (the last completed iteration); the metrics below are of
        // the best parameters by test error, which is what the summary reports.
        Directory.CreateDirectory(s.Out);
        string checkpointPath = Path.Combine(s.Out, "checkpoint.nrckpt");
        var checkpoint = trained.ToCheckpoint();
        CheckpointFile.Save(checkpointPath, checkpoint);
        var score = trained.TestScore;
        var summary = new JsonObject
        {
            ["task"] = plan.Task.Name,
            ["taskLength"] = TaskRegistry.LengthOf(plan.Task),
            ["optimizer"] = optimizerName,
            ["optimizerOptions"] = JsonNode.Parse(checkpoint.OptimizerOptionsJson!),
            ["model"] = JsonNode.Parse(checkpoint.ModelOptionsJson),
            ["trainingOptions"] = JsonNode.Parse(checkpoint.Metadata[TaskTraining.OptionsMetadataKey]),
            ["seed"] = trained.Options.Seed,
            ["batch"] = batch,
            ["curvatureBatch"] = hf ? options.HessianFree!.CurvatureBatchSize : null,
            ["curriculum"] = trained.CurriculumLength is { } current
                ? new JsonObject
                {
                    ["currentLength"] = current,
                    ["finalLength"] = trained.CurriculumFinalLength,
                    ["solvedThisRun"] = new JsonArray(trained.CurriculumStages.Select(x => (JsonNode?)new JsonObject { ["length"] = x.Length, ["iteration"] = x.Iteration }).ToArray()),
                }
                : null,
            ["backend"] = backend.Description,
            ["iterationsThisRun"] = trained.Training.Statistics.Count,
            ["nextIteration"] = trained.Training.State.Iteration,
            ["stopReason"] = trained.StopReason.Description,
            ["stopKind"] = trained.StopReason.Kind.ToString(),
            ["test"] = new JsonObject
            {
                ["trials"] = trained.TestBatch.BatchSize, ["errorRate"] = score.ErrorRate, ["accuracy"] = score.Accuracy, ["loss"] = score.Loss,
                ["criterion"] = score.Criterion, ["metricOf"] = "best parameters by test error",
            },
            ["timings"] = new JsonObject
            {
                ["wallSeconds"] = trained.Seconds,
                ["meanIterationSeconds"] = trained.Training.Statistics.Count == 0 ? 0 : trained.Training.Statistics.Average(x => x.Seconds),
                ["cgStepsTotal"] = trained.Training.Statistics.Sum(x => (x.Details as HessianFreeStepDetails)?.CgIterations ?? 0),
            },
            ["checkpoint"] = Path.GetFullPath(checkpointPath),
        };
        File.WriteAllText(Path.Combine(s.Out, "summary.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Stopped: {trained.StopReason} after {trained.Training.Statistics.Count} iterations ({trained.Seconds:F1} s).");
        Console.WriteLine($"Test ({trained.TestBatch.BatchSize} trials): error rate {score.ErrorRate:P2} ({score.Criterion}), accuracy {score.Accuracy:P2}, loss {score.Loss:G4}.");
        Console.WriteLine($"Wrote {checkpointPath} and {Path.Combine(s.Out, "summary.json")}.");
        return 0;
    }

    /// <summary>
    /// The task and the training options: the task family's preset (or, with <c>--resume</c>, the checkpoint's stored
    /// options) with every option that was typed replacing its one setting. No default lives here.
    /// </summary>
    internal static Plan MakePlan(Settings s)
    {
        if (s.Units is <= 0) throw new ArgumentException($"--units must be positive, got {s.Units}.");
        if (s.Iterations is < 0) throw new ArgumentException($"--iterations must be ≥ 0, got {s.Iterations}.");
        if (s.TestSize is <= 0) throw new ArgumentException($"--test-size must be positive, got {s.TestSize}.");
        if (s.Batch is <= 0) throw new ArgumentException($"--batch must be positive, got {s.Batch}.");
        if (s.CurvatureBatch is <= 0) throw new ArgumentException($"--curvature-batch must be positive, got {s.CurvatureBatch}.");
        if (s.MaxCg is <= 0) throw new ArgumentException($"--max-cg must be positive, got {s.MaxCg}.");
        if (s.TargetError is { } te && !(te > 0 && te <= 1)) throw new ArgumentException($"--target-error must be in (0, 1], got {te}.");
        if (s.FixedIterations && s.TargetError is not null) throw new ArgumentException("--fixed-iterations and --target-error contradict each other: a fixed number of iterations has no target.");
        if (s.TimeLimit is { } tl && !(tl > 0)) throw new ArgumentException($"--time-limit must be a positive number of seconds, got {tl}.");
        if (s.Threads < 1) throw new ArgumentException($"--threads must be ≥ 1, got {s.Threads}.");
        if (string.IsNullOrWhiteSpace(s.Out)) throw new ArgumentException("--out must name a folder.");

        Checkpoint? checkpoint = s.Resume is null ? null : CheckpointFile.Load(s.Resume);
        string? taskName = s.Task ?? checkpoint?.TaskName;
        if (taskName is null) throw new ArgumentException($"--task is required (one of {string.Join(", ", TaskRegistry.Names)}).");
        ITask task;
        try
        {
            task = TaskRegistry.Create(taskName, s.Length ?? checkpoint?.TaskLength);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException((s.Length is null ? "--task: " : "--task/--length: ") + e.Message);
        }

        var options = (checkpoint is null ? TaskPresets.For(task) : TaskTraining.OptionsFrom(checkpoint, task)).ResolvedFor(task);
        if (checkpoint is not null)
        {
            string saved = checkpoint.Optimizer.Optimizer;
            if (s.Optimizer is not null && s.Optimizer != saved)
                throw new ArgumentException($"--optimizer {s.Optimizer} differs from the checkpoint's optimizer '{saved}'.");
            var network = checkpoint.RateRnnOptions();
            if (s.Units is { } u && u != network.UnitCount)
                throw new ArgumentException($"--units {u} differs from the checkpoint's network of {network.UnitCount} units.");
            if (s.Seed is { } sd && sd != checkpoint.Seed)
                throw new ArgumentException($"--seed {sd} differs from the checkpoint's seed {checkpoint.Seed}; a resumed run continues its data stream.");
        }
        var hf = options.HessianFree!;
        int maxCg = s.MaxCg ?? hf.MaxCgIterations;
        int? curvature = s.CurvatureBatch ?? (s.Batch is { } b ? Math.Max(1, b / 5) : null);
        options = options with
        {
            Optimizer = s.Optimizer switch { "hf" => TaskOptimizer.HessianFree, "adam" => TaskOptimizer.Adam, _ => options.Optimizer },
            Network = options.Network! with
            {
                UnitCount = s.Units ?? options.Network!.UnitCount,
                Precision = s.Float32 ? RnnPrecision.Float32 : options.Network!.Precision,
            },
            Seed = s.Seed ?? options.Seed,
            Iterations = s.Iterations ?? options.Iterations,
            TestTrials = s.TestSize ?? options.TestTrials,
            TargetErrorRate = s.TargetError ?? (s.FixedIterations ? null : options.TargetErrorRate),
            FixedIterations = s.FixedIterations || (options.FixedIterations && s.TargetError is null),
            TimeLimit = s.TimeLimit is { } seconds ? TimeSpan.FromSeconds(seconds) : options.TimeLimit,
            Curriculum = s.Curriculum ? options.Curriculum ?? new LengthCurriculumOptions() : options.Curriculum,
            HessianFree = hf with
            {
                InitialLambda = s.Lambda ?? hf.InitialLambda,
                MaxCgIterations = maxCg,
                MinCgIterations = Math.Min(hf.MinCgIterations, maxCg),
                GradientBatchSize = s.Batch ?? hf.GradientBatchSize,
                CurvatureBatchSize = curvature ?? hf.CurvatureBatchSize,
                ReductionRatioOnGradientBatch = s.RhoOnGradientBatch || hf.ReductionRatioOnGradientBatch,
            },
            Adam = options.Adam! with { LearningRate = s.LearningRate ?? options.Adam!.LearningRate, BatchSize = s.Batch ?? options.Adam!.BatchSize },
        };
        if (options.Optimizer == TaskOptimizer.HessianFree && options.HessianFree!.CurvatureBatchSize > options.HessianFree.GradientBatchSize)
            throw new ArgumentException($"--curvature-batch ({options.HessianFree.CurvatureBatchSize}) must not exceed --batch ({options.HessianFree.GradientBatchSize}).");
        if (options.Curriculum is not null && task is not PathologicalTask)
            throw new ArgumentException($"--curriculum lengthens sequences of the pathological problems (addition, multiplication, xor, temporal-order); '{task.Name}' is not one.");
        try
        {
            options.Validate();
            if (checkpoint is null) (options.Network! with { InputCount = task.InputCount, OutputCount = task.OutputCount, OutputKind = task.OutputKind }).Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{OptionName(e.ParamName)}: {e.Message}");
        }
        return new Plan(task, options, checkpoint);
    }

    /// <summary>The command-line option behind a setting named in an exception.</summary>
    private static string OptionName(string? setting) => setting switch
    {
        nameof(HessianFreeOptions.InitialLambda) => "--lambda",
        nameof(HessianFreeOptions.MaxCgIterations) or nameof(HessianFreeOptions.MinCgIterations) => "--max-cg",
        nameof(HessianFreeOptions.GradientBatchSize) or nameof(AdamOptions.BatchSize) => "--batch",
        nameof(HessianFreeOptions.CurvatureBatchSize) => "--curvature-batch",
        nameof(AdamOptions.LearningRate) => "--lr",
        nameof(RateRnnOptions.UnitCount) => "--units",
        nameof(TaskTrainingOptions.TestTrials) => "--test-size",
        _ => "--task",
    };

    private static TrainedNetwork TrainWithProgress(Plan plan, CancellationToken cancellationToken)
    {
        TrainedNetwork? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask("starting", maxValue: Math.Max(1, plan.Options.Iterations));
                result = TaskTraining.Train(plan.Task, plan.Options, stats =>
                {
                    bar.Description = Markup.Escape(Line(stats));
                    bar.Increment(1);
                }, plan.Resume, cancellationToken);
                bar.Value = bar.MaxValue;
            });
        return result!;
    }

    private static string Line(IterationStatistics s)
    {
        string validation = s.Validation is { } v ? $" test err {v:P1}" : "";
        string second = s.Details is HessianFreeStepDetails hf
            ? $" λ {hf.Lambda:G3} ρ {(double.IsFinite(hf.Rho) ? hf.Rho.ToString("F2", Inv) : "-inf")} CG {hf.CgIterations}" : "";
        // The front door notes when a length curriculum moves on ("curriculum: T = 30 solved, next T = 38").
        int curriculum = s.Note?.IndexOf("curriculum:", StringComparison.Ordinal) ?? -1;
        string stage = curriculum >= 0 ? " " + s.Note![curriculum..] : "";
        return string.Create(Inv, $"it {s.Iteration,4} loss {s.Loss:G4}{validation}{second}{(s.Accepted ? "" : " rejected")}{stage} {s.Seconds:F1}s");
    }
}
