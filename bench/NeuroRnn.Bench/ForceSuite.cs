using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Bench;

/// <summary>
/// Time per training run of full-FORCE against Hessian-free (and FORCE) on one small task: ready-set-go interval
/// reproduction (<see cref="IntervalReproduction"/>, delays 40/60/80/100 steps, N = 100, τ = 10 steps) — each optimizer
/// trains the same network until the normalised error of the four trained conditions, simulated by the rate-RNN engine,
/// is below the criterion, or until its wall-time cap. Also reported: the error on three delays held out of training
/// (50, 70, 90). Results go to bench/results/force.json; force.md is generated from it.
/// Usage: <c>force [--quick] [--minutes M] [--threads K] [--units N]</c>.
/// </summary>
internal static class ForceSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const double Criterion = 0.02;
    private static readonly int[] TrainDelays = [40, 60, 80, 100], HeldOutDelays = [50, 70, 90];

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        double minutes = quick ? 1 : 5;
        int threads = 1, units = 100;
        for (int i = 0; i < args.Length; i++)
        {
            bool ok = args[i] switch
            {
                "--quick" => true,
                "--minutes" => ++i < args.Length && double.TryParse(args[i], Inv, out minutes) && minutes > 0,
                "--threads" => ++i < args.Length && int.TryParse(args[i], Inv, out threads) && threads >= 1,
                "--units" => ++i < args.Length && int.TryParse(args[i], Inv, out units) && units >= 2,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: force [--quick] [--minutes M (positive)] [--threads K (≥ 1)] [--units N (≥ 2)]");
                return 2;
            }
        }
        if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(threads);
        var start = BenchResults.Machine();
        var runs = new JsonArray();
        var budget = TimeSpan.FromMinutes(minutes);
        foreach (var method in new[] { "full-force+hint", "full-force", "force", "hf" })
        {
            var run = RunOne(method, units, budget);
            Console.WriteLine($"   {method}: {(bool)run["solved"]! switch { true => "solved", false => "not solved" }} after {run["iterations"]} iterations, " +
                              $"{(double)run["wallSeconds"]!:F1} s wall; best error {(double)run["bestError"]!:G3}, held-out {(double)run["heldOutError"]!:G3}");
            runs.Add(run);
        }
        var root = new JsonObject
        {
            ["task"] = $"ready-set-go interval reproduction, delays {string.Join("/", TrainDelays)} steps (held out: {string.Join("/", HeldOutDelays)}), dt = 1, τ = 10 steps",
            ["units"] = units, ["criterion"] = Criterion, ["wallCapMinutes"] = minutes, ["mode"] = quick ? "quick" : "full", ["threads"] = threads,
            ["backend"] = NumericsBackend.Current.Description, ["machineAtStart"] = start, ["machineAtEnd"] = BenchResults.Machine(), ["runs"] = runs,
        };
        string dir = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(dir);
        BenchResults.WriteJson(Path.Combine(dir, "force.json"), root);
        File.WriteAllText(Path.Combine(dir, "force.md"), Markdown(root));
        Console.WriteLine($"   written to {Path.Combine(dir, "force.json")} and force.md");
        return 0;
    }

    private static JsonObject RunOne(string method, int units, TimeSpan budget)
    {
        bool hint = method == "full-force+hint";
        var train = IntervalReproduction.Targets(TrainDelays, hint);
        var heldOut = IntervalReproduction.Targets(HeldOutDelays, withHint: false).Trials;
        var model = new RateRnn(new RateRnnOptions { UnitCount = units, InputCount = 1, OutputCount = 1, Dt = 1, Tau = 10, Gain = 1.5, InputWeightStd = 1, Seed = 1 });
        var objective = new RnnObjective(model, null, NumericsBackend.Current);
        var run = new TrainingRun
        {
            Iterations = 100_000,
            Validate = _ => NormalisedError(model, train.Trials),
            StopWhen = s => s.Validation < Criterion,
            MaxWallTime = budget,
        };
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = method switch
        {
            "full-force+hint" or "full-force" => new FullForceTrainer().Train(objective, train, run),
            "force" => new ForceTrainer().Train(objective, TrainingData.Fixed(train.Trials, train.ConditionCount), run),
            _ => new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 100 })
                .Train(objective, TrainingData.Fixed(train.Trials, train.ConditionCount), run),
        };
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        model.SetParameters(result.BestParameters);
        return new JsonObject
        {
            ["method"] = method,
            ["optimizerOptions"] = method.StartsWith("full", StringComparison.Ordinal) ? "FullForceOptions defaults (α = 1, update every 2 steps, J^D gain 1.5), hint scale 5"
                : method == "force" ? "ForceOptions defaults (α = 1, update every 2 steps)" : "HessianFreeOptions with λ0 = 0.1, CG cap 100; batch = the 4 conditions",
            ["solved"] = result.StopReason.Kind == StopKind.StopCondition,
            ["iterations"] = result.Statistics.Count,
            ["wallSeconds"] = wall,
            ["cpuSeconds"] = cpuSeconds,
            ["secondsPerIteration"] = result.Statistics.Count == 0 ? 0 : result.Statistics.Average(s => s.Seconds),
            ["bestError"] = result.BestValidation ?? double.NaN,
            ["heldOutError"] = NormalisedError(model, heldOut),
            ["stopReason"] = result.StopReason.Description,
        };
    }

    /// <summary>Σ(y − target)² / Σ target² over the trials' outputs, simulated by the rate-RNN engine.</summary>
    private static double NormalisedError(RateRnn model, Trials.TrialBatch trials)
    {
        var y = model.Run(trials).Outputs;
        double error = 0, power = 0;
        for (int k = 0; k < y.Length; k++)
        {
            error += (y[k] - trials.Targets[k]) * (y[k] - trials.Targets[k]);
            power += trials.Targets[k] * trials.Targets[k];
        }
        return error / power;
    }

    private static string Markdown(JsonObject root)
    {
        string F(JsonNode? node, string format) => node is JsonValue v && v.TryGetValue(out double x) && double.IsFinite(x) ? x.ToString(format, Inv) : "–";
        var md = new StringBuilder();
        md.AppendLine("# full-FORCE vs Hessian-free: time per training run (`dotnet run -c Release --project bench/NeuroRnn.Bench -- force`)");
        md.AppendLine();
        md.AppendLine("Generated from `force.json` (same folder) by the suite. **Provisional timings**: taken on a shared, loaded machine");
        md.AppendLine("(load average below); the lead re-times on a quiet machine. The errors do not depend on the load.");
        md.AppendLine();
        md.AppendLine($"Task: {root["task"]}; N = {root["units"]} units, the same initial network (gain 1.5, seed 1) for every optimizer. Each run stops when the");
        md.AppendLine($"normalised error Σ(y − f)²/Σf² of the trained conditions, simulated by the rate-RNN engine, is below {F(root["criterion"], "G3")}, or after");
        md.AppendLine($"{F(root["wallCapMinutes"], "G3")} min of wall time. \"held out\": the best parameters on delays never trained. Mode {root["mode"]}, {root["threads"]} back-end thread(s), {root["backend"]}.");
        md.AppendLine();
        md.AppendLine($"Load average at start `{root["machineAtStart"]?["loadAverage"]}`, at end `{root["machineAtEnd"]?["loadAverage"]}` ({root["machineAtStart"]?["cpu"]}, {root["machineAtStart"]?["logicalCores"]} logical cores).");
        md.AppendLine();
        md.AppendLine("| optimizer | solved | iterations | wall (s) | CPU (s) | s / iteration | best error (trained delays) | error on held-out delays | stopped |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var run in root["runs"]!.AsArray())
            md.AppendLine($"| {run!["method"]} | {run["solved"]} | {run["iterations"]} | {F(run["wallSeconds"], "F1")} | {F(run["cpuSeconds"], "F1")} | {F(run["secondsPerIteration"], "F3")} | {F(run["bestError"], "G3")} | {F(run["heldOutError"], "G3")} | {run["stopReason"]} |");
        md.AppendLine();
        md.AppendLine("An iteration is one pass over the 4 conditions with RLS updates every 2 steps (full-FORCE, FORCE) or one HF step with up to");
        md.AppendLine("100 CG iterations on the same 4 trials. full-FORCE+hint is trained with the ramp hint (hint scale 5); the others see only the output.");
        return md.ToString();
    }
}
