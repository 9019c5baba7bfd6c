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
/// Usage: <c>sparse [--quick] [--seeds K] [--units N] [--threads T] [--out NAME] [--only OPTIMIZER] [--fractions f1,f2,…] [--set name=value …]</c>
/// (<c>--set</c> overrides an embedder setting for calibration runs), or <c>sparse --render [NAME]</c> to redraw the figures of NAME.json.
/// </summary>
internal static class SparseSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Embedder size of the default run. 100, not the circuit's 200: Hessian-free costs about 35 CPU s per 100-iteration run
    /// at N = 100 and about four times that at N = 200, and the default run (2 optimizers × 7 fractions × 3 seeds) must finish
    /// in under an hour niced on the shared 2-core machine (≈ 13 CPU min at N = 100). full-FORCE at N = 200 is the separate,
    /// cheap run <c>sparse --only FullForce --units 200 --out sparse-recordings-fullforce-200</c>.
    /// </summary>
    private const int DefaultUnits = 100;

    /// <summary>Folder under bench/results for the generated pages (gitignored: they embed plotly.min.js).</summary>
    private const string FiguresFolder = "html";

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        if (args.Length >= 1 && args[0] == "--render")
            return Render(args.Length >= 2 ? args[1] : "sparse-recordings");
        if (args.Length >= 1 && args[0] == "--merge")
            return Merge(args.Skip(1).ToArray());
        if (args.Length >= 1 && args[0] == "--hint-drive")
            return HintDriveSweep(args.Skip(1).ToArray());
        int seeds = quick ? 1 : 3, units = DefaultUnits, threads = 1;
        string name = "sparse-recordings";
        var embedder = new EmbedderOptions();
        var optimizers = new List<EmbedderOptimizer> { EmbedderOptimizer.FullForce, EmbedderOptimizer.HessianFree };
        double[]? fractions = null;
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
                "--fractions" => ++i < args.Length && TryList(args[i], out double[] f) && f.All(x => x > 0 && x <= 1) && (fractions = f).Length > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: sparse [--quick] [--seeds K (≥ 1)] [--units N (≥ 2)] [--threads T (≥ 1)] [--out NAME] [--only FullForce|HessianFree|Adam] [--fractions 0.1,1 (each in (0, 1])] [--set name=value]");
                return 2;
            }
        }
        if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(threads);
        var options = new SparseRecordingOptions
        {
            Seeds = Enumerable.Range(1, seeds).ToArray(),
            Optimizers = optimizers,
            Fractions = fractions ?? (quick ? [0.02, 0.1, 1.0] : [0.01, 0.02, 0.05, 0.10, 0.20, 1.0]),
            Embedder = embedder with { UnitCount = units },
        };
        var start = BenchResults.Machine();
        var result = SparseRecordingExperiment.Run(options, row => Console.WriteLine(string.Create(Inv,
            $"   {row.Optimizer} seed {row.Seed} fraction {row.Fraction:G3} ({row.SampledUnits} units): SVCCA {row.Svcca:F3} / held-out {row.HeldOutSvcca:F3}, " +
            $"output error {row.OutputError:G3} / held-out {row.HeldOutOutputError:G3}, {row.Iterations} iterations, {row.CpuSeconds:F1} CPU s, {row.TrainSeconds:F1} s wall ({row.StopReason})")));
        var e = options.Embedder;
        var root = new JsonObject
        {
            ["circuit"] = $"ReachingCircuit defaults: {options.Circuit.Units} units, {options.Circuit.Muscles} muscles, trained reaches {string.Join("/", options.Circuit.DirectionsDeg)}°, held out {string.Join("/", options.HeldOutDirectionsDeg)}°, {options.Circuit.BinMs} ms bins, 140 bins per trial",
            ["embedder"] = string.Create(Inv, $"N = {e.UnitCount} {e.Nonlinearity} units, τ = {e.TauMs} ms, Dt = bin, gain {e.Gain}, input std {e.InputWeightStd}; hints normalised to [−1, 1], hint scale {e.HintScale} (full-FORCE), hint weight {e.HintWeight} (HF)"),
            ["fullForce"] = string.Create(Inv, $"{e.FullForcePasses} passes, α = {e.FullForce.Regularization}, update every {e.FullForce.UpdateInterval} steps, J^D gain {e.FullForce.TargetGain}"),
            ["hessianFree"] = string.Create(Inv, $"budget {e.HessianFreeIterations} iterations, stop on a training-loss plateau (< {e.LossPlateau:P1} fall over {e.LossPlateauWindow} iterations), λ0 = {e.HessianFree.InitialLambda}, ≤ {e.HessianFree.MaxCgIterations} CG steps, batch = the 8 training conditions; no wall-time cap"),
            ["svccaComponents"] = options.SvccaComponents,
            ["populationCeiling"] = result.PopulationCeiling, ["heldOutPopulationCeiling"] = result.HeldOutPopulationCeiling,
            ["untrainedSvcca"] = result.UntrainedSvcca, ["heldOutUntrainedSvcca"] = result.HeldOutUntrainedSvcca,
            ["circuitVarianceExplained"] = result.CircuitVarianceExplained,
            ["mode"] = quick ? "quick" : "full", ["threads"] = threads,
            ["backend"] = NumericsBackend.Current.Description, ["machineAtStart"] = start, ["machineAtEnd"] = BenchResults.Machine(),
            ["summaries"] = Summaries(result), ["runs"] = Runs(result),
        };
        string dir = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(dir);
        BenchResults.WriteJson(Path.Combine(dir, name + ".json"), root);
        File.WriteAllText(Path.Combine(dir, name + ".md"), Markdown(root, result, name));
        Console.WriteLine($"   written to {Path.Combine(dir, name + ".json")} and {name}.md");
        return Render(name);
    }

    /// <summary>
    /// Draws the figures of a results file (<c>NAME.json</c> in bench/results) into <c>bench/results/html/NAME.html</c> with the
    /// chart builders: SVCCA on trained and on held-out reaches and held-out muscle error against the sampled fraction, one
    /// series per optimizer, output-only embedders dashed. The page is self-contained (plotly.js embedded, renders offline);
    /// because that inlines the minified vendor library, the folder is gitignored and only the JSON and Markdown are committed.
    /// <c>sparse --render [NAME]</c> redraws without training.
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
        string htmlDir = Path.Combine(dir, FiguresFolder);
        Directory.CreateDirectory(htmlDir);
        page.Save(Path.Combine(htmlDir, name + ".html"), PlotlyJsMode.Embedded);
        Console.WriteLine($"   figures written to {Path.Combine(htmlDir, name + ".html")} (self-contained, not committed)");
        return 0;
    }

    /// <summary>
    /// Joins the runs of several results files of the same experiment (e.g. one per optimizer, run side by side on the
    /// shared machine) into one results file with its summaries, Markdown and figures. The files must agree on the circuit,
    /// the embedder size and the SVCCA settings; the settings of each optimizer come from the file that trained it.
    /// Usage: <c>sparse --merge NAME1,NAME2[,…] --out NAME</c>.
    /// </summary>
    private static int Merge(string[] args)
    {
        if (args.Length != 3 || args[1] != "--out" || !TryList(args[0], out string[] names) || names.Length < 2)
        {
            Console.Error.WriteLine("usage: sparse --merge NAME1,NAME2[,…] --out NAME (results files in bench/results, without .json)");
            return 2;
        }
        string dir = BenchResults.ResultsDirectory();
        var roots = names.Select(n => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, n + ".json")))!.AsObject()).ToArray();
        foreach (var key in new[] { "circuit", "embedder", "svccaComponents", "populationCeiling", "untrainedSvcca" })
            for (int i = 1; i < roots.Length; i++)
                if (roots[i][key]?.ToJsonString() != roots[0][key]?.ToJsonString())
                {
                    Console.Error.WriteLine($"sparse --merge: {names[i]}.json differs from {names[0]}.json in '{key}'; only runs of the same experiment can be merged.");
                    return 2;
                }
        var runs = roots.SelectMany(r => r["runs"]!.AsArray().Select(n => n!)).Select(n => new SparseRecordingRun(
            Enum.Parse<EmbedderOptimizer>((string)n["optimizer"]!), (double)n["fraction"]!, (int)n["sampledUnits"]!, (int)n["seed"]!,
            (double)n["outputError"]!, (double)n["heldOutOutputError"]!, (double)n["svcca"]!, (double)n["heldOutSvcca"]!,
            (double)n["trainSeconds"]!, (int)n["iterations"]!, (string)n["stopReason"]!, (double)n["cpuSeconds"]!)).ToArray();
        var first = roots[0];
        double D(string key) => (double)first[key]!;
        var options = new SparseRecordingOptions
        {
            Seeds = runs.Select(r => r.Seed).Distinct().Order().ToArray(),
            Optimizers = runs.Select(r => r.Optimizer).Distinct().ToArray(),
            Fractions = runs.Select(r => r.Fraction).Where(f => f > 0).Distinct().Order().ToArray(),
            IncludeOutputOnly = runs.Any(r => r.Fraction == 0),
        };
        var result = new SparseRecordingResult(options, runs, D("populationCeiling"), D("heldOutPopulationCeiling"), D("untrainedSvcca"),
            D("heldOutUntrainedSvcca"), D("circuitVarianceExplained"));
        JsonNode? From(EmbedderOptimizer optimizer, string key) => roots.FirstOrDefault(r => r["runs"]!.AsArray().Any(n => (string)n!["optimizer"]! == optimizer.ToString()))?[key]?.DeepClone();
        var root = new JsonObject
        {
            ["circuit"] = first["circuit"]!.DeepClone(), ["embedder"] = first["embedder"]!.DeepClone(),
            ["fullForce"] = From(EmbedderOptimizer.FullForce, "fullForce") ?? first["fullForce"]!.DeepClone(),
            ["hessianFree"] = From(EmbedderOptimizer.HessianFree, "hessianFree") ?? first["hessianFree"]!.DeepClone(),
            ["svccaComponents"] = first["svccaComponents"]!.DeepClone(),
            ["populationCeiling"] = result.PopulationCeiling, ["heldOutPopulationCeiling"] = result.HeldOutPopulationCeiling,
            ["untrainedSvcca"] = result.UntrainedSvcca, ["heldOutUntrainedSvcca"] = result.HeldOutUntrainedSvcca,
            ["circuitVarianceExplained"] = result.CircuitVarianceExplained,
            ["mode"] = first["mode"]!.DeepClone(), ["threads"] = first["threads"]!.DeepClone(), ["backend"] = first["backend"]!.DeepClone(),
            ["mergedFrom"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n + ".json")!).ToArray()),
            ["machineAtStart"] = first["machineAtStart"]!.DeepClone(), ["machineAtEnd"] = roots[^1]["machineAtEnd"]!.DeepClone(),
            ["machines"] = new JsonArray(roots.Select((r, i) => (JsonNode)new JsonObject
            {
                ["file"] = names[i] + ".json", ["start"] = r["machineAtStart"]!.DeepClone(), ["end"] = r["machineAtEnd"]!.DeepClone(),
            }).ToArray()),
            ["summaries"] = Summaries(result), ["runs"] = Runs(result),
        };
        string name = args[2];
        BenchResults.WriteJson(Path.Combine(dir, name + ".json"), root);
        File.WriteAllText(Path.Combine(dir, name + ".md"), Markdown(root, result, name));
        Console.WriteLine($"   merged {string.Join(", ", names)} into {Path.Combine(dir, name + ".json")} and {name}.md");
        return Render(name);
    }

    /// <summary>
    /// Sweeps of full-FORCE's hint settings at few sampled units, against the output-only embedders they should beat: by
    /// default the hint-drive sweep behind <see cref="EmbedderOptions.FullDriveHintCount"/> (1 = every hint count drives the
    /// target network with the full HintScale); <c>--vary setting=v1,v2,…</c> sweeps any <c>--set</c> setting instead (e.g.
    /// <c>alpha</c>, <c>hintScale</c>). Output-only embedders are trained for every value of settings that change them
    /// (α, J^D gain, passes, …) and once otherwise. Writes bench/results/NAME.json and .md (default NAME sparse-recordings-hint-drive).
    /// Usage: <c>sparse --hint-drive [--units N] [--seeds K] [--vary setting=v1,v2,…] [--fractions 0.01,0.02,0.05,0.1] [--set name=value …] [--out NAME]</c>.
    /// </summary>
    private static int HintDriveSweep(string[] args)
    {
        int seeds = 3, units = 200;
        string setting = "fullDriveHints";
        double[] values = [1, 10, 20, 40];
        double[] fractions = [0.01, 0.02, 0.05, 0.10];
        string name = "sparse-recordings-hint-drive";
        var embedder = new EmbedderOptions();
        for (int i = 0; i < args.Length; i++)
        {
            bool ok = args[i] switch
            {
                "--seeds" => ++i < args.Length && int.TryParse(args[i], Inv, out seeds) && seeds >= 1,
                "--units" => ++i < args.Length && int.TryParse(args[i], Inv, out units) && units >= 2,
                "--counts" => ++i < args.Length && TryList(args[i], out values) && values.All(c => c >= 1) && (setting = "fullDriveHints").Length > 0,
                "--vary" => ++i < args.Length && args[i].Split('=', 2) is [var key, var list] && TryList(list, out values) && (setting = key).Length > 0,
                "--fractions" => ++i < args.Length && TryList(args[i], out fractions) && fractions.All(f => f > 0 && f <= 1),
                "--set" => ++i < args.Length && Set(ref embedder, args[i]),
                "--out" => ++i < args.Length && (name = args[i]).Length > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: sparse --hint-drive [--units N (≥ 2)] [--seeds K (≥ 1)] [--vary setting=v1,v2 (a --set setting) | --counts 1,10,20 (each ≥ 1)] [--fractions 0.01,0.02 (each in (0, 1])] [--set name=value] [--out NAME]");
                return 2;
            }
        }
        var probe = embedder;
        bool known;
        try { known = Set(ref probe, $"{setting}={values[0].ToString(Inv)}"); }
        catch (ArgumentException) { known = false; }
        if (!known)
        {
            Console.Error.WriteLine($"sparse --hint-drive: --vary {setting}: not a setting of --set");
            return 2;
        }
        // Settings that only act through the hints leave the output-only embedders unchanged: train those once.
        bool hintOnly = setting is "fullDriveHints" or "hintScale" or "hintWeight";
        var start = BenchResults.Machine();
        var rows = new JsonArray();
        var md = new StringBuilder();
        md.AppendLine($"| {setting} | sampled | units | seeds | per-hint factor | SVCCA (train) | SVCCA (held out) | output error (train) | output error (held out) | CPU s |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        for (int c = 0; c < values.Length; c++)
        {
            var e = embedder with { UnitCount = units };
            Set(ref e, $"{setting}={values[c].ToString(Inv)}");
            var options = new SparseRecordingOptions
            {
                Seeds = Enumerable.Range(1, seeds).ToArray(),
                Optimizers = [EmbedderOptimizer.FullForce],
                Fractions = fractions,
                IncludeOutputOnly = !hintOnly || c == 0,
                Embedder = e,
            };
            var result = SparseRecordingExperiment.Run(options, row => Console.WriteLine(string.Create(Inv,
                $"   {setting} = {values[c]}, seed {row.Seed}, fraction {row.Fraction:G3} ({row.SampledUnits} units): SVCCA {row.Svcca:F3} / held-out {row.HeldOutSvcca:F3}, held-out error {row.HeldOutOutputError:G3}")));
            foreach (var s in result.Summaries)
            {
                double factor = s.SampledUnits == 0 ? 0 : EmbedderTraining.HintDriveScale(options.Embedder, s.SampledUnits);
                string Pm(double mean, double std) => s.Runs > 1 ? string.Create(Inv, $"{mean:F3} ± {s.StandardError(std):F3}") : mean.ToString("F3", Inv);
                string value = s.SampledUnits == 0 && hintOnly ? "–" : values[c].ToString(Inv);
                md.AppendLine(string.Create(Inv, $"| {value} | {(s.Fraction == 0 ? "outputs only" : (s.Fraction * 100).ToString("G3", Inv) + " %")} | {s.SampledUnits} | {s.Runs} | {(s.SampledUnits == 0 ? "–" : factor.ToString("F2", Inv))} | {Pm(s.Svcca, s.SvccaStd)} | {Pm(s.HeldOutSvcca, s.HeldOutSvccaStd)} | {Pm(s.OutputError, s.OutputErrorStd)} | {Pm(s.HeldOutOutputError, s.HeldOutOutputErrorStd)} | {s.CpuSeconds:F1} |"));
                rows.Add(new JsonObject
                {
                    ["setting"] = setting, ["value"] = values[c], ["fraction"] = s.Fraction, ["sampledUnits"] = s.SampledUnits, ["runs"] = s.Runs, ["perHintFactor"] = factor,
                    ["svcca"] = s.Svcca, ["svccaStd"] = s.SvccaStd, ["heldOutSvcca"] = s.HeldOutSvcca, ["heldOutSvccaStd"] = s.HeldOutSvccaStd,
                    ["outputError"] = s.OutputError, ["outputErrorStd"] = s.OutputErrorStd,
                    ["heldOutOutputError"] = s.HeldOutOutputError, ["heldOutOutputErrorStd"] = s.HeldOutOutputErrorStd,
                    ["cpuSeconds"] = s.CpuSeconds, ["trainSeconds"] = s.TrainSeconds,
                });
            }
        }
        var b = embedder with { UnitCount = units };
        var root = new JsonObject
        {
            ["embedder"] = string.Create(Inv, $"N = {b.UnitCount} {b.Nonlinearity} units, τ = {b.TauMs} ms, hint scale {b.HintScale}, full drive from {b.FullDriveHintCount} hints; full-FORCE {b.FullForcePasses} passes, α = {b.FullForce.Regularization}, J^D gain {b.FullForce.TargetGain} (except the varied setting)"),
            ["varied"] = setting, ["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            ["backend"] = NumericsBackend.Current.Description, ["machineAtStart"] = start, ["machineAtEnd"] = BenchResults.Machine(),
            ["rows"] = rows,
        };
        string dir = BenchResults.ResultsDirectory();
        BenchResults.WriteJson(Path.Combine(dir, name + ".json"), root);
        var page = new StringBuilder();
        page.AppendLine($"# full-FORCE with few hints: {setting} swept (`dotnet run -c Release --project bench/NeuroRnn.Bench -- sparse --hint-drive {string.Join(' ', args)}`)");
        page.AppendLine();
        page.AppendLine($"Generated from `{name}.json` (same folder) by the suite. Embedder: {root["embedder"]}. Each hint (normalised to [−1, 1]) drives");
        page.AppendLine("the target-generating network with the per-hint factor HintScale/√max(H, full-drive count): with full-drive count 1 every number of");
        page.AppendLine("hints gets the full total drive HintScale; with a larger count, fewer hints drive it less (total ∝ √H). SVCCA: 5 components, all 200");
        page.AppendLine("circuit units. Output error: Σ(y − f)²/Σ(f − f̄)² of the 6 muscles. Mean ± standard error over seeds (each seed: its own sample of");
        page.AppendLine("units and its own initial network). CPU s: process CPU seconds per training run.");
        page.AppendLine();
        page.AppendLine($"Load average at start `{start["loadAverage"]}`, at end `{root["machineAtEnd"]?["loadAverage"]}`; {NumericsBackend.Current.Description}.");
        page.AppendLine();
        page.Append(md);
        File.WriteAllText(Path.Combine(dir, name + ".md"), page.ToString());
        Console.WriteLine($"   written to {Path.Combine(dir, name + ".json")} and {name}.md");
        return 0;
    }

    private static bool TryList<T>(string text, out T[] values) where T : IParsable<T>
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        values = new T[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!T.TryParse(parts[i], Inv, out values[i]!)) return false;
        return parts.Length > 0;
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
            "fullDriveHints" => e with { FullDriveHintCount = (int)v },
            "hintWeight" => e with { HintWeight = v },
            "gain" => e with { Gain = v },
            "inputStd" => e with { InputWeightStd = v },
            "tau" => e with { TauMs = v },
            "plateau" => e with { LossPlateau = v > 0 ? v : null },
            "plateauWindow" => e with { LossPlateauWindow = (int)v },
            "hfIterations" => e with { HessianFreeIterations = (int)v },
            "cg" => e with { HessianFree = e.HessianFree with { MaxCgIterations = (int)v } },
            "lambda" => e with { HessianFree = e.HessianFree with { InitialLambda = v } },
            _ => throw new ArgumentException($"unknown setting '{parts[0]}'"),
        };
        return true;
    }

    private static JsonArray Runs(SparseRecordingResult result)
    {
        var runs = new JsonArray();
        foreach (var r in result.Runs)
            runs.Add(new JsonObject
            {
                ["optimizer"] = r.Optimizer.ToString(), ["fraction"] = r.Fraction, ["sampledUnits"] = r.SampledUnits, ["seed"] = r.Seed,
                ["svcca"] = r.Svcca, ["heldOutSvcca"] = r.HeldOutSvcca, ["outputError"] = r.OutputError, ["heldOutOutputError"] = r.HeldOutOutputError,
                ["trainSeconds"] = r.TrainSeconds, ["cpuSeconds"] = r.CpuSeconds, ["iterations"] = r.Iterations, ["stopReason"] = r.StopReason,
            });
        return runs;
    }

    private static JsonArray Summaries(SparseRecordingResult result)
    {
        var summaries = new JsonArray();
        foreach (var s in result.Summaries)
            summaries.Add(new JsonObject
            {
                ["optimizer"] = s.Optimizer.ToString(), ["fraction"] = s.Fraction, ["sampledUnits"] = s.SampledUnits, ["runs"] = s.Runs,
                ["svcca"] = s.Svcca, ["svccaStd"] = s.SvccaStd, ["heldOutSvcca"] = s.HeldOutSvcca, ["heldOutSvccaStd"] = s.HeldOutSvccaStd,
                ["outputError"] = s.OutputError, ["heldOutOutputError"] = s.HeldOutOutputError, ["heldOutOutputErrorStd"] = s.HeldOutOutputErrorStd,
                ["outputErrorStd"] = s.OutputErrorStd, ["trainSeconds"] = s.TrainSeconds, ["cpuSeconds"] = s.CpuSeconds, ["iterations"] = s.Iterations,
            });
        return summaries;
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
        md.AppendLine($"- Figures: `html/{name}.html`, generated by the suite (self-contained, plotly.js embedded, opens offline; not committed because it inlines the minified vendor library — `sparse --render {name}` redraws it from the JSON).");
        md.AppendLine($"- SVCCA: {root["svccaComponents"]} SVD components of the circuit's **all** units and of the embedder's units (time × condition samples), mean of the {root["svccaComponents"]} canonical correlations. These components hold {F(root["circuitVarianceExplained"], "P1")} of the circuit's variance.");
        md.AppendLine($"- References: another population of the same circuit (ceiling) {F(root["populationCeiling"], "F3")} (held out {F(root["heldOutPopulationCeiling"], "F3")}); untrained embedders (floor) {F(root["untrainedSvcca"], "F3")} (held out {F(root["heldOutUntrainedSvcca"], "F3")}).");
        md.AppendLine("- Output error: Σ(y − f)²/Σ(f − f̄)² of the 6 muscles (0 perfect, 1 = predicting the mean).");
        md.AppendLine($"- Mode {root["mode"]}, {root["threads"]} back-end thread(s), {root["backend"]}.");
        md.AppendLine();
        if (root["machines"] is JsonArray machines)
            foreach (var m in machines)
                md.AppendLine($"- `{m!["file"]}` (merged here): load average at start `{m["start"]?["loadAverage"]}`, at end `{m["end"]?["loadAverage"]}` ({m["start"]?["cpu"]}, {m["start"]?["logicalCores"]} logical cores).");
        else
            md.AppendLine($"Load average at start `{root["machineAtStart"]?["loadAverage"]}`, at end `{root["machineAtEnd"]?["loadAverage"]}` ({root["machineAtStart"]?["cpu"]}, {root["machineAtStart"]?["logicalCores"]} logical cores).");
        md.AppendLine();
        md.AppendLine("Mean ± standard error over seeds (s.d./√seeds; each seed: its own sample of units and its own initial network). Iterations, process CPU seconds and wall seconds are means per training run; the stop reason of every run is in the JSON:");
        md.AppendLine();
        md.Append(result.ToMarkdown());
        return md.ToString();
    }
}
