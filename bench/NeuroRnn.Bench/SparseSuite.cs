using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Charts;
using NeuroRnn.Experiments;
using NeuroRnn.Numerics;

namespace NeuroRnn.Bench;

/// <summary>
/// The Salatiello &amp; Giese (2020) experiment (<see cref="SparseRecordingExperiment"/>): embedders trained with full-FORCE
/// and with Hessian-free on the reaching circuit's muscles, output-only or with hints from 1–100 % of its units; SVCCA
/// (5 components) with all circuit units and normalised output error on training and held-out reach conditions, time
/// per training run. Results go to bench/results/sparse-recordings.json; sparse-recordings.md is generated from it.
/// Usage: <c>sparse [--quick] [--seeds K] [--units N] [--threads T] [--out NAME] [--only OPTIMIZER] [--set name=value …]</c>
/// (<c>--set</c> overrides an embedder setting for calibration runs), or <c>sparse --render [NAME]</c> to redraw the figures of NAME.json.
/// </summary>
internal static class SparseSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        if (args.Length >= 1 && args[0] == "--render")
            return Render(args.Length >= 2 ? args[1] : "sparse-recordings");
        int seeds = quick ? 1 : 3, units = 200, threads = 1;
        string name = "sparse-recordings";
        var embedder = new EmbedderOptions();
        var optimizers = new List<EmbedderOptimizer> { EmbedderOptimizer.FullForce, EmbedderOptimizer.HessianFree };
        for (int i = 0; i < args.Length; i++)
        {
            bool ok = args[i] switch
            {
                "--quick" => true,
                "--seeds" => ++i < args.Length && int.TryParse(args[i], Inv, out seeds) && seeds >= 1,
                "--units" => ++i < args.Length && int.TryParse(args[i], Inv, out units) && units >= 2,
                "--threads" => ++i < args.Length && int.TryParse(args[i], Inv, out threads) && threads >= 1,
                "--out" => ++i < args.Length && (name = args[i]).Length > 0,
                "--set" => ++i < args.Length && Set(ref embedder, args[i]),
                "--only" => ++i < args.Length && Enum.TryParse(args[i], true, out EmbedderOptimizer only) && (optimizers = [only]).Count == 1,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: sparse [--quick] [--seeds K (≥ 1)] [--units N (≥ 2)] [--threads T (≥ 1)] [--out NAME] [--only FullForce|HessianFree|Adam]");
                return 2;
            }
        }
        if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(threads);
        var options = new SparseRecordingOptions
        {
            Seeds = Enumerable.Range(1, seeds).ToArray(),
            Optimizers = optimizers,
            Fractions = quick ? [0.02, 0.1, 1.0] : [0.01, 0.02, 0.05, 0.10, 0.20, 1.0],
            Embedder = embedder with { UnitCount = units },
        };
        var start = BenchResults.Machine();
        var result = SparseRecordingExperiment.Run(options, row => Console.WriteLine(string.Create(Inv,
            $"   {row.Optimizer} seed {row.Seed} fraction {row.Fraction:G3} ({row.SampledUnits} units): SVCCA {row.Svcca:F3} / held-out {row.HeldOutSvcca:F3}, " +
            $"output error {row.OutputError:G3} / held-out {row.HeldOutOutputError:G3}, {row.Iterations} iterations in {row.TrainSeconds:F1} s ({row.StopReason})")));
        var runs = new JsonArray();
        foreach (var r in result.Runs)
            runs.Add(new JsonObject
            {
                ["optimizer"] = r.Optimizer.ToString(), ["fraction"] = r.Fraction, ["sampledUnits"] = r.SampledUnits, ["seed"] = r.Seed,
                ["svcca"] = r.Svcca, ["heldOutSvcca"] = r.HeldOutSvcca, ["outputError"] = r.OutputError, ["heldOutOutputError"] = r.HeldOutOutputError,
                ["trainSeconds"] = r.TrainSeconds, ["iterations"] = r.Iterations, ["stopReason"] = r.StopReason,
            });
        var summaries = new JsonArray();
        foreach (var s in result.Summaries)
            summaries.Add(new JsonObject
            {
                ["optimizer"] = s.Optimizer.ToString(), ["fraction"] = s.Fraction, ["sampledUnits"] = s.SampledUnits, ["runs"] = s.Runs,
                ["svcca"] = s.Svcca, ["svccaStd"] = s.SvccaStd, ["heldOutSvcca"] = s.HeldOutSvcca, ["heldOutSvccaStd"] = s.HeldOutSvccaStd,
                ["outputError"] = s.OutputError, ["heldOutOutputError"] = s.HeldOutOutputError, ["heldOutOutputErrorStd"] = s.HeldOutOutputErrorStd,
                ["trainSeconds"] = s.TrainSeconds,
            });
        var e = options.Embedder;
        var root = new JsonObject
        {
            ["circuit"] = $"ReachingCircuit defaults: {options.Circuit.Units} units, {options.Circuit.Muscles} muscles, trained reaches {string.Join("/", options.Circuit.DirectionsDeg)}°, held out {string.Join("/", options.HeldOutDirectionsDeg)}°, {options.Circuit.BinMs} ms bins, 140 bins per trial",
            ["embedder"] = string.Create(Inv, $"N = {e.UnitCount} {e.Nonlinearity} units, τ = {e.TauMs} ms, Dt = bin, gain {e.Gain}, input std {e.InputWeightStd}; hints normalised to [−1, 1], hint scale {e.HintScale} (full-FORCE), hint weight {e.HintWeight} (HF)"),
            ["fullForce"] = string.Create(Inv, $"{e.FullForcePasses} passes, α = {e.FullForce.Regularization}, update every {e.FullForce.UpdateInterval} steps, J^D gain {e.FullForce.TargetGain}"),
            ["hessianFree"] = string.Create(Inv, $"{e.HessianFreeIterations} iterations, λ0 = {e.HessianFree.InitialLambda}, ≤ {e.HessianFree.MaxCgIterations} CG steps, batch = the 8 training conditions"),
            ["timeLimitSeconds"] = e.TimeLimit?.TotalSeconds,
            ["svccaComponents"] = options.SvccaComponents,
            ["populationCeiling"] = result.PopulationCeiling, ["heldOutPopulationCeiling"] = result.HeldOutPopulationCeiling,
            ["untrainedSvcca"] = result.UntrainedSvcca, ["heldOutUntrainedSvcca"] = result.HeldOutUntrainedSvcca,
            ["circuitVarianceExplained"] = result.CircuitVarianceExplained,
            ["mode"] = quick ? "quick" : "full", ["threads"] = threads,
            ["backend"] = NumericsBackend.Current.Description, ["machineAtStart"] = start, ["machineAtEnd"] = BenchResults.Machine(),
            ["summaries"] = summaries, ["runs"] = runs,
        };
        string dir = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(dir);
        BenchResults.WriteJson(Path.Combine(dir, name + ".json"), root);
        File.WriteAllText(Path.Combine(dir, name + ".md"), Markdown(root, result, name));
        Console.WriteLine($"   written to {Path.Combine(dir, name + ".json")} and {name}.md");
        return Render(name);
    }

    /// <summary>
    /// Draws the figures of a results file (<c>NAME.json</c> in bench/results) into <c>NAME.html</c> with the chart builders
    /// (plotly.js from its CDN): SVCCA on trained and on held-out reaches and held-out muscle error against the sampled
    /// fraction, one series per optimizer, output-only embedders dashed. <c>sparse --render [NAME]</c> redraws without training.
    /// </summary>
    private static int Render(string name)
    {
        string dir = BenchResults.ResultsDirectory();
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name + ".json")))!;
        var summaries = root["summaries"]!.AsArray().Select(n => n!).ToArray();
        var optimizers = summaries.Select(n => (string)n["optimizer"]!).Distinct().ToArray();
        var fractions = summaries.Select(n => (double)n["fraction"]!).Where(f => f > 0).Distinct().Order().ToArray();
        JsonNode? Cell(string optimizer, double fraction) => summaries.FirstOrDefault(n => (string)n["optimizer"]! == optimizer && (double)n["fraction"]! == fraction);
        double Get(JsonNode? n, string key) => n?[key] is JsonValue v && v.TryGetValue(out double x) ? x : double.NaN;
        Figure Curves(string key, string? spread, string title, string yTitle, (string, double)[] references) =>
            NeuroCharts.FractionCurves(fractions.Select(f => 100 * f).ToArray(),
                optimizers.Select(o => (IReadOnlyList<double>)fractions.Select(f => Get(Cell(o, f), key)).ToArray()).ToArray(),
                new FractionCurveOptions
                {
                    Title = title, ValueTitle = yTitle,
                    SeriesNames = optimizers.Select(o => o + " with hints").ToArray(),
                    Spread = spread is null ? null : optimizers.Select(o => (IReadOnlyList<double>)fractions.Select(f => Get(Cell(o, f), spread)).ToArray()).ToArray(),
                    Baselines = optimizers.Select(o => Get(Cell(o, 0), key)).ToArray(),
                    References = references,
                });
        double D(string key) => Get(root, key);
        var page = new HtmlPage
        {
            Title = $"Sparse recordings ({name}.json): dashed = outputs only, error bars = s.d. over seeds",
            Figures =
            [
                Curves("svcca", "svccaStd", "SVCCA with all circuit units, trained reaches", "SVCCA (5 components)",
                    [("another population of the circuit", D("populationCeiling")), ("untrained", D("untrainedSvcca"))]),
                Curves("heldOutSvcca", "heldOutSvccaStd", "SVCCA with all circuit units, held-out reaches", "SVCCA (5 components)",
                    [("another population of the circuit", D("heldOutPopulationCeiling")), ("untrained", D("heldOutUntrainedSvcca"))]),
                Curves("heldOutOutputError", "heldOutOutputErrorStd", "Muscle error on held-out reaches", "Σ(y − f)² / Σ(f − f̄)²", []),
            ],
        };
        page.Save(Path.Combine(dir, name + ".html"), PlotlyJsMode.Cdn);
        Console.WriteLine($"   figures written to {Path.Combine(dir, name + ".html")}");
        return 0;
    }

    /// <summary>Overrides one embedder setting, <c>name=value</c> (for calibration runs; the committed results use the defaults unless noted).</summary>
    private static bool Set(ref EmbedderOptions e, string assignment)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], Inv, out double v)) return false;
        e = parts[0] switch
        {
            "alpha" => e with { FullForce = e.FullForce with { Regularization = v } },
            "interval" => e with { FullForce = e.FullForce with { UpdateInterval = (int)v } },
            "targetGain" => e with { FullForce = e.FullForce with { TargetGain = v } },
            "initialStd" => e with { FullForce = e.FullForce with { InitialStateStd = v } },
            "zeroJ" => e with { FullForce = e.FullForce with { ZeroRecurrentWeightsAtStart = v != 0 } },
            "passes" => e with { FullForcePasses = (int)v },
            "hintScale" => e with { HintScale = v },
            "hintWeight" => e with { HintWeight = v },
            "gain" => e with { Gain = v },
            "inputStd" => e with { InputWeightStd = v },
            "tau" => e with { TauMs = v },
            "timeLimit" => e with { TimeLimit = TimeSpan.FromSeconds(v) },
            "hfIterations" => e with { HessianFreeIterations = (int)v },
            "cg" => e with { HessianFree = e.HessianFree with { MaxCgIterations = (int)v } },
            "lambda" => e with { HessianFree = e.HessianFree with { InitialLambda = v } },
            _ => throw new ArgumentException($"unknown setting '{parts[0]}'"),
        };
        return true;
    }

    private static string Markdown(JsonObject root, SparseRecordingResult result, string name)
    {
        string F(JsonNode? node, string format) => node is JsonValue v && v.TryGetValue(out double x) && double.IsFinite(x) ? x.ToString(format, Inv) : "–";
        var md = new StringBuilder();
        md.AppendLine($"# Sparse recordings: learning a circuit's dynamics from a few of its neurons (`dotnet run -c Release --project bench/NeuroRnn.Bench -- sparse`)");
        md.AppendLine();
        md.AppendLine($"Generated from `{name}.json` (same folder) by the suite. Salatiello & Giese (ICANN 2020) with `NeuroRnn.Experiments.SparseRecordingExperiment`.");
        md.AppendLine("**Timings are provisional**: a shared, loaded machine (load average below). SVCCA and errors do not depend on the load.");
        md.AppendLine();
        md.AppendLine($"- Circuit: {root["circuit"]}.");
        md.AppendLine($"- Embedder: {root["embedder"]}.");
        md.AppendLine($"- full-FORCE: {root["fullForce"]}. Hessian-free: {root["hessianFree"]}.");
        if (root["timeLimitSeconds"] is JsonValue limit) md.AppendLine($"- Wall-time cap per training run: {limit} s (the *stopped* reason of every run is in the JSON; under this load every Hessian-free run hit the cap).");
        md.AppendLine($"- Figures: `{name}.html` (same folder; `sparse --render {name}` redraws them from the JSON).");
        md.AppendLine($"- SVCCA: {root["svccaComponents"]} SVD components of the circuit's **all** units and of the embedder's units (time × condition samples), mean of the {root["svccaComponents"]} canonical correlations. These components hold {F(root["circuitVarianceExplained"], "P1")} of the circuit's variance.");
        md.AppendLine($"- References: another population of the same circuit (ceiling) {F(root["populationCeiling"], "F3")} (held out {F(root["heldOutPopulationCeiling"], "F3")}); untrained embedders (floor) {F(root["untrainedSvcca"], "F3")} (held out {F(root["heldOutUntrainedSvcca"], "F3")}).");
        md.AppendLine("- Output error: Σ(y − f)²/Σ(f − f̄)² of the 6 muscles (0 perfect, 1 = predicting the mean).");
        md.AppendLine($"- Mode {root["mode"]}, {root["threads"]} back-end thread(s), {root["backend"]}.");
        md.AppendLine();
        md.AppendLine($"Load average at start `{root["machineAtStart"]?["loadAverage"]}`, at end `{root["machineAtEnd"]?["loadAverage"]}` ({root["machineAtStart"]?["cpu"]}, {root["machineAtStart"]?["logicalCores"]} logical cores).");
        md.AppendLine();
        md.AppendLine("Mean ± standard deviation over seeds (each seed: its own sample of units and its own initial network):");
        md.AppendLine();
        md.Append(result.ToMarkdown());
        return md.ToString();
    }
}
