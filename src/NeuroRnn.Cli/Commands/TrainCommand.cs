using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using Spectre.Console;
using NeuroRnn.Trials;
using NeuroRnn;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn train --task NAME [--optimizer hf|adam] [--units N] [--length T] [--seed S] [--iterations K] [--out DIR]
/// [--float32] [--resume CHECKPOINT] …</c>: trains a rate RNN on a task with fresh data every iteration (derived from
/// the seed and the iteration number), shows progress, and writes <c>checkpoint.nrckpt</c> and <c>summary.json</c>
/// into the output folder. Ctrl+C stops cleanly between CG steps and still writes both files.
/// </summary>
internal static class TrainCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = $"Task: {string.Join(", ", TaskRegistry.Names)}" };
        var optimizer = new Option<string>("--optimizer") { Description = "hf (Hessian-free) or adam", DefaultValueFactory = _ => "hf" };
        optimizer.AcceptOnlyFromAmong("hf", "adam");
        var units = new Option<int>("--units") { Description = "Hidden units N", DefaultValueFactory = _ => 100 };
        var length = new Option<int?>("--length") { Description = "The task's length parameter (T for the pathological problems; see the task list)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the initialisation and of all data", DefaultValueFactory = _ => 1 };
        var iterations = new Option<int>("--iterations") { Description = "Iterations to run (HF iterations or Adam steps)", DefaultValueFactory = _ => 100 };
        var output = new Option<string>("--out") { Description = "Output folder for checkpoint.nrckpt and summary.json", DefaultValueFactory = _ => "train-out" };
        var float32 = new Option<bool>("--float32") { Description = "Simulate and differentiate in float32 (parameters and optimizer stay float64)" };
        var resume = new Option<string?>("--resume") { Description = "Continue from this checkpoint (model, optimizer state, seed and task come from it)" };
        var gradientBatch = new Option<int?>("--batch") { Description = "Trials per iteration (default: 2000 for hf, 64 for adam)" };
        var curvatureBatch = new Option<int?>("--curvature-batch") { Description = "HF curvature minibatch (default: batch/5)" };
        var lambda = new Option<double>("--lambda") { Description = "Initial HF damping λ", DefaultValueFactory = _ => 0.1 };
        var maxCg = new Option<int>("--max-cg") { Description = "Cap on CG steps per HF iteration", DefaultValueFactory = _ => 250 };
        var learningRate = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
        var testSize = new Option<int>("--test-size") { Description = "Fixed test trials for the metrics", DefaultValueFactory = _ => 1000 };
        var targetError = new Option<double?>("--target-error") { Description = "Stop once the test error rate is below this (e.g. 0.01)" };
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
                     lambda, maxCg, learningRate, testSize, targetError, timeLimit, threads, curriculum, gradientRho })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(new Settings(
            parseResult.GetValue(task), parseResult.GetValue(optimizer)!, parseResult.GetValue(units), parseResult.GetValue(length),
            parseResult.GetValue(seed), parseResult.GetValue(iterations), parseResult.GetValue(output)!, parseResult.GetValue(float32),
            parseResult.GetValue(resume), parseResult.GetValue(gradientBatch), parseResult.GetValue(curvatureBatch), parseResult.GetValue(lambda),
            parseResult.GetValue(maxCg), parseResult.GetValue(learningRate), parseResult.GetValue(testSize), parseResult.GetValue(targetError),
            parseResult.GetValue(timeLimit), parseResult.GetValue(threads), parseResult.GetValue(curriculum), parseResult.GetValue(gradientRho)), cancellationToken)));
        return command;
    }

    private sealed record Settings(string? Task, string Optimizer, int Units, int? Length, int Seed, int Iterations, string Out, bool Float32,
        string? Resume, int? Batch, int? CurvatureBatch, double Lambda, int MaxCg, double LearningRate, int TestSize, double? TargetError,
        double? TimeLimit, int Threads, bool Curriculum, bool RhoOnGradientBatch);

    /// <summary>Everything a run needs, built and validated before any training starts.</summary>
    private sealed record Plan(ITask Task, RateRnnOptions Model, ITrainer Trainer, string OptionsJson, OptimizerState? State, int Seed,
        int Batch, int CurvatureBatch, IReadOnlyList<IterationStatistics> PreviousStatistics, LengthCurriculum? Curriculum,
        double[]? ResumeParameters);

    private const string CurriculumLengthKey = "curriculumLength";

    private static int Run(Settings s, CancellationToken cancellationToken)
    {
        Plan plan;
        try
        {
            plan = MakePlan(s);
        }
        catch (Exception e) when (e is ArgumentException or CheckpointException)
        {
            Console.Error.WriteLine($"neurornn train: {Clean(e.Message)}");
            return 2;
        }

        var backend = NumericsBackend.Current;
        if (backend is MklBackend mkl) mkl.SetThreadCount(s.Threads);
        var objective = new RnnObjective(plan.ResumeParameters is null ? new RateRnn(plan.Model) : new RateRnn(plan.Model, plan.ResumeParameters), null, backend);
        var test = plan.Task.Sample(s.TestSize, SeededRandom.Derive(plan.Seed, TrainingData.TestStream, 0));
        var data = plan.Curriculum?.Data(plan.Batch, plan.CurvatureBatch) ?? TrainingData.Fresh(plan.Task, plan.Seed, plan.Batch, plan.CurvatureBatch);
        bool hf = plan.Trainer is HessianFreeTrainer;
        var run = new TrainingRun
        {
            Iterations = s.Iterations,
            Validate = o => plan.Task.Score(test, o.Predict(test)).ErrorRate,
            ValidateEvery = hf ? 1 : 20,
            StopWhen = s.TargetError is { } target ? stats => stats.Validation < target : null,
            MaxWallTime = s.TimeLimit is { } budget ? TimeSpan.FromSeconds(budget) : null,
        };

        Console.WriteLine($"Training {plan.Task.Name} with {plan.Trainer.Name}: N = {plan.Model.UnitCount}, {objective.ParameterCount} parameters, " +
                          $"batch {plan.Batch}{(hf ? $" (curvature {plan.CurvatureBatch})" : "")}, seed {plan.Seed}, {backend.Description}");
        if (plan.Curriculum is { } schedule)
            Console.WriteLine($"Curriculum: training length {schedule.CurrentLength} growing to {schedule.FinalLength}; the test trials are at {schedule.FinalLength}.");
        // Between iterations the curriculum scores fresh trials of the current length and may lengthen the next batches.
        Action<IterationStatistics> observe = plan.Curriculum is { } c ? stats => c.Observe(objective, stats.Iteration) : _ => { };
        var clock = Stopwatch.StartNew();
        TrainingResult result;
        try
        {
            result = Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
                ? plan.Trainer.Train(objective, data, run, plan.State, stats => { observe(stats); Console.WriteLine(Line(stats, plan.Curriculum)); }, cancellationToken)
                : TrainWithProgress(plan, objective, data, run, s.Iterations, observe, cancellationToken);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"neurornn train: {Clean(e.Message)}");
            return 2;
        }
        double seconds = clock.Elapsed.TotalSeconds;

        // The checkpoint holds the state to continue from (the last completed iteration); the metrics below are
        // of the best parameters by test error, which is what the summary reports.
        Directory.CreateDirectory(s.Out);
        string checkpointPath = Path.Combine(s.Out, "checkpoint.nrckpt");
        var statistics = plan.PreviousStatistics.Concat(result.Statistics).ToList();
        var metadata = new Dictionary<string, string>
        {
            ["batch"] = plan.Batch.ToString(Inv), ["curvatureBatch"] = plan.CurvatureBatch.ToString(Inv),
            ["testSize"] = s.TestSize.ToString(Inv), ["backend"] = backend.Description,
        };
        if (plan.Curriculum is { } saved) metadata[CurriculumLengthKey] = saved.CurrentLength.ToString(Inv);
        CheckpointFile.Save(checkpointPath, new Checkpoint
        {
            ModelType = nameof(RateRnn),
            ModelOptionsJson = CheckpointJson.Serialize(plan.Model),
            Parameters = result.Parameters,
            Optimizer = result.State,
            OptimizerOptionsJson = plan.OptionsJson,
            Seed = plan.Seed,
            TaskName = plan.Task.Name,
            TaskLength = TaskLength(plan.Task),
            Statistics = statistics,
            Metadata = metadata,
        });
        objective.SetParameters(result.BestParameters);
        var score = plan.Task.Score(test, objective.Predict(test));
        var summary = new JsonObject
        {
            ["task"] = plan.Task.Name,
            ["taskLength"] = TaskLength(plan.Task),
            ["optimizer"] = plan.Trainer.Name,
            ["optimizerOptions"] = JsonNode.Parse(plan.OptionsJson),
            ["model"] = JsonNode.Parse(CheckpointJson.Serialize(plan.Model)),
            ["seed"] = plan.Seed,
            ["batch"] = plan.Batch,
            ["curvatureBatch"] = hf ? plan.CurvatureBatch : null,
            ["curriculum"] = plan.Curriculum is { } done
                ? new JsonObject
                {
                    ["currentLength"] = done.CurrentLength,
                    ["finalLength"] = done.FinalLength,
                    ["solvedThisRun"] = new JsonArray(done.Stages.Select(x => (JsonNode?)new JsonObject { ["length"] = x.Length, ["iteration"] = x.Iteration }).ToArray()),
                }
                : null,
            ["backend"] = backend.Description,
            ["iterationsThisRun"] = result.Statistics.Count,
            ["nextIteration"] = result.State.Iteration,
            ["stopReason"] = result.StopReason.Description,
            ["test"] = new JsonObject
            {
                ["trials"] = s.TestSize, ["errorRate"] = score.ErrorRate, ["accuracy"] = score.Accuracy, ["loss"] = score.Loss,
                ["criterion"] = score.Criterion, ["metricOf"] = "best parameters by test error",
            },
            ["timings"] = new JsonObject
            {
                ["wallSeconds"] = seconds,
                ["meanIterationSeconds"] = result.Statistics.Count == 0 ? 0 : result.Statistics.Average(x => x.Seconds),
                ["cgStepsTotal"] = result.Statistics.Sum(x => (x.Details as HessianFreeStepDetails)?.CgIterations ?? 0),
            },
            ["checkpoint"] = Path.GetFullPath(checkpointPath),
        };
        File.WriteAllText(Path.Combine(s.Out, "summary.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Stopped: {result.StopReason} after {result.Statistics.Count} iterations ({seconds:F1} s).");
        Console.WriteLine($"Test ({s.TestSize} trials): error rate {score.ErrorRate:P2} ({score.Criterion}), accuracy {score.Accuracy:P2}, loss {score.Loss:G4}.");
        Console.WriteLine($"Wrote {checkpointPath} and {Path.Combine(s.Out, "summary.json")}.");
        return 0;
    }

    private static Plan MakePlan(Settings s)
    {
        if (s.Units <= 0) throw new ArgumentException($"--units must be positive, got {s.Units}.");
        if (s.Iterations < 0) throw new ArgumentException($"--iterations must be ≥ 0, got {s.Iterations}.");
        if (s.TestSize <= 0) throw new ArgumentException($"--test-size must be positive, got {s.TestSize}.");
        if (s.Batch is <= 0) throw new ArgumentException($"--batch must be positive, got {s.Batch}.");
        if (s.CurvatureBatch is <= 0) throw new ArgumentException($"--curvature-batch must be positive, got {s.CurvatureBatch}.");
        if (s.TargetError is { } te && !(te > 0 && te <= 1)) throw new ArgumentException($"--target-error must be in (0, 1], got {te}.");
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

        string optimizerName = checkpoint?.Optimizer.Optimizer ?? s.Optimizer;
        if (checkpoint is not null && s.Optimizer != optimizerName && s.Optimizer != "hf")
            throw new ArgumentException($"--optimizer {s.Optimizer} differs from the checkpoint's optimizer '{optimizerName}'.");
        int batch = s.Batch ?? (optimizerName == "hf" ? 2000 : 64);
        int curvature = s.CurvatureBatch ?? Math.Max(1, batch / 5);
        if (curvature > batch) throw new ArgumentException($"--curvature-batch ({curvature}) must not exceed --batch ({batch}).");

        ITrainer trainer;
        string optionsJson;
        try
        {
            if (optimizerName == "hf")
            {
                var o = new HessianFreeOptions
                {
                    InitialLambda = s.Lambda, MaxCgIterations = s.MaxCg, MinCgIterations = Math.Min(10, s.MaxCg), GradientBatchSize = batch, CurvatureBatchSize = curvature,
                    ReductionRatioOnGradientBatch = s.RhoOnGradientBatch,
                };
                trainer = new HessianFreeTrainer(o);
                optionsJson = CheckpointJson.Serialize(o);
            }
            else
            {
                var o = new AdamOptions { LearningRate = s.LearningRate, BatchSize = batch };
                trainer = new AdamTrainer(o);
                optionsJson = CheckpointJson.Serialize(o);
            }
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                nameof(HessianFreeOptions.InitialLambda) => "--lambda",
                nameof(HessianFreeOptions.MaxCgIterations) => "--max-cg",
                nameof(AdamOptions.LearningRate) => "--lr",
                _ => "--optimizer",
            };
            throw new ArgumentException($"{option}: {e.Message}");
        }

        RateRnnOptions model;
        if (checkpoint is not null)
        {
            model = checkpoint.RateRnnOptions();
            if (model.InputCount != task.InputCount || model.OutputCount != task.OutputCount)
                throw new ArgumentException($"--resume: the checkpoint's model has {model.InputCount} inputs and {model.OutputCount} outputs but task '{task.Name}' needs {task.InputCount} and {task.OutputCount}.");
        }
        else
        {
            bool pathological = task is PathologicalTask;
            model = new RateRnnOptions
            {
                UnitCount = s.Units, InputCount = task.InputCount, OutputCount = task.OutputCount, OutputKind = task.OutputKind,
                // The pathological problems use the discrete-time tanh RNN of Martens & Sutskever (α = 1) with their sparse
                // initialisation; the neuroscience tasks a leaky rate network with α = 0.1.
                Dt = 1, Tau = pathological ? 1 : 10,
                Initialization = pathological ? WeightInitialization.Sparse : WeightInitialization.Gaussian,
                SpectralRadius = pathological ? 1.2 : null, InputWeightStd = pathological ? 1 : null,
                Seed = s.Seed, Precision = s.Float32 ? RnnPrecision.Float32 : RnnPrecision.Float64,
            };
            try
            {
                model.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--units: {e.Message}");
            }
        }
        int planSeed = checkpoint?.Seed ?? s.Seed;
        LengthCurriculum? schedule = null;
        string? savedLength = null;
        checkpoint?.Metadata.TryGetValue(CurriculumLengthKey, out savedLength);
        if (s.Curriculum || savedLength is not null)
        {
            if (task is not PathologicalTask pathological)
                throw new ArgumentException($"--curriculum lengthens sequences of the pathological problems (addition, multiplication, xor, temporal-order); '{task.Name}' is not one.");
            var curriculumOptions = new LengthCurriculumOptions();
            if (savedLength is not null) curriculumOptions = curriculumOptions with { StartLength = int.Parse(savedLength, Inv) };
            schedule = new LengthCurriculum(length => TaskRegistry.Create(task.Name, length), pathological.Length, planSeed, curriculumOptions);
        }
        return new Plan(task, model, trainer, optionsJson, checkpoint?.Optimizer, planSeed, batch, curvature,
            checkpoint?.Statistics ?? [], schedule, checkpoint?.Parameters);
    }

    /// <summary>Drops the " (Parameter 'x')" suffixes .NET appends: the CLI names the option instead.</summary>
    private static string Clean(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*\(Parameter '[^']*'\)", "").Replace("\n", " ");

    private static int? TaskLength(ITask task) => task switch
    {
        PathologicalTask p => p.Length,
        ContextIntegrationTask c => c.Options.StimulusSteps,
        PerceptualDecisionTask d => d.Options.StimulusSteps,
        DelayedResponseTask r => r.Options.MaxDelaySteps,
        _ => null,
    };

    private static TrainingResult TrainWithProgress(Plan plan, ICurvatureObjective objective, Func<int, TrainingData> data, TrainingRun run,
        int iterations, Action<IterationStatistics> observe, CancellationToken cancellationToken)
    {
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask("starting", maxValue: Math.Max(1, iterations));
                result = plan.Trainer.Train(objective, data, run, plan.State, stats =>
                {
                    observe(stats);
                    bar.Description = Markup.Escape(Line(stats, plan.Curriculum));
                    bar.Increment(1);
                }, cancellationToken);
                bar.Value = bar.MaxValue;
            });
        return result!;
    }

    private static string Line(IterationStatistics s, LengthCurriculum? curriculum)
    {
        // After Observe: the length the next iteration trains at.
        string length = curriculum is null ? "" : $" next T {curriculum.CurrentLength}";
        string validation = s.Validation is { } v ? $" test err {v:P1}" : "";
        string second = s.Details is HessianFreeStepDetails hf
            ? $" λ {hf.Lambda:G3} ρ {(double.IsFinite(hf.Rho) ? hf.Rho.ToString("F2", Inv) : "-inf")} CG {hf.CgIterations}" : "";
        return string.Create(Inv, $"it {s.Iteration,4} loss {s.Loss:G4}{validation}{second}{(s.Accepted ? "" : " rejected")}{length} {s.Seconds:F1}s");
    }
}
