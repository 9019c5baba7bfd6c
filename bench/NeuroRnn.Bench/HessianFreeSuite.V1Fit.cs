using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;

namespace NeuroRnn.Bench;

/// <summary>
/// Time to result of the main job's fit (issue 17): <c>neurornn fit --data data/v1-gratings.npz --units 200</c> trained
/// with one Hessian-free configuration after another, each scored after every iteration by its held-out trial-averaged
/// R² against the generator's noise-free truth (what <c>--truth</c> reports). A run stops once R² ≥ 0.90 or after its
/// iteration cap. Reported: iterations, CG steps, process-CPU and wall seconds of training up to that point (the R²
/// scoring itself is excluded from both), so the configurations compare by work done even on a loaded machine.
/// </summary>
internal static partial class HessianFreeSuite
{
    /// <summary>The target of the main job: held-out trial-averaged R² against the noise-free truth.</summary>
    private const double V1TargetR2 = 0.90;

    /// <summary>The fit options of each configuration, by name ("preset": <see cref="RecordingFitOptions"/>' defaults).</summary>
    private static readonly Dictionary<string, Func<RecordingFitOptions, RecordingFitOptions>> V1Configurations = new()
    {
        // The configuration of the main job before issue 17 (the CLI's --max-cg 100 on λ₀ = 0.01).
        ["before (CG ≤ 100)"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 100, InitialLambda = 0.01 } },
        ["CG ≤ 50"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 50, InitialLambda = 0.01 } },
        ["CG ≤ 25"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 25, InitialLambda = 0.01 } },
        ["preconditioner, CG ≤ 100"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 100, InitialLambda = 0.01, UsePreconditioner = true } },
        ["float32, CG ≤ 100"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 100, InitialLambda = 0.01 }, Network = o.Network with { Precision = RnnPrecision.Float32 } },
        ["float32, CG ≤ 50"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 50, InitialLambda = 0.01 }, Network = o.Network with { Precision = RnnPrecision.Float32 } },
        ["CG ≤ 250"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 250, InitialLambda = 0.01 } },
        ["preconditioner, CG ≤ 250"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 250, InitialLambda = 0.01, UsePreconditioner = true } },
        ["float32, preconditioner, CG ≤ 250"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 250, InitialLambda = 0.01, UsePreconditioner = true }, Network = o.Network with { Precision = RnnPrecision.Float32 } },
        ["float32, CG ≤ 250"] = o => o with { Optimizer = o.Optimizer with { MaxCgIterations = 250, InitialLambda = 0.01 }, Network = o.Network with { Precision = RnnPrecision.Float32 } },
        ["preset"] = o => o,
    };

    /// <param name="only">Configurations to run (all when empty).</param>
    /// <param name="maxIterations">Iteration cap of each run.</param>
    /// <param name="save">Called with the section after every configuration, so a long series keeps what it has measured.</param>
    private static JsonObject V1Fit(IReadOnlyList<string> only, int maxIterations, Action<JsonObject> save)
    {
        var recording = ShippedV1.Read();
        var truth = ShippedV1.Truth();
        var runs = new JsonObject();
        var section = new JsonObject
        {
            ["settings"] = $"data/v1-gratings.npz (seed 1), N = 200, unit read-out, condition-average training batch; R² target {V1TargetR2} against the noise-free twin; cap {maxIterations} HF iterations; 1 back-end thread as the CLI",
            ["runs"] = runs,
        };
        foreach (var (name, configure) in V1Configurations)
        {
            if (only.Count > 0 && !only.Contains(name)) continue;
            var options = configure(new RecordingFitOptions()) with { Iterations = maxIterations };
            Console.WriteLine($"   {name}: {Describe(options)}");
            runs[name] = V1Run(recording, truth, options);
            save(section);
        }
        return section;
    }

    private static string Describe(RecordingFitOptions o) => string.Create(Inv,
        $"{o.Network.Precision}, λ₀ {o.Optimizer.InitialLambda}, CG {o.Optimizer.MinCgIterations}–{o.Optimizer.MaxCgIterations}, preconditioner {o.Optimizer.UsePreconditioner}");

    private static JsonObject V1Run(Recording recording, Recording truth, RecordingFitOptions options)
    {
        var dataset = RecordingFitter.Prepare(recording, options);
        var model = new RateRnn(RecordingFitter.NetworkOptions(dataset, options));
        var objective = new RnnObjective(model, options.Loss, NumericsBackend.Current);
        var trainer = new HessianFreeTrainer(options.Optimizer);
        static double Cpu() => RnnKernelsBench.ProcessCpuSeconds();
        double scoringCpu = 0, scoringWall = 0;
        int cg = 0;
        var curve = new JsonArray();
        JsonObject? reached = null;
        double cpuStart = Cpu();
        long wallStart = Stopwatch.GetTimestamp();
        var run = new TrainingRun
        {
            Iterations = options.Iterations,
            StopWhen = s =>
            {
                cg += (s.Details as HessianFreeStepDetails)?.CgIterations ?? 0;
                double c0 = Cpu();
                long w0 = Stopwatch.GetTimestamp();
                var empty = new TrainingResult(new HessianFreeState(0, 1, []), [], [], null, [], StopReason.IterationsCompleted);
                double r2 = new RecordingFitResult(options, dataset, model, empty, 0, "").ScoreAgainstTruth(truth).Overall;
                scoringCpu += Cpu() - c0;
                scoringWall += Stopwatch.GetElapsedTime(w0).TotalSeconds;
                double cpu = Cpu() - cpuStart - scoringCpu, wall = Stopwatch.GetElapsedTime(wallStart).TotalSeconds - scoringWall;
                curve.Add(new JsonObject { ["iteration"] = s.Iteration + 1, ["loss"] = s.LossAfter, ["r2VsTruth"] = Math.Round(r2, 5), ["cg"] = cg, ["cpuSeconds"] = Math.Round(cpu, 2), ["wallSeconds"] = Math.Round(wall, 2) });
                Console.WriteLine(string.Create(Inv, $"      it {s.Iteration + 1,3}: loss {s.LossAfter:E3} R² {r2:F4} CG {cg,5} CPU {cpu,6:F1} s wall {wall,6:F1} s{(s.Accepted ? "" : " (rejected)")}"));
                if (r2 >= V1TargetR2 && reached is null)
                    reached = new JsonObject { ["iterations"] = s.Iteration + 1, ["cgSteps"] = cg, ["cpuSeconds"] = Math.Round(cpu, 2), ["wallSeconds"] = Math.Round(wall, 2), ["r2VsTruth"] = Math.Round(r2, 4) };
                return reached is not null;
            },
        };
        string loadStart = BenchResults.LoadAverage();
        string utcStart = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var result = trainer.Train(objective, TrainingData.Fixed(dataset.TrainBatch, dataset.TrainBatch.BatchSize), run);
        return new JsonObject
        {
            ["options"] = Describe(options),
            ["reached"] = reached,
            ["stopReason"] = result.StopReason.Description,
            ["iterationCap"] = options.Iterations,
            ["utcAtStart"] = utcStart,
            ["loadAverageAtStart"] = loadStart,
            ["loadAverageAtEnd"] = BenchResults.LoadAverage(),
            ["curve"] = curve,
        };
    }

    /// <summary>The 1-minute load average of a recorded /proc/loadavg line ("?" when absent).</summary>
    private static string FirstField(JsonNode? loadAverage) => loadAverage?.GetValue<string>().Split(' ')[0] ?? "?";

    /// <summary>The v1-fit section of hf.md: one row per configuration, CPU seconds relative to the configuration before issue 17.</summary>
    private static void V1FitMarkdown(System.Text.StringBuilder md, JsonObject s)
    {
        md.AppendLine($"{s["settings"]}.");
        md.AppendLine();
        md.AppendLine("Time to held-out trial-averaged R² ≥ 0.90 against the noise-free truth (the R² scoring after every iteration is");
        md.AppendLine("excluded). **CPU seconds** of the process (1 back-end thread) are the comparable measure on this shared machine: on an");
        md.AppendLine("idle core wall ≈ CPU; the wall column shows how loaded the machine was. The rows ran at different times (one");
        md.AppendLine("configuration or a few per process; the machine line above is the last process's): each row's own load average at");
        md.AppendLine("its start and end (1-minute figure) is in its last column.");
        md.AppendLine();
        md.AppendLine("| configuration | options | R² ≥ 0.90 after iteration | CG steps | CPU s | CPU vs before | wall s | R² at the cap / stop | load at start → end |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        if (s["runs"] is not JsonObject runs) return;
        double? before = runs["before (CG ≤ 100)"]?["reached"]?["cpuSeconds"]?.GetValue<double>();
        foreach (var (name, r) in runs.OrderBy(x => x.Value?["reached"]?["cpuSeconds"]?.GetValue<double>() ?? double.MaxValue))
        {
            var reached = r?["reached"];
            var last = r?["curve"] is JsonArray curve && curve.Count > 0 ? curve[^1] : null;
            double? cpu = reached?["cpuSeconds"]?.GetValue<double>();
            string ratio = cpu is { } c && before is { } b && b > 0 ? (c / b).ToString("F2", Inv) + "×" : "–";
            string load = $"{FirstField(r?["loadAverageAtStart"])} → {FirstField(r?["loadAverageAtEnd"])}{(r?["utcAtStart"] is JsonNode utc ? $" ({utc} UTC)" : "")}";
            md.AppendLine(reached is null
                ? $"| {name} | {r?["options"]} | not reached | {last?["cg"]} | {F(last?["cpuSeconds"], "F1")} | – | {F(last?["wallSeconds"], "F0")} | {F(last?["r2VsTruth"], "F3")} after {last?["iteration"]} ({r?["stopReason"]}) | {load} |"
                : $"| {name} | {r?["options"]} | **{reached["iterations"]}** | {reached["cgSteps"]} | **{F(reached["cpuSeconds"], "F1")}** | {ratio} | {F(reached["wallSeconds"], "F0")} | {F(reached["r2VsTruth"], "F3")} | {load} |");
        }
    }
}
