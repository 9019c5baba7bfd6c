using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;
using NeuroRnn;

namespace NeuroRnn.Bench;

/// <summary>
/// Hessian-free benchmarks (benchmarks.md): (a) W1 addition-100 — the W1 Gauss-Newton product and one HF iteration
/// with 50 CG steps, and HF time to solution on fresh data; (b) W2 v1-fit-200 — one HF iteration with exactly 50 CG
/// steps next to the gradient and Gauss-Newton product timings of <see cref="RnnKernelsBench"/>; (c) Mante
/// context-dependent integration — HF vs Adam time to ≥ 95 % accuracy at the highest coherence.
/// Results are merged into bench/results/hf.json (one key per section) and hf.md is regenerated from it.
/// Usage: <c>hf [w1-kernels] [w2] [w1] [w1-curriculum] [multiplication[-curriculum]] [temporal-order[-curriculum]] [xor[-curriculum]] [mante] [v1-fit] [w2-time-to-mse] [profile] [parts [--config unsplit|workers|team]…] [--quick] [--minutes M] [--threads K] [--parts P]</c>
/// (multiplication and temporal-order: W1's set-up on the other pathological problems at T = 100; the -curriculum
/// sections train with lengths growing from T = 30 — not the benchmark's protocol, reported separately;
/// temporal-order-curriculum-gradient-rho: the same with HessianFreeOptions.ReductionRatioOnGradientBatch; no section: all;
/// K back-end threads, default 2 as benchmarks.md specifies — on a loaded machine 1 avoids OpenMP spin-waiting;
/// P batch parts for every recurrent loop instead of BatchParts' rule (e.g. <c>profile --parts 1</c>: the unsplit loops);
/// time-to-solution runs stop at --iterations K when given and then have a wall-time cap only if --minutes is given too).
/// </summary>
internal static partial class HessianFreeSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static int _threads = 2;

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        double minutes = quick ? 3 : 15;
        bool minutesGiven = false;
        int threads = 2;
        int v1Iterations = 150;
        var v1Configurations = new List<string>();
        var sections = new List<string>();
        bool profile = false, parts = false;
        int? iterationBudget = null;
        double peerSeconds = 120, peerFactor = 0;
        var learningRates = new List<string>();
        var precisions = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": break;
                case "profile": profile = true; break;
                case "parts": parts = true; break;
                case "float32" when profile: break;
                case "--mkl-only": break;
                case "--precision" when i + 1 < args.Length && args[i + 1] is "float32" or "float64":
                    precisions.Add(args[++i]);
                    break;
                case "--markdown-only": break;
                case "--minutes":
                    if (i + 1 >= args.Length || !double.TryParse(args[i + 1], Inv, out minutes) || minutes <= 0)
                    {
                        Console.Error.WriteLine("--minutes needs a positive number (the wall-time cap of each time-to-solution run; with --iterations there is no cap unless --minutes is given).");
                        return 2;
                    }
                    minutesGiven = true;
                    i++;
                    break;
                case "--config" when i + 1 < args.Length:
                    v1Configurations.Add(args[++i]);
                    break;
                case "--iterations" when i + 1 < args.Length && int.TryParse(args[i + 1], Inv, out v1Iterations) && v1Iterations > 0:
                    iterationBudget = v1Iterations;
                    i++;
                    break;
                case "--peer-seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], Inv, out peerSeconds) && peerSeconds > 0:
                    i++;
                    break;
                case "--peer-factor" when i + 1 < args.Length && double.TryParse(args[i + 1], Inv, out peerFactor) && peerFactor > 0:
                    i++;
                    break;
                case "--lr" when i + 1 < args.Length && double.TryParse(args[i + 1], Inv, out double lr) && lr > 0:
                    learningRates.Add(args[++i]);
                    break;
                case "--parts":
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], Inv, out int forcedParts) || forcedParts < 1 || forcedParts > BatchParts.MaximumParts)
                    {
                        Console.Error.WriteLine($"--parts needs an integer from 1 to {BatchParts.MaximumParts} (batch parts of every recurrent loop instead of BatchParts' rule; 1: unsplit, as before 2026-12-07).");
                        return 2;
                    }
                    BatchParts.ForcedParts = forcedParts;
                    i++;
                    break;
                case "--threads":
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], Inv, out threads) || threads < 1)
                    {
                        Console.Error.WriteLine("--threads needs a positive integer (back-end threads; benchmarks.md specifies 2).");
                        return 2;
                    }
                    i++;
                    break;
                case "w1-kernels" or "w2" or "w1" or "w1-curriculum" or "multiplication" or "multiplication-curriculum" or "temporal-order" or "temporal-order-curriculum" or "temporal-order-curriculum-gradient-rho" or "xor" or "xor-curriculum" or "mante" or "v1-fit" or "w2-time-to-mse": sections.Add(args[i]); break;
                default:
                    Console.Error.WriteLine($"hf: unknown argument '{args[i]}'. Usage: hf [w1-kernels] [w2] [w1] [w1-curriculum] [multiplication[-curriculum]] [temporal-order[-curriculum[-gradient-rho]]] [xor[-curriculum]] [mante] [v1-fit [--config NAME]… [--iterations K]] [w2-time-to-mse [--iterations K] [--peer-seconds S | --peer-factor F] [--lr LR]… [--precision float32|float64]…] [w2 [--mkl-only]] [profile] [parts [--config unsplit|workers|team]…] [--quick] [--minutes M] [--threads K] [--parts P]");
                    return 2;
            }
        }
        if (args.Contains("--markdown-only"))
        {
            // Regenerates hf.md from hf.json without running anything (e.g. after the report layout changed).
            string dir = BenchResults.ResultsDirectory();
            var existing = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "hf.json"))) as JsonObject ?? new JsonObject();
            File.WriteAllText(Path.Combine(dir, "hf.md"), Markdown(existing));
            return 0;
        }
        if (sections.Count == 0) sections.AddRange(["w1-kernels", "w2", "w1", "mante"]);
        _threads = threads;
        if (NumericsBackend.IsMklAvailable) NumericsBackend.Mkl.SetThreadCount(threads);
        NumericsBackend.Managed.SetThreadCount(threads);
        if (parts) return Parts(precisions.Contains("float32") ? RnnPrecision.Float32 : RnnPrecision.Float64, quick ? 10 : 25, v1Configurations);
        if (profile) return Profile(args.Contains("float32") ? RnnPrecision.Float32 : RnnPrecision.Float64, quick ? 2 : 4);
        // Time-to-solution runs with an iteration budget get no wall-time cap unless --minutes asks for one: a cap would
        // make the result depend on the machine's load (BRIEF: iteration budgets, not wall caps).
        double? wallCap = iterationBudget is null || minutesGiven ? minutes : null;

        string resultsDirectory = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(resultsDirectory);
        string jsonPath = Path.Combine(resultsDirectory, "hf.json");

        foreach (string section in sections)
        {
            Console.WriteLine($"== {section} ({(quick ? "quick" : "full")}) ==");
            var machine = BenchResults.Machine();
            JsonObject result = section switch
            {
                "w1-kernels" => W1Kernels(quick),
                "w2" => W2(quick, args.Contains("--mkl-only")),
                "w1" => TimeToSolution(length => new AdditionTask(length), wallCap, iterationBudget),
                "w1-curriculum" => TimeToSolution(length => new AdditionTask(length), wallCap, iterationBudget, curriculum: true),
                "multiplication-curriculum" => TimeToSolution(length => new MultiplicationTask(length), wallCap, iterationBudget, curriculum: true),
                "temporal-order-curriculum" => TimeToSolution(length => new TemporalOrderTask(length), wallCap, iterationBudget, curriculum: true),
                "temporal-order-curriculum-gradient-rho" => TimeToSolution(length => new TemporalOrderTask(length), wallCap, iterationBudget, curriculum: true, reductionRatioOnGradientBatch: true),
                "multiplication" => TimeToSolution(length => new MultiplicationTask(length), wallCap, iterationBudget),
                "temporal-order" => TimeToSolution(length => new TemporalOrderTask(length), wallCap, iterationBudget),
                "xor" => TimeToSolution(length => new XorTask(length), wallCap, iterationBudget),
                "xor-curriculum" => TimeToSolution(length => new XorTask(length), wallCap, iterationBudget, curriculum: true),
                "w2-time-to-mse" => W2TimeToMse(iterationBudget ?? 100, peerSeconds, peerFactor, learningRates.Count > 0 ? learningRates : ["0.003", "0.01", "0.03"],
                    precisions.Count > 0 ? precisions : ["float32", "float64"]),
                "v1-fit" => V1Fit(v1Configurations, v1Iterations, partial => Save(jsonPath, resultsDirectory, section, partial, machine, quick, threads)),
                _ => Mante(minutes),
            };
            Save(jsonPath, resultsDirectory, section, result, machine, quick, threads);
            Console.WriteLine($"   written to {jsonPath}");
        }
        return 0;
    }

    /// <summary>Merges <paramref name="result"/> as <paramref name="section"/> into hf.json and regenerates hf.md.</summary>
    private static void Save(string jsonPath, string resultsDirectory, string section, JsonObject result, JsonNode machine, bool quick, int threads)
    {
        result["machineAtStart"] = machine.DeepClone();
        result["machineAtEnd"] = BenchResults.Machine();
        result["mode"] = quick ? "quick" : "full";
        result["threads"] = threads;
        if (BatchParts.ForcedParts > 0) result["forcedBatchParts"] = BatchParts.ForcedParts; // --parts: not the default rule
        result["peakWorkingSetMiB"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        // Re-read so that suites run concurrently (e.g. "w1" and "mante" in two processes) keep each other's sections.
        var root = File.Exists(jsonPath) ? JsonNode.Parse(File.ReadAllText(jsonPath)) as JsonObject ?? new JsonObject() : new JsonObject();
        // v1-fit runs its configurations one by one (or a chosen few per process): keep the other configurations' rows.
        if (section == "v1-fit" && root[section]?["runs"] is JsonObject previous && result["runs"] is JsonObject fresh)
        {
            foreach (var (name, row) in previous.ToList())
                if (!fresh.ContainsKey(name)) fresh[name] = row?.DeepClone();
        }
        root[section] = result.DeepClone();
        BenchResults.WriteJson(jsonPath, root);
        File.WriteAllText(Path.Combine(resultsDirectory, "hf.md"), Markdown(root));
    }

    // ---------------------------------------------------------------- W1 kernels

    internal static RateRnnOptions W1Model(int seed = 1, RnnPrecision precision = RnnPrecision.Float64) => new()
    {
        UnitCount = 100, InputCount = 2, OutputCount = 1, Dt = 1, Tau = 1,
        Initialization = WeightInitialization.Sparse, SparseConnectionCount = 15, SpectralRadius = 1.2,
        InputWeightStd = 1, OutputWeightStd = 0.1, Seed = seed, Precision = precision,
    };

    private static JsonObject W1Kernels(bool quick)
    {
        var task = new AdditionTask(100);
        var objective = new RnnObjective(new RateRnn(W1Model()), null, NumericsBackend.Current);
        var data = TrainingData.Fresh(task, 1, 2000, 400);
        var batches = data(0);
        var v = new double[objective.ParameterCount];
        var product = new double[v.Length];
        var rng = new SeededRandom(3);
        for (int k = 0; k < v.Length; k++) v[k] = rng.NextDouble() - 0.5;
        objective.PrepareCurvature(batches.CurvatureBatch);
        var gn = Time(quick ? 3 : 7, () => objective.GaussNewtonProduct(v, 0.03, product));
        var gradient = new double[v.Length];
        var grad = Time(quick ? 1 : 3, () => objective.LossAndGradient(batches.GradientBatch, gradient));
        Console.WriteLine($"   W1 GN product (batch 400): {gn.Wall:F3} s wall, {gn.Cpu:F3} s CPU; gradient (batch 2000): {grad.Wall:F3} s");

        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 50, MinCgIterations = 50 });
        OptimizerState? state = null;
        int cg = 0;
        var iteration = Time(quick ? 1 : 3, () =>
        {
            var r = trainer.Train(objective, data, new TrainingRun { Iterations = 1 }, state);
            state = r.State;
            cg = ((HessianFreeStepDetails)r.Statistics[0].Details!).CgIterations;
        });
        Console.WriteLine($"   W1 HF iteration ({cg} CG steps): {iteration.Wall:F2} s wall, {iteration.Cpu:F2} s CPU");
        return new JsonObject
        {
            ["backend"] = NumericsBackend.Current.Description,
            ["gaussNewtonProductBatch400"] = gn.ToJson(),
            ["gradientBatch2000"] = grad.ToJson(),
            ["hfIteration50Cg"] = iteration.ToJson(),
            ["cgStepsInTimedIteration"] = cg,
        };
    }

    // ---------------------------------------------------------------- W2

    private static JsonObject W2(bool quick, bool mklOnly = false)
    {
        var result = new JsonObject();
        var kernels = new JsonArray();
        var configurations = quick
            ? new[] { ("mkl", "float64") }
            : mklOnly ? [("mkl", "float64"), ("mkl", "float32")] : [("mkl", "float64"), ("mkl", "float32"), ("managed", "float64")];
        foreach (var (backend, precision) in configurations)
        {
            if (backend == "mkl" && !NumericsBackend.IsMklAvailable)
            {
                Console.WriteLine($"   MKL unavailable: {NumericsBackend.MklUnavailableReason}");
                continue;
            }
            var (wall, cpu) = RnnKernelsBench.MeasureBoth(backend, precision, quick ? 3 : 5, _threads);
            var row = new JsonObject
            {
                ["backend"] = backend, ["precision"] = precision, ["description"] = wall.Backend, ["threads"] = wall.Threads,
                ["gradientSeconds"] = wall.GradientSeconds, ["gaussNewtonSeconds"] = wall.GaussNewtonSeconds,
                ["prepareSeconds"] = wall.PrepareSeconds,
                ["gradientCpuSeconds"] = cpu.GradientSeconds, ["gaussNewtonCpuSeconds"] = cpu.GaussNewtonSeconds,
                ["gradientGflop"] = wall.GradientFlops / 1e9, ["gaussNewtonGflop"] = wall.GaussNewtonFlops / 1e9,
                ["gradientGflopPerSecond"] = wall.GradientGflops, ["gaussNewtonGflopPerSecond"] = wall.GaussNewtonGflops,
                ["rawStepGemmGflopPerSecond"] = wall.StepGemmGflops, ["rawBatchedGemmGflopPerSecond"] = wall.BatchedGemmGflops,
                ["gradientFractionOfGemmFloor"] = wall.GradientEfficiency, ["gaussNewtonFractionOfGemmFloor"] = wall.GaussNewtonEfficiency,
            };
            var be = backend == "mkl" ? (INumericsBackend)NumericsBackend.Mkl : NumericsBackend.Managed;
            var p = precision == "float32" ? RnnPrecision.Float32 : RnnPrecision.Float64;
            var objective = new RnnObjective(new RateRnn(RnnKernelsBench.W2Options(p)), RnnKernelsBench.W2Loss, be);
            var data = TrainingData.Fixed(RnnKernelsBench.W2Batch(), RnnKernelsBench.Trials);
            var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 1, MaxCgIterations = 50, MinCgIterations = 50 });
            OptimizerState? state = null;
            int cg = 0;
            var iteration = Time(quick || backend == "managed" ? 1 : 3, () =>
            {
                var r = trainer.Train(objective, data, new TrainingRun { Iterations = 1 }, state);
                state = r.State;
                cg = ((HessianFreeStepDetails)r.Statistics[0].Details!).CgIterations;
            });
            if (backend == "mkl")
            {
                // Before/after in the same run: the GN product with the recurrent loops unsplit (MKL's threads inside
                // each step's GEMM — the default for W2's 96 trials until 2026-12-07) and split into batch parts (one MKL
                // thread each, on MKL's OpenMP team — the default since).
                int parts = Math.Max(2, BatchParts.PartCount(RnnKernelsBench.Trials));
                var (partsWall, partsCpu) = CompareParts(p, [1, parts]);
                row["gaussNewtonUnsplitMedianWallSeconds"] = partsWall[0];
                row["gaussNewtonSplitMedianWallSeconds"] = partsWall[1];
                row["gaussNewtonUnsplitMedianCpuSeconds"] = partsCpu[0];
                row["gaussNewtonSplitMedianCpuSeconds"] = partsCpu[1];
                row["batchParts"] = parts;
                row["defaultBatchParts"] = BatchParts.PartCount(RnnKernelsBench.Trials);
            }
            row["hfIteration50Cg"] = iteration.ToJson();
            row["cgStepsInTimedIteration"] = cg;
            // The iteration's GEMM-bound floor in the same run: its CG products, one gradient and one forward pass (the
            // loss at the new point, which ρ needs) at the raw GEMM rates — the least GEMM work an HF iteration can do.
            // Everything else (the warm start's and ρ's extra products, backtracking and line-search losses, the
            // re-prepared linearisation, CG's vector algebra, element-wise work) counts against the ratio.
            foreach (var (timing, clock, measured) in new[] { (wall, "Wall", iteration.Wall), (cpu, "Cpu", iteration.Cpu) })
            {
                double stepSeconds = 2.0 * RnnKernelsBench.Units * RnnKernelsBench.Units * RnnKernelsBench.Trials / (timing.StepGemmGflops * 1e9);
                double floor = cg * timing.GaussNewtonFloorSeconds + timing.GradientFloorSeconds + RnnKernelsBench.Steps * stepSeconds;
                row[$"hfIterationFloor{clock}Seconds"] = floor;
                row[$"hfIterationFloorRatio{clock}"] = measured / floor;
                row[$"gaussNewtonFloorRatio{clock}"] = 1 / timing.GaussNewtonEfficiency;
                row[$"gradientFloorRatio{clock}"] = 1 / timing.GradientEfficiency;
            }
            // Operation count of one HF iteration: 50 GN products + gradient + the extra GN product for ρ; loss
            // evaluations (backtracking, ρ, line search) are forward passes of about a third of a gradient each.
            row["hfIterationGemmGflopEstimate"] = (51 * wall.GaussNewtonFlops + 2 * wall.GradientFlops) / 1e9;
            Console.WriteLine($"   W2 {backend}/{precision}: gradient {wall.GradientSeconds:F3} s, GN {wall.GaussNewtonSeconds:F3} s, HF iteration ({cg} CG) {iteration.Wall:F2} s wall / {iteration.Cpu:F2} s CPU");
            kernels.Add(row);
        }
        result["rows"] = kernels;
        return result;
    }

    // ---------------------------------------------------------------- W1 time to solution

    /// <summary>
    /// HF time to solution on a pathological problem with W1's set-up: N = 100 tanh units, sparse initialisation at
    /// spectral radius 1.2, fresh 2,000 sequences per iteration with a curvature minibatch of 400, 1,000 fixed test
    /// sequences at T = 100; solved when fewer than 1 % of them are wrong by the task's criterion. With
    /// <paramref name="curriculum"/> the training sequences start at T = 30 and grow (<see cref="LengthCurriculum"/>
    /// defaults) — not the benchmark's protocol, which trains at T = 100 throughout; it shows the model and optimizer
    /// can represent and find the solution.
    /// </summary>
    private static JsonObject TimeToSolution(Func<int, PathologicalTask> make, double? minutes, int? iterationBudget, bool curriculum = false,
        bool reductionRatioOnGradientBatch = false)
    {
        var task = make(100);
        var model = W1Model() with { InputCount = task.InputCount, OutputCount = task.OutputCount, OutputKind = task.OutputKind };
        var objective = new RnnObjective(new RateRnn(model), null, NumericsBackend.Current);
        var test = task.Sample(1000, SeededRandom.Derive(1, TrainingData.TestStream, 0));
        var schedule = curriculum ? new LengthCurriculum(make, 100, seed: 1) : null;
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, ReductionRatioOnGradientBatch = reductionRatioOnGradientBatch });
        var stages = new JsonArray();
        var trace = new JsonArray();
        string criterion = "";
        var clock = Stopwatch.StartNew();
        // Process CPU next to wall: on a shared machine the wall time depends on the load, the CPU time much less.
        double cpuStart = RnnKernelsBench.ProcessCpuSeconds();
        var result = trainer.Train(objective, schedule?.Data(2000, 400) ?? TrainingData.Fresh(task, 1, 2000, 400),
            new TrainingRun
            {
                Iterations = iterationBudget ?? 100_000,
                Validate = o =>
                {
                    var score = task.Score(test, o.Predict(test));
                    criterion = score.Criterion;
                    return score.ErrorRate;
                },
                StopWhen = s => s.Validation < 0.01,
                MaxWallTime = minutes is { } m ? TimeSpan.FromMinutes(m) : null,
            },
            onIteration: s =>
            {
                var json = IterationJson(s);
                string stage = "";
                if (schedule is not null)
                {
                    int length = schedule.CurrentLength;
                    double stageError = schedule.Observe(objective, s.Iteration);
                    json["length"] = length;
                    json["stageError"] = stageError;
                    stage = $" T {length,3}, wrong at T: {stageError:P1},";
                    if (schedule.CurrentLength != length)
                        stages.Add(new JsonObject { ["solvedLength"] = length, ["iteration"] = s.Iteration, ["elapsedSeconds"] = s.ElapsedSeconds });
                }
                Console.WriteLine($"   it {s.Iteration,3}{stage} loss {s.Loss:E3} test wrong {s.Validation:P1} {(s.Details is HessianFreeStepDetails d ? $"λ {d.Lambda:G3} ρ {d.Rho:F2} CG {d.CgIterations} " : "")}{s.Seconds:F1} s");
                trace.Add(json);
            });
        double best = result.BestValidation ?? 1;
        string hf = $"HF defaults with λ0 = 0.1, μ = 1/30, CG cap 250{(reductionRatioOnGradientBatch ? ", ρ measured on the gradient batch" : "")}";
        var summary = new JsonObject
        {
            ["task"] = task.Name,
            ["backend"] = NumericsBackend.Current.Description,
            ["settings"] = schedule is null
                ? $"{task.Name}, N = 100 tanh, T = 100 (L ~ U{{100..110}}), fresh 2,000 sequences per iteration, curvature minibatch 400, 1,000 fixed test sequences (wrong: {criterion}), {hf}"
                : $"{task.Name}: W1 model, {hf}, fixed 1,000 test sequences at T = 100 (wrong: {criterion}); fresh 2,000 training sequences per iteration (curvature 400) of length T growing 30 → ×1.25 → 100 whenever < 1 % of 400 fresh sequences of the current T are wrong",
            ["wallCapMinutes"] = minutes,
            ["iterationBudget"] = iterationBudget,
            ["solved"] = best < 0.01,
            ["iterations"] = result.Statistics.Count,
            ["wallSeconds"] = clock.Elapsed.TotalSeconds,
            ["cpuSeconds"] = RnnKernelsBench.ProcessCpuSeconds() - cpuStart,
            ["bestTestErrorRate"] = best,
            ["stopReason"] = result.StopReason.Description,
        };
        if (schedule is not null) summary["stages"] = stages;
        summary["trace"] = trace;
        return summary;
    }

    // ---------------------------------------------------------------- Mante

    private static JsonObject Mante(double minutes)
    {
        var task = new ContextIntegrationTask();
        double highest = task.Options.Coherences.Max();
        var test = task.Sample(600, SeededRandom.Derive(2, TrainingData.TestStream, 0));
        var model = new RateRnnOptions { UnitCount = 100, InputCount = 4, OutputCount = 1, Dt = 1, Tau = 10, Gain = 1.0, Seed = 2 };
        double Metric(ICurvatureObjective o) => 1 - task.AccuracyAtCoherence(test, o.Predict(test), highest);
        var runs = new JsonObject();
        foreach (var (name, trainer, data, every) in new (string, ITrainer, Func<int, TrainingData>, int)[]
        {
            ("hf", new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 100 }), TrainingData.Fresh(task, 2, 500, 100), 1),
            ("adam", new AdamTrainer(new AdamOptions { LearningRate = 3e-3, BatchSize = 64 }), TrainingData.Fresh(task, 2, 64, 64), 20),
        })
        {
            var objective = new RnnObjective(new RateRnn(model));
            var clock = Stopwatch.StartNew();
            var trace = new JsonArray();
            var result = trainer.Train(objective, data, new TrainingRun
            {
                Iterations = 1_000_000, Validate = Metric, ValidateEvery = every,
                StopWhen = s => s.Validation <= 0.05, MaxWallTime = TimeSpan.FromMinutes(minutes),
            }, onIteration: s =>
            {
                if (s.Validation is null) return;
                Console.WriteLine($"   {name} it {s.Iteration,5} loss {s.Loss:E3} error at c={highest}: {s.Validation:P1} ({s.ElapsedSeconds:F0} s)");
                trace.Add(IterationJson(s));
            });
            objective.SetParameters(result.BestParameters);
            var outputs = objective.Predict(test);
            runs[name] = new JsonObject
            {
                ["reached95PercentAtHighestCoherence"] = result.BestValidation <= 0.05,
                ["iterations"] = result.Statistics.Count,
                ["wallSeconds"] = clock.Elapsed.TotalSeconds,
                ["bestAccuracyAtHighestCoherence"] = 1 - (result.BestValidation ?? 1),
                ["overallAccuracy"] = task.Score(test, outputs).Accuracy,
                ["stopReason"] = result.StopReason.Description,
                ["trace"] = trace,
            };
        }
        // Ideal observer: the sign of the summed relevant evidence, correct with probability Φ(c·gain·√steps / noise).
        double ideal = task.IdealObserverAccuracy();
        return new JsonObject
        {
            ["idealObserverOverallAccuracy"] = ideal,
            ["backend"] = NumericsBackend.Current.Description,
            ["settings"] = $"N = 100 tanh, α = 0.1, 4 inputs, {task.Options.Steps} steps ({task.Options.FixationSteps} fixation, {task.Options.StimulusSteps} stimulus, {task.Options.ResponseSteps} response), coherences {string.Join(", ", task.Options.Coherences)}, noise 1; HF: fresh 500 trials/iteration, curvature 100, λ0 = 0.1, CG cap 100; Adam: lr 3e-3, batch 64, clip 1; metric on 600 fixed test trials",
            ["wallCapMinutesPerOptimizer"] = minutes,
            ["runs"] = runs,
        };
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObject IterationJson(IterationStatistics s) => new()
    {
        ["iteration"] = s.Iteration, ["loss"] = Finite(s.Loss), ["validation"] = s.Validation is { } v ? Finite(v) : null,
        ["lambda"] = Finite(Hf(s)?.Lambda ?? double.NaN), ["rho"] = Finite(Hf(s)?.Rho ?? double.NaN), ["cg"] = Hf(s)?.CgIterations ?? 0, ["accepted"] = s.Accepted,
        ["seconds"] = s.Seconds, ["elapsed"] = s.ElapsedSeconds,
    };

    private static HessianFreeStepDetails? Hf(IterationStatistics s) => s.Details as HessianFreeStepDetails;

    private static JsonNode? Finite(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;

    private readonly record struct Timing(double Wall, double Cpu, int Runs)
    {
        public JsonObject ToJson() => new() { ["medianWallSeconds"] = Wall, ["medianCpuSeconds"] = Cpu, ["timedRuns"] = Runs };
    }

    /// <summary>Median wall and process-CPU seconds of <paramref name="runs"/> timed runs after one warm-up.</summary>
    private static Timing Time(int runs, Action action)
    {
        action();
        var wall = new double[runs];
        var cpu = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (int k = 0; k < runs; k++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            action();
            wall[k] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            cpu[k] = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        }
        Array.Sort(wall);
        Array.Sort(cpu);
        return new Timing(wall[runs / 2], cpu[runs / 2], runs);
    }

    /// <summary>
    /// Every limit a time-to-solution run had — its iteration budget and its wall-time cap, when set — and which of them,
    /// if any, ended it (from the recorded stop reason), so that a row never hides a cap behind its budget.
    /// </summary>
    private static string Limits(JsonNode s)
    {
        var limits = new List<string>();
        if (s["iterationBudget"] is JsonNode budget) limits.Add($"{budget} iterations");
        if (s["wallCapMinutes"] is JsonNode cap) limits.Add($"{cap} min wall");
        if (limits.Count == 0) return "none";
        string? stop = s["stopReason"]?.GetValue<string>();
        string outcome = stop switch
        {
            "wall time" => "the wall cap ended it",
            "iterations" => "the iteration budget ended it",
            _ => limits.Count > 1 ? "neither reached" : "not reached",
        };
        return $"{string.Join(" + ", limits)} ({outcome})";
    }

    private static string F(JsonNode? node, string format = "F3") =>
        node is JsonValue v && v.TryGetValue(out double x) ? x.ToString(format, Inv) : "–";

    /// <summary>Issue 17's time-to-result figures in one place, each pointing at its section (machine and load are there).</summary>
    private static void TimeToResultSummary(StringBuilder md, JsonObject root)
    {
        string LoadAt(JsonNode? section, string when) => section?[when]?["loadAverage"]?.GetValue<string>()?.Split(' ')[0] ?? "?";
        string Load(JsonNode? section) => $"load {LoadAt(section, "machineAtStart")}, {section?["threads"]} thread(s), {section?["machineAtStart"]?["utc"]} UTC";
        // A time-to-solution run lasts many minutes: the load at its end says as much about its wall time as the start.
        string LoadSpan(JsonNode section) => $"load {LoadAt(section, "machineAtStart")} → {LoadAt(section, "machineAtEnd")}, {section["threads"]} thread(s), {section["machineAtStart"]?["utc"]} UTC";
        md.AppendLine("## Time to result at a glance (issue 17)");
        md.AppendLine();
        if (root["w2"]?["rows"] is JsonArray rows && rows.Any(r => r?["hfIterationFloorRatioWall"] is not null))
            md.AppendLine("- **Per-iteration cost vs the GEMM floor** (W2, one HF iteration with 50 CG steps, floor measured in the same run; section w2, "
                + Load(root["w2"]) + "): " + string.Join("; ", rows.Where(r => r?["hfIterationFloorRatioWall"] is not null)
                    .Select(r => $"{r?["backend"]} {r?["precision"]} **{F(r?["hfIterationFloorRatioWall"], "F2")}×** (GN product {F(r?["gaussNewtonFloorRatioWall"], "F2")}×)")) + "; goal ≤ 1.15×."
                + (root["w2"]?["note"] is JsonNode w2Note ? $" Note: {w2Note}" : ""));
        if (root["v1-fit"]?["runs"]?["preset"] is JsonObject preset)
        {
            var reached = preset["reached"];
            md.AppendLine(reached is null
                ? $"- **(a) Main job's V1 fit** (`neurornn fit` defaults, section v1-fit, row \"preset\"): held-out R² ≥ 0.90 not reached ({preset["stopReason"]})."
                : $"- **(a) Main job's V1 fit** (`neurornn fit` defaults, 1 thread as the CLI; section v1-fit, row \"preset\", load {preset["loadAverageAtStart"]?.GetValue<string>()?.Split(' ')[0]}): held-out R² ≥ 0.90 against the noise-free truth after {reached["iterations"]} iterations, **{F(reached["wallSeconds"], "F1")} s wall** ({F(reached["cpuSeconds"], "F1")} s CPU); goal ≤ 30 s.");
        }
        if (root["w2-time-to-mse"] is JsonObject mse)
        {
            double best(IEnumerable<JsonNode?> runs) => runs.Where(r => r?["reached"]?.GetValue<bool>() == true).Select(r => r!["wallSeconds"]!.GetValue<double>()).DefaultIfEmpty(double.NaN).Min();
            double hf = best((mse["runs"] as JsonObject)?.Select(x => x.Value) ?? []);
            double adam = best((mse["peer"]?["runs"] as JsonArray) ?? []);
            double cap = mse["peer"]?["secondsPerLearningRate"]?.GetValue<double>() ?? double.NaN;
            string verdict = double.IsNaN(hf) ? "HF did not reach it within its budget"
                : !double.IsNaN(adam) ? string.Create(Inv, $"HF {hf:F1} s, best Adam {adam:F1} s: **{adam / hf:F1}×**")
                : string.Create(Inv, $"HF {hf:F1} s; Adam did not reach it at any learning rate within {cap:F0} s: **≥ {LowerBound(cap / hf):F2}×** (a lower bound, set by the cap)");
            md.AppendLine($"- **(b) W2 to training MSE < 1e-3**, NeuroRnn HF vs PyTorch Adam (section w2-time-to-mse, {Load(mse)}): {verdict}; goal ≥ 3×.");
        }
        md.AppendLine($"- **(c) Mante task to the accuracy criterion, HF vs Adam**: [mante.md](mante.md) ({ManteComparison()}).");
        string[] pathological = ["w1", "w1-curriculum", "multiplication", "multiplication-curriculum", "temporal-order", "temporal-order-curriculum", "temporal-order-curriculum-gradient-rho", "xor", "xor-curriculum"];
        var present = pathological.Where(root.ContainsKey).ToList();
        if (present.Count > 0)
        {
            md.AppendLine("- **(d) Pathological problems at T = 100** (W1 model and HF settings; solved = < 1 % of 1,000 fixed test sequences wrong at T = 100):");
            md.AppendLine();
            md.AppendLine("| problem | curriculum (T from 30) | solved | HF iterations | wall s | CPU s | limits that applied | best test error | run |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (string name in present)
            {
                var s = root[name]!;
                string budget = Limits(s);
                md.AppendLine($"| {s["task"] ?? (name.StartsWith("w1") ? "addition" : name.Split("-curriculum")[0])} | {(name.Contains("curriculum") ? (name.EndsWith("gradient-rho") ? "yes (ρ on the gradient batch)" : "yes") : "no")} | {s["solved"]} | {s["iterations"]} | {F(s["wallSeconds"], "F0")} | {F(s["cpuSeconds"], "F0")} | {budget} | {F(s["bestTestErrorRate"], "P1")} | {LoadSpan(s)} |");
            }
            md.AppendLine();
            md.AppendLine("Rows without the curriculum train at T = 100 throughout and, unless solved, end at their limit (iteration budgets since 2026-12-07); " +
                "for scale, a peer MATLAB HF's own saved run of addition at T = 100 stayed at the mean predictor's loss for 260 HF iterations (benchmarks.md). " +
                "Iteration counts and solved/unsolved do not depend on the machine's load; wall seconds on a loaded machine are provisional (load at start → end " +
                "in the last column), CPU seconds (process time, recorded since 2026-12-07) much less so.");
        }
        md.AppendLine();
    }

    private static string Markdown(JsonObject root)
    {
        var md = new StringBuilder();
        md.AppendLine("# Hessian-free benchmarks (`dotnet run -c Release --project bench/NeuroRnn.Bench -- hf`)");
        md.AppendLine();
        md.AppendLine("Generated from `hf.json` (same folder) by the suite. Workloads: see `/work/shared/references/benchmarks.md` (W1 addition-100, W2 v1-fit-200).");
        md.AppendLine();
        md.AppendLine("Each section records the machine's load average at its start and end (2 cores in total) and its back-end thread");
        md.AppendLine("count. A load average near 2 with 2 threads, or near 1–2 with 1 thread, is a quiet machine; higher loads mean other");
        md.AppendLine("jobs shared the cores and wall times are upper bounds (with 2 OpenMP threads on an oversubscribed machine MKL's");
        md.AppendLine("spin-waiting made products up to 60× slower, so loaded runs use 1 thread). Process-CPU times are given next to wall");
        md.AppendLine("times (with 2 threads they add both cores' time). Sections marked \"quick\" are reduced runs; time-to-solution runs have");
        md.AppendLine("an iteration budget and/or a wall-time cap (see each section). Time-to-solution runs with 1 thread ran while another 1-thread run used the");
        md.AppendLine("other core.");
        md.AppendLine();
        TimeToResultSummary(md, root);
        foreach (var (name, node) in root)
        {
            if (node is not JsonObject s) continue;
            md.AppendLine($"## {name} ({s["mode"]}, {s["threads"]} back-end thread(s){(s["forcedBatchParts"] is JsonNode forced ? $", every recurrent loop in {forced} batch part(s) (--parts)" : "")})");
            md.AppendLine();
            md.AppendLine($"Machine: {s["machineAtStart"]?["cpu"]}, {s["machineAtStart"]?["logicalCores"]} logical cores; load average at start `{s["machineAtStart"]?["loadAverage"]}`, at end `{s["machineAtEnd"]?["loadAverage"]}` ({s["machineAtStart"]?["utc"]} UTC). Peak working set {F(s["peakWorkingSetMiB"], "F0")} MiB.");
            md.AppendLine();
            // A section's note records what happened to its numbers after the run (e.g. a reverted engine change).
            if (s["note"] is JsonNode sectionNote)
            {
                md.AppendLine($"**Note:** {sectionNote}");
                md.AppendLine();
            }
            switch (name)
            {
                case "w1-kernels":
                    md.AppendLine($"Back-end: {s["backend"]}");
                    md.AppendLine();
                    md.AppendLine("| measure | NeuroRnn wall (s) | NeuroRnn CPU (s) | PyTorch 1.13 | numpy HF | MATLAB HF (Octave) |");
                    md.AppendLine("|---|---|---|---|---|---|");
                    md.AppendLine($"| W1 GN product (batch 400) | {F(s["gaussNewtonProductBatch400"]?["medianWallSeconds"])} | {F(s["gaussNewtonProductBatch400"]?["medianCpuSeconds"])} | 0.178 | 0.152 | 2.23 |");
                    md.AppendLine($"| W1 gradient (batch 2,000) | {F(s["gradientBatch2000"]?["medianWallSeconds"])} | {F(s["gradientBatch2000"]?["medianCpuSeconds"])} | – | – | – |");
                    md.AppendLine($"| W1 HF iteration ({s["cgStepsInTimedIteration"]} CG) | {F(s["hfIteration50Cg"]?["medianWallSeconds"], "F2")} | {F(s["hfIteration50Cg"]?["medianCpuSeconds"], "F2")} | 31.4 | 2.94 | 160.9 |");
                    md.AppendLine();
                    md.AppendLine("Our HF iteration is 50 GN products plus a gradient, CG backtracking and the line search (≈ 52 × the GN product plus");
                    md.AppendLine("≈ 0.6 s). The numpy peer's iteration (2.94 s) is shorter than 50 of its own GN products (50 × 0.152 s = 7.6 s), so it");
                    md.AppendLine("cannot have run 50 products on the batch of 400; per product we are 1.8× faster.");
                    break;
                case "w2":
                    md.AppendLine("| back-end / precision | gradient (s) | GN product (s) | gradient GFLOP/s (fraction of GEMM floor) | GN GFLOP/s (fraction) | raw dgemm GFLOP/s step / batched | HF iteration, 50 CG: wall (CPU) s |");
                    md.AppendLine("|---|---|---|---|---|---|---|");
                    if (s["rows"] is JsonArray rows)
                        foreach (var r in rows)
                            md.AppendLine($"| {r?["backend"]} {r?["precision"]} ({r?["threads"]} threads) | {F(r?["gradientSeconds"])} | {F(r?["gaussNewtonSeconds"])} | {F(r?["gradientGflopPerSecond"], "F1")} ({F(r?["gradientFractionOfGemmFloor"], "F2")}) | {F(r?["gaussNewtonGflopPerSecond"], "F1")} ({F(r?["gaussNewtonFractionOfGemmFloor"], "F2")}) | {F(r?["rawStepGemmGflopPerSecond"], "F1")} / {F(r?["rawBatchedGemmGflopPerSecond"], "F1")} | {F(r?["hfIteration50Cg"]?["medianWallSeconds"], "F2")} ({F(r?["hfIteration50Cg"]?["medianCpuSeconds"], "F2")}) |");
                    md.AppendLine();
                    if (s["rows"] is JsonArray ratioRows && ratioRows.Any(r => r?["hfIterationFloorRatioWall"] is not null))
                    {
                        md.AppendLine("Time / GEMM-bound floor measured in the same run (goal ≤ 1.15 for the HF iteration). The floor is the raw GEMM time of the");
                        md.AppendLine("same shapes with the same threads (step products 200×200·200×96, batched products over all T·B columns); the HF");
                        md.AppendLine("iteration's floor is its CG products + one gradient + one forward pass (the loss ρ needs); everything else counts against it.");
                        md.AppendLine();
                        md.AppendLine("| back-end / precision | HF iteration wall / floor | GN product wall / floor | gradient wall / floor | HF iteration CPU / CPU floor | iteration floor wall (s) | GN product unsplit / split into parts (median wall ms, same run, interleaved) |");
                        md.AppendLine("|---|---|---|---|---|---|---|");
                        foreach (var r in ratioRows)
                            md.AppendLine($"| {r?["backend"]} {r?["precision"]} ({r?["threads"]} threads) | **{F(r?["hfIterationFloorRatioWall"], "F2")}** | {F(r?["gaussNewtonFloorRatioWall"], "F2")} | {F(r?["gradientFloorRatioWall"], "F2")} | {F(r?["hfIterationFloorRatioCpu"], "F2")} | {F(r?["hfIterationFloorWallSeconds"], "F2")} | {(r?["gaussNewtonUnsplitMedianWallSeconds"] is JsonNode before ? $"{(before.GetValue<double>() * 1e3).ToString("F1", Inv)} / {(r!["gaussNewtonSplitMedianWallSeconds"]!.GetValue<double>() * 1e3).ToString("F1", Inv)} ({r?["batchParts"]} parts){(r?["defaultBatchParts"] is JsonNode d ? $"; default {d} part(s)" : "; default unsplit")}" : "–")} |");
                        md.AppendLine();
                    }
                    md.AppendLine("Peers on this machine (benchmarks.md, unloaded): W2 gradient 0.103 s (PyTorch), 0.119 s (numpy HF), 1.03 s (MATLAB/Octave), floor ≈ 0.03 s;");
                    md.AppendLine("GN product 0.167 / 0.090 / 0.99 s, floor ≈ 0.04 s; HF iteration with 50 CG 30.3 / 5.28 / 53.5 s, floor ≈ 2.3 s; float32 14.6 / 3.10 s, floor ≈ 1.2 s.");
                    break;
                case "w1-curriculum" or "multiplication-curriculum" or "temporal-order-curriculum" or "temporal-order-curriculum-gradient-rho" or "xor-curriculum":
                    md.AppendLine($"{s["settings"]}. Limits: {Limits(s)}. **Not the benchmark's protocol**, which trains at T = 100 throughout (see the section without \"-curriculum\").");
                    md.AppendLine();
                    md.AppendLine($"Solved at T = 100 (< 1 % of the 1,000 test sequences wrong): **{s["solved"]}** after {s["iterations"]} HF iterations, {F(s["wallSeconds"], "F0")} s wall{(s["cpuSeconds"] is null ? "" : $" ({F(s["cpuSeconds"], "F0")} s CPU)")}; best test error {F(s["bestTestErrorRate"], "P1")}; stopped: {s["stopReason"]}.");
                    if (s["stages"] is JsonArray stageList && stageList.Count > 0)
                        md.AppendLine("Lengths solved on the way (iteration, elapsed s): " + string.Join("; ", stageList.Select(x => $"T = {x?["solvedLength"]} ({x?["iteration"]}, {F(x?["elapsedSeconds"], "F0")})")) + ".");
                    break;
                case "w1" or "multiplication" or "temporal-order" or "xor":
                    md.AppendLine($"{s["settings"]}. Limits: {Limits(s)}.");
                    md.AppendLine();
                    md.AppendLine($"Solved (< 1 % of 1,000 test sequences wrong): **{s["solved"]}** after {s["iterations"]} HF iterations, {F(s["wallSeconds"], "F0")} s wall{(s["cpuSeconds"] is null ? "" : $" ({F(s["cpuSeconds"], "F0")} s CPU)")}; best test error {F(s["bestTestErrorRate"], "P1")}; stopped: {s["stopReason"]}.");
                    if (name == "w1") md.AppendLine("Peers: none solved W1 within 600 s (they trained on a fixed set; see benchmarks.md).");
                    break;
                case "w2-time-to-mse":
                    W2TimeToMseMarkdown(md, s);
                    break;
                case "v1-fit":
                    V1FitMarkdown(md, s);
                    break;
                case "mante":
                    md.AppendLine($"{s["settings"]}. Wall-time cap {s["wallCapMinutesPerOptimizer"]} min per optimizer.");
                    md.AppendLine();
                    md.AppendLine($"The highest coherence is easy at these settings: an ideal observer of the relevant stream is right on {F(s["idealObserverOverallAccuracy"], "P1")} of all trials (and ≈ 100 % at the highest coherence), so the overall accuracy column is the more telling one.");
                    md.AppendLine();
                    md.AppendLine("| optimizer | reached ≥ 95 % at highest coherence | iterations | wall (s) | best accuracy at highest coherence | overall accuracy | stop |");
                    md.AppendLine("|---|---|---|---|---|---|---|");
                    if (s["runs"] is JsonObject runs)
                        foreach (var (optimizer, r) in runs)
                            md.AppendLine($"| {optimizer} | {r?["reached95PercentAtHighestCoherence"]} | {r?["iterations"]} | {F(r?["wallSeconds"], "F0")} | {F(r?["bestAccuracyAtHighestCoherence"], "P1")} | {F(r?["overallAccuracy"], "P1")} | {r?["stopReason"]} |");
                    break;
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>HF vs Adam on the Mante task, read from the committed mante.json (the mante suite's run, not rerun here).</summary>
    private static string ManteComparison()
    {
        if (BenchResults.ReadCommitted("mante.json") is not { } mante) return "mante.json not found: run the mante suite";
        var training = mante["training"];
        string Describe(string name, JsonNode? run, string unit) => run is null ? $"{name}: not run"
            : run["reachedCriterion"]?.GetValue<bool>() == true
                ? string.Create(Inv, $"{name} reached the criterion after {run["iterationsToCriterion"]} {unit} ({run["secondsToCriterion"]!.GetValue<double>():F0} s, load {run["loadAverageAtStart"]?.GetValue<string>()?.Split(' ')[0]})")
                : string.Create(Inv, $"{name} did not reach it in {run["iterations"]} {unit} / {run["wallSeconds"]!.GetValue<double>() / 60:F0} min (best test accuracy {run["bestTestAccuracy"]!.GetValue<double>():P1})");
        return $"{Describe("HF", training?["hf"], "iterations")}; {Describe("Adam", training?["adam"], "steps")}";
    }
}
