using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;

namespace NeuroRnn.Bench;

/// <summary>
/// Why the Dale-constrained V1 fit falls short of the unconstrained one, measured in one run: every variant fits the shipped
/// data with the same <see cref="RecordingFitOptions"/> defaults (float32, CG ≤ 250, 60 HF iterations, plateau stop) and
/// changes one thing — the rate function, the balanced initialisation, the excitatory fraction, the iteration budget, the
/// scaled peak. Each is scored by held-out trial-averaged R² against the generator's noise-free truth.
/// Usage: <c>v1-dale-variants [--only a,b] [--iterations K] [--save DIR] [--markdown-only]</c> (--save writes each fitted
/// network to DIR/variant with <see cref="FittedNetworkFile"/>, for the v1-dale suite's balance and perturbation analysis); writes bench/results/v1-dale-variants.json and .md
/// at the default budget, v1-dale-variants-itK.json and .md with --iterations K (so rows of different budgets never share a
/// table); the JSON keeps finished variants, so a run can be continued with --only.
/// </summary>
internal static class V1DaleVariantsSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Change, Func<RecordingFitOptions, RecordingFitOptions> Configure)[] Variants =
    [
        ("unconstrained", "none (tanh units): the reference", o => o),
        ("non-negative", "softplus units, no Dale's law (default peak 2)", o => o with { Constraints = new FitConstraints { NonNegativeRates = true } }),
        ("dale-peak0.8", "Dale's law 80 % E, softplus, balanced initial inhibition, rates scaled to peak 0.8 (the previous default)", o => o with { TargetPeak = 0.8, Constraints = new FitConstraints { DalesLaw = true } }),
        ("dale", "Dale's law 80 % E, softplus, balanced initial inhibition, the default peak for softplus (2): the new default", o => o with { Constraints = new FitConstraints { DalesLaw = true } }),
        ("dale-unbalanced", "as dale, initial inhibition not balanced", o => o with { Constraints = new FitConstraints { DalesLaw = true, BalancedInitialization = false } }),
        ("dale-sigmoid", "as dale, sigmoid rates (bounded; default peak 0.8)", o => o with { Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.Sigmoid } }),
        ("dale-saturating", "as dale, saturating softplus rates (softplus up to a ceiling of 3 × each unit's recorded peak; peak 2)", o => o with { Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.SaturatingSoftplus } }),
        // The ceiling's sensitivity: the function's ceiling is fixed at 6, so scaling each unit's recorded peak to 3 or 1.2 puts
        // the ceiling at 2 × or 5 × that peak (the softplus range it fits in changes with it: compare dale-peak3 / dale-peak1.5).
        ("dale-saturating-peak3", "as dale-saturating, rates scaled to peak 3: ceiling 2 × each unit's recorded peak", o => o with { TargetPeak = 3, Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.SaturatingSoftplus } }),
        ("dale-saturating-peak1.2", "as dale-saturating, rates scaled to peak 1.2: ceiling 5 × each unit's recorded peak", o => o with { TargetPeak = 1.2, Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.SaturatingSoftplus } }),
        ("dale-saturating-fit-decides", "as dale-saturating, free units typed by the fit (notebook 05's settings)", o => o with { Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.SaturatingSoftplus, FreeUnits = FreeUnitTyping.FitDecides } }),
        ("dale-rectified-tanh", "as dale, rectified-tanh rates (bounded; default peak 0.8)", o => o with { Constraints = new FitConstraints { DalesLaw = true, RateFunction = Nonlinearity.RectifiedTanh } }),
        ("dale-peak1.5", "as dale, rates scaled to peak 1.5", o => o with { TargetPeak = 1.5, Constraints = new FitConstraints { DalesLaw = true } }),
        ("dale-peak3", "as dale, rates scaled to peak 3", o => o with { TargetPeak = 3, Constraints = new FitConstraints { DalesLaw = true } }),
        ("dale-fit-decides", "as dale, free units typed by the fit (10-iteration warm-up without Dale's law)", o => o with { Constraints = new FitConstraints { DalesLaw = true, FreeUnits = FreeUnitTyping.FitDecides } }),
        ("dale-e50", "as dale, 50 % excitatory units", o => o with { Constraints = new FitConstraints { DalesLaw = true, ExcitatoryFraction = 0.5 } }),
    ];

    public static int Run(string[] args)
    {
        var only = new List<string>();
        int? iterations = null;
        bool markdownOnly = false;
        string? save = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--only" && i + 1 < args.Length) only.AddRange(args[++i].Split(','));
            else if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i], Inv);
            else if (args[i] == "--markdown-only") markdownOnly = true;
            else if (args[i] == "--save" && i + 1 < args.Length) save = args[++i];
            else
            {
                Console.Error.WriteLine($"v1-dale-variants: unknown argument '{args[i]}'. Usage: v1-dale-variants [--only a,b] [--iterations K] [--save DIR] [--markdown-only]");
                return 2;
            }
        }
        string results = BenchResults.ResultsDirectory();
        string stem = iterations is { } budget ? string.Create(Inv, $"v1-dale-variants-it{budget}") : "v1-dale-variants";
        string jsonPath = Path.Combine(results, stem + ".json");
        if (markdownOnly)
        {
            File.WriteAllText(Path.ChangeExtension(jsonPath, ".md"), Markdown(JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject()));
            return 0;
        }
        var unknown = only.Where(n => Variants.All(v => v.Name != n)).ToArray();
        if (unknown.Length > 0) { Console.Error.WriteLine($"v1-dale-variants: --only names unknown variant(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Variants.Select(v => v.Name))}"); return 2; }
        var recording = ShippedV1.Read();
        var truth = ShippedV1.Truth();
        foreach (var (name, change, configure) in Variants)
        {
            if (only.Count > 0 && !only.Contains(name)) continue;
            var options = configure(new RecordingFitOptions());
            // A shared iteration budget (the machine is shared, so budgets are iterations, never wall time); a variant that
            // changes the budget itself keeps its own.
            if (iterations is { } k && options.Iterations == new RecordingFitOptions().Iterations) options = options with { Iterations = k };
            Console.WriteLine($"{name}: {change}");
            string loadStart = BenchResults.LoadAverage();
            double cpu0 = RnnKernelsBench.ProcessCpuSeconds();
            var fit = RecordingFitter.Fit(recording, options, s => Console.WriteLine(string.Create(Inv, $"  it {s.Iteration + 1,3}: loss {s.LossAfter:E3} ({s.ElapsedSeconds:F0} s)")));
            double cpuSeconds = RnnKernelsBench.ProcessCpuSeconds() - cpu0;
            if (save is not null) FittedNetworkFile.Save(fit, Path.Combine(save, name));
            var score = fit.ScoreAgainstTruth(truth);
            var constraints = options.Constraints.Describe();
            var run = new JsonObject
            {
                ["change"] = change,
                ["constraints"] = new JsonArray([.. constraints.Select(c => (JsonNode?)c)]),
                ["iterationBudget"] = options.Iterations,
                ["diverged"] = !double.IsFinite(score.Overall) || fit.Statistics.Any(x => !double.IsFinite(x.LossAfter)),
                ["r2HeldOutVsTruth"] = Finite(Math.Round(score.Overall, 4)),
                ["r2HeldOutVsTruthMedianUnit"] = Finite(Math.Round(score.MedianPerUnit, 4)),
                ["iterations"] = fit.Statistics.Count,
                ["finalLoss"] = fit.Statistics.Count > 0 ? Finite(fit.Statistics[^1].LossAfter) : null,
                ["stopReason"] = fit.Training.StopReason.Description,
                ["wallSeconds"] = Math.Round(fit.Seconds, 1),
                ["cpuSeconds"] = Math.Round(cpuSeconds, 1),
                ["loadAverageAtStart"] = loadStart,
                ["loadAverageAtEnd"] = BenchResults.LoadAverage(),
            };
            Console.WriteLine(string.Create(Inv, $"{name}: R² vs truth {score.Overall:F4} after {fit.Statistics.Count} iterations ({fit.Training.StopReason.Description}), {fit.Seconds:F0} s"));
            Record(jsonPath, iterations, name, run);
        }
        return 0;
    }

    /// <summary>
    /// Adds one variant to the JSON and regenerates the markdown under an exclusive lock, re-reading the file first: several
    /// processes may run disjoint --only sets at once (the machine has 2 cores, the fits are single-threaded).
    /// </summary>
    private static void Record(string jsonPath, int? iterationBudget, string name, JsonObject run)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var file = new FileStream(jsonPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var text = new StreamReader(file).ReadToEnd();
                var root = text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : new JsonObject();
                root["machine"] = BenchResults.MachineWithBackend();
                if (iterationBudget is { } k) root["iterationBudget"] = k;
                var runs = root["runs"] as JsonObject ?? new JsonObject();
                root["runs"] = runs;
                runs[name] = run;
                var ordered = new JsonObject();
                foreach (var v in Variants) if (runs[v.Name] is { } r) ordered[v.Name] = r.DeepClone();
                root["runs"] = ordered;
                file.SetLength(0);
                using (var writer = new StreamWriter(file)) writer.Write(BenchResults.JsonText(root));
                File.WriteAllText(Path.ChangeExtension(jsonPath, ".md"), Markdown(root));
                return;
            }
            catch (IOException) when (attempt < 50) { Thread.Sleep(200); }
        }
    }

    private static string Markdown(JsonObject root)
    {
        var s = new StringBuilder();
        var m = root["machine"]!.AsObject();
        var runs = root["runs"]!.AsObject();
        s.AppendLine("# Dale-constrained V1 fit: what closes the gap to the unconstrained fit");
        s.AppendLine();
        s.AppendLine(string.Create(Inv, $"Generated {m["utc"]} UTC by `dotnet run -c Release --project bench/NeuroRnn.Bench -- v1-dale-variants{(root["iterationBudget"] is { } k ? $" --iterations {k}" : "")}` (regenerated from its JSON). {m["cpu"]}, {m["logicalCores"]} cores, {m["backend"]}."));
        s.AppendLine("Every variant fits data/v1-gratings.npz with the `RecordingFitOptions` defaults (200 units, unit readout, float32, HF with CG ≤ 250, loss-plateau stop, seed 1) with the iteration budget of its row (the same for all unless the row changes it) and changes only what its row says. Score: held-out trial-averaged R² against the generator's noise-free truth (as `neurornn fit --truth`). Iteration counts and R² do not depend on load; wall and CPU seconds are **provisional** (shared machine, load averages per row in the JSON).");
        s.AppendLine();
        s.AppendLine("| variant | change | R² vs truth | Δ vs unconstrained | median unit R² | iterations (budget) | stop | CPU s (provisional) | load at start |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---|");
        double? reference = runs["unconstrained"]?["r2HeldOutVsTruth"]?.GetValue<double>();
        foreach (var (name, node) in runs)
        {
            var r = node!.AsObject();
            double? r2 = r["r2HeldOutVsTruth"]?.GetValue<double>();
            bool diverged = r["diverged"]?.GetValue<bool>() == true;
            string delta = !diverged && reference is { } x && r2 is { } y ? (y - x).ToString("+0.000;-0.000;0.000", Inv) : "—";
            string load = r["loadAverageAtStart"]!.GetValue<string>().Split(' ')[0];
            string score = diverged ? "**diverged**" : r2?.ToString("F3", Inv) ?? "—";
            string median = diverged ? "—" : r["r2HeldOutVsTruthMedianUnit"]?.GetValue<double>().ToString("F3", Inv) ?? "—";
            s.AppendLine(string.Create(Inv, $"| {name} | {r["change"]} | {score} | {delta} | {median} | {r["iterations"]} ({r["iterationBudget"]}) | {r["stopReason"]} | {r["cpuSeconds"]} | {load} |"));
        }
        // The reading follows from the rows: the best Dale variant against the goal of coming within 0.02 of the reference.
        var dale = RankedDaleVariants(runs);
        if (reference is { } refR2 && dale.Length > 0)
        {
            s.AppendLine();
            s.AppendLine(string.Create(Inv, $"Best Dale variant: **{dale[0].Key}**, R² {dale[0].R2:F3} vs {refR2:F3} unconstrained (Δ {dale[0].R2 - refR2:+0.000;-0.000;0.000}; goal: within 0.02 → {(dale[0].R2 >= refR2 - 0.02 ? "met" : "not met")})."));
            if (runs["dale"]?["r2HeldOutVsTruth"] is { } d && runs["dale-peak0.8"]?["r2HeldOutVsTruth"] is { } old)
                s.AppendLine(string.Create(Inv, $"The default Dale fit (softplus, peak 2) vs the previous default (peak 0.8): {d.GetValue<double>():F3} vs {old.GetValue<double>():F3}."));
        }
        return s.ToString();
    }

    /// <summary>The Dale variants of a result file's runs that did not diverge, best held-out R² against the truth first.</summary>
    internal static (string Key, double R2)[] RankedDaleVariants(JsonObject runs) =>
        runs.Where(p => p.Key.StartsWith("dale", StringComparison.Ordinal) && p.Value?["diverged"]?.GetValue<bool>() != true && p.Value?["r2HeldOutVsTruth"] is not null)
            .Select(p => (p.Key, R2: p.Value!["r2HeldOutVsTruth"]!.GetValue<double>())).OrderByDescending(p => p.R2).ToArray();

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
