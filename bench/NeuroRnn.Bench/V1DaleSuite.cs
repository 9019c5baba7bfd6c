using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Fitting;
using NeuroRnn.Networks;
using NeuroRnn.Numerics;

namespace NeuroRnn.Bench;

/// <summary>
/// The Dale-constrained V1 fit against the unconstrained one, the E/I balance of the fitted networks and predicted tuning
/// changes for silencing 20 % of the I and of the E units. Reads two fitted networks of the shipped data with the
/// <see cref="RecordingFitOptions"/> defaults — the folders of <c>neurornn fit</c> runs or of <c>v1-dale-variants --save DIR</c>
/// (DIR/unconstrained, DIR/dale): <c>v1-dale --free DIR --dale DIR [--repetitions K]</c>; scores both against the generator's
/// noise-free truth itself; writes bench/results/v1-dale.json and .md.
/// </summary>
internal static class V1DaleSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string? free = null, dale = null, bounded = null, saturating = null;
        var sweep = new List<(double Peak, string Directory)>();
        int repetitions = 20;
        int? budget = null;
        string data = ShippedV1.RelativePath;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--free": free = Next(); break;
                case "--dale": dale = Next(); break;
                case "--bounded": bounded = Next(); break; // a Dale fit with sigmoid rates (v1-dale-variants' dale-sigmoid), whose rates cannot run away
                case "--saturating": saturating = Next(); break; // a Dale fit with saturating-softplus rates (v1-dale-variants' dale-saturating)
                case "--saturating-at": // PEAK=DIR: a saturating fit with rates scaled to PEAK (ceiling 6/PEAK × the recorded peak; v1-dale-variants' dale-saturating-peakP)
                {
                    string[] parts = Next().Split('=', 2);
                    if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, Inv, out double peak) || !(peak > 0))
                        throw new ArgumentException($"--saturating-at needs PEAK=DIR with a positive PEAK, got '{args[i]}'.");
                    sweep.Add((peak, parts[1]));
                    break;
                }
                case "--data": data = Next(); break;
                case "--repetitions": repetitions = int.Parse(Next(), Inv); break;
                case "--budget": budget = int.Parse(Next(), Inv); break; // the iteration budget the saved fits were given, for the report
                case "--markdown-only": break;
                case "--merge": break; // keep the committed JSON's fits that this run does not analyse (a fit is deterministic; reanalysing it repeats the same numbers)
                default:
                    Console.Error.WriteLine($"v1-dale: unknown argument '{args[i]}'. Usage: v1-dale --free DIR --dale DIR [--bounded DIR] [--saturating DIR] [--data FILE] [--repetitions K] [--budget ITERATIONS]");
                    return 2;
            }
        }
        if (args.Contains("--markdown-only"))
        {
            string results = BenchResults.ResultsDirectory();
            File.WriteAllText(Path.Combine(results, "v1-dale.md"), Markdown(JsonNode.Parse(File.ReadAllText(Path.Combine(results, "v1-dale.json")))!.AsObject()));
            return 0;
        }
        bool merge = args.Contains("--merge");
        if (dale is null && !merge) { Console.Error.WriteLine("v1-dale: --dale (a fitted-network folder) is required; --free (the unconstrained fit) is optional."); return 2; }
        string root = BenchResults.RepositoryRoot();
        var recording = ShippedV1.Read(data);
        var result = new JsonObject { ["machineAtStart"] = BenchResults.MachineWithBackend(), ["data"] = data, ["iterationBudget"] = budget };
        var fits = new JsonObject();
        JsonObject? previous = merge ? BenchResults.ReadCommitted("v1-dale.json")?.AsObject() : null;
        if (merge && previous is null) { Console.Error.WriteLine("v1-dale: --merge needs the committed bench/results/v1-dale.json."); return 2; }
        // The shipped file's noise-free twin scores the fits.
        var truth = ShippedV1.Truth();
        var saturatingRates = new FitConstraints { DalesLaw = true, RateFunction = NeuroRnn.Models.Nonlinearity.SaturatingSoftplus };
        var runs = new List<(string Name, string? Directory, FitConstraints Constraints, double? Peak)>
        {
            ("unconstrained", free, new FitConstraints(), null), ("dale", dale, new FitConstraints { DalesLaw = true }, null),
            ("dale-sigmoid", bounded, new FitConstraints { DalesLaw = true, RateFunction = NeuroRnn.Models.Nonlinearity.Sigmoid }, null),
            ("dale-saturating", saturating, saturatingRates, null),
        };
        // Sweep points given now, then those of the committed JSON (kept by --merge).
        runs.AddRange(sweep.Select(p => (string.Create(Inv, $"dale-saturating-peak{p.Peak}"), (string?)p.Directory, saturatingRates, (double?)p.Peak)));
        foreach (var (kept, _) in previous?["fits"]?.AsObject() ?? [])
            if (runs.All(r => r.Name != kept) && kept.StartsWith("dale-saturating-peak", StringComparison.Ordinal)) runs.Add((kept, null, saturatingRates, null));
        foreach (var (name, directory, constraints, peak) in runs)
        {
            if (directory is null)
            {
                // Without --free the report has the Dale fit only — unless --merge keeps the committed analysis of the missing fit,
                // stamped with the run that made it.
                if (previous?["fits"]?[name] is JsonObject kept)
                {
                    var copy = kept.DeepClone().AsObject();
                    copy["analysedUtc"] ??= previous["machineAtStart"]?["utc"]?.DeepClone();
                    copy["loadAtAnalysis"] ??= previous["machineAtStart"]?["loadAverage"]?.DeepClone();
                    fits[name] = copy;
                }
                continue;
            }
            // neurornn fit writes a summary (iterations, times); a v1-dale-variants folder holds the network only.
            string summaryPath = Path.Combine(directory, "fit-summary.json");
            var summary = File.Exists(summaryPath) ? JsonNode.Parse(File.ReadAllText(summaryPath))!.AsObject() : null;
            var fit = Reload(recording, directory, constraints, peak);
            var entry = new JsonObject
            {
                ["r2HeldOutVsTruth"] = Finite(fit.ScoreAgainstTruth(truth).Overall),
                ["r2HeldOutTrialAveraged"] = Finite(fit.TrialAveraged.Overall),
                ["r2HeldOutNormalised"] = Finite(fit.NormalizedRSquared),
                ["hfIterations"] = summary?["hf_iterations"]?.DeepClone(),
                ["trainingSeconds"] = summary?["timings_s"]?["training"]?.DeepClone(),
                ["loadDuringFit"] = summary?["timings_s"]?["load"]?.DeepClone(),
                ["stopReason"] = summary?["stop_reason"]?.DeepClone(),
                ["constraints"] = new JsonArray([.. constraints.Describe().Select(c => (JsonNode?)c)]),
                ["targetPeak"] = fit.Options.EffectiveTargetPeak,
                ["balance"] = Balance(fit),
                ["analysedUtc"] = result["machineAtStart"]!["utc"]!.DeepClone(),
                ["loadAtAnalysis"] = BenchResults.LoadAverage(),
            };
            if (name.StartsWith("dale", StringComparison.Ordinal))
            {
                var perturbations = new JsonObject();
                foreach (var (label, cells) in new[] { ("silence20I", UnitTypeFilter.Inhibitory), ("silence20E", UnitTypeFilter.Excitatory) })
                {
                    var p = TuningPerturbations.Predict(fit, new TuningPerturbationOptions { CellTypes = cells, Fraction = 0.2, Repetitions = repetitions, Seed = 1 });
                    Console.WriteLine(p);
                    perturbations[label] = Perturbation(p);
                }
                entry["perturbations"] = perturbations;
            }
            fits[name] = entry;
        }
        result["fits"] = fits;
        result["machineAtEnd"] = BenchResults.MachineWithBackend();
        string directoryOut = Path.Combine(root, "bench", "results");
        BenchResults.WriteJson(Path.Combine(directoryOut, "v1-dale.json"), result);
        File.WriteAllText(Path.Combine(directoryOut, "v1-dale.md"), Markdown(result));
        Console.WriteLine("written bench/results/v1-dale.json and v1-dale.md");
        return 0;
    }

    /// <summary>The fit of <c>neurornn fit</c>'s defaults on the data, at the parameters it saved (the split is seeded, so the dataset is the same).</summary>
    private static RecordingFitResult Reload(Recording recording, string directory, FitConstraints constraints, double? targetPeak)
    {
        var (model, scales) = FittedNetworkFile.Load(directory);
        var options = new RecordingFitOptions { UnitCount = model.Options.UnitCount, Iterations = 0, Constraints = constraints, TargetPeak = targetPeak };
        var fit = RecordingFitter.Fit(recording, options);
        // The defaults fix the rate scaling; a network fitted with another (e.g. before the softplus peak became 2) would be misread.
        for (int u = 0; u < scales.Length; u++)
            if (Math.Abs(scales[u] - fit.Dataset.Scales[u]) > 1e-9 * Math.Abs(scales[u]))
                throw new InvalidOperationException($"{directory}: unit {u}'s saved rate scale {scales[u]} differs from the default fit's {fit.Dataset.Scales[u]}; it was fitted with other options.");
        if (model.Options.Nonlinearity != fit.Model.Options.Nonlinearity)
            throw new InvalidOperationException($"{directory}: the saved network uses {model.Options.Nonlinearity} rates, the default fit {fit.Model.Options.Nonlinearity}.");
        fit.Model.SetParameters(model.GetParameters());
        // A result computes its predictions and scores when built: rebuild it around the loaded parameters.
        return new RecordingFitResult(fit.Options, fit.Dataset, fit.Model, fit.Training, fit.Seconds, fit.Backend);
    }

    private static JsonObject Balance(RecordingFitResult fit)
    {
        var dataset = fit.Dataset;
        var trials = dataset.Processed.Trials.Take([.. dataset.Processed.GroupTrialIndices(dataset.ConditionColumns).Select(g => g[0])]);
        var batch = dataset.InputsFor(trials);
        var time = dataset.Processed.GetTimeMs();
        double dt = fit.Options.BinMs;
        var currents = NetworkCurrents.Of(fit.Model, batch, dt, dt - time[0]);
        var stimulus = trials.GetDoubles(trials.Contains("direction_deg") ? "direction_deg" : "orientation_deg");
        var report = ExcitationInhibition.Balance(currents, fit.Options.Stimulus.OnsetMs, fit.Options.Stimulus.OffsetMs, stimulus);
        Console.WriteLine(report);
        JsonObject Medians(bool? excitatory) => new()
        {
            ["ratio"] = Finite(report.Median(u => u.Ratio, excitatory)),
            ["temporalCorrelation"] = Finite(report.Median(u => u.TemporalCorrelation, excitatory)),
            ["stimulusCorrelation"] = Finite(report.Median(u => u.StimulusCorrelation, excitatory)),
            ["cancellation"] = Finite(report.Median(u => u.Cancellation, excitatory)),
            ["meanExcitatory"] = Finite(report.Median(u => u.MeanExcitatory, excitatory)),
            ["meanInhibitory"] = Finite(report.Median(u => u.MeanInhibitory, excitatory)),
        };
        return new JsonObject
        {
            ["splitBy"] = currents.SplitBy,
            ["windowMs"] = new JsonArray(report.WindowStartMs, report.WindowEndMs),
            ["all"] = Medians(null),
            ["excitatoryUnits"] = fit.Model.Options.DalesLaw ? Medians(true) : null,
            ["inhibitoryUnits"] = fit.Model.Options.DalesLaw ? Medians(false) : null,
        };
    }

    private static JsonObject Perturbation(TuningPerturbationResult p)
    {
        JsonObject Change(PredictedChange c) => new() { ["mean"] = Finite(c.Mean), ["median"] = Finite(c.Median), ["low"] = Finite(c.Interval.Low), ["high"] = Finite(c.Interval.High) };
        return new JsonObject
        {
            ["eligible"] = p.EligibleUnits, ["perturbed"] = p.PerturbedPerRepetition, ["repetitions"] = p.Options.Repetitions,
            ["runawayFactor"] = p.Options.RunawayFactor, ["unstableRepetitions"] = p.UnstableRepetitions.Count,
            ["unstablePeakRatios"] = new JsonArray([.. p.UnstableRepetitions.Select(u => u.PeakRatio).Select(x => (JsonNode?)(double.IsFinite(x) ? Math.Round(x, 2) : null))]),
            ["controlPeakRate"] = Finite(p.ControlPeakRate),
            ["peakRatios"] = new JsonArray([.. p.PeakRatios.Select(x => (JsonNode?)(double.IsFinite(x) ? Math.Round(x, 3) : null))]),
            ["populationMeanRateHz"] = Change(p.PopulationMeanRate), ["populationMedianGainRatio"] = Change(p.PopulationGainRatio),
            ["populationWidthDeg"] = Change(p.PopulationWidth), ["populationAbsPreferredShiftDeg"] = Change(p.PopulationPreferredShift),
            ["fractionUnitsGainUp"] = (double)p.Units.Count(u => u.GainRatio.Interval.Low > 1) / p.Units.Count,
            ["fractionUnitsGainDown"] = (double)p.Units.Count(u => u.GainRatio.Interval.High < 1) / p.Units.Count,
            ["units"] = new JsonArray([.. p.Units.Select(u => (JsonNode?)new JsonObject
            {
                ["unit"] = u.Name, ["controlPreferredDeg"] = Math.Round(u.Control.PreferredOrientationDeg, 2), ["controlAmplitudeHz"] = Math.Round(u.Control.Amplitude, 3),
                ["gainHz"] = Change(u.Gain), ["gainRatio"] = Change(u.GainRatio), ["baselineHz"] = Change(u.Baseline), ["widthDeg"] = Change(u.Width), ["preferredShiftDeg"] = Change(u.PreferredOrientation),
            })]),
        };
    }

    private static string Markdown(JsonObject r)
    {
        var s = new StringBuilder();
        var start = r["machineAtStart"]!.AsObject();
        var end = r["machineAtEnd"]!.AsObject();
        var fits = r["fits"]!.AsObject();
        string G(JsonNode? n, string f = "F3") => n is null ? "—" : n.GetValue<double>().ToString(f, Inv);
        s.AppendLine("# Dale-constrained fit of the shipped V1 data: balance and perturbation predictions");
        s.AppendLine();
        s.AppendLine(string.Create(Inv, $"Generated {start["utc"]} UTC by `dotnet run -c Release --project bench/NeuroRnn.Bench -- v1-dale {(fits.ContainsKey("unconstrained") ? "--free DIR " : "")}--dale DIR{(fits.ContainsKey("dale-sigmoid") ? " --bounded DIR" : "")}{(fits.ContainsKey("dale-saturating") ? " --saturating DIR" : "")}{string.Concat(fits.Where(f => f.Key.StartsWith("dale-saturating-peak", StringComparison.Ordinal)).Select(f => $" --saturating-at {f.Key["dale-saturating-peak".Length..]}=DIR"))}{(fits.Select(f => f.Value?["analysedUtc"]?.ToString()).Distinct().Count() > 1 ? " (over runs with --merge)" : "")}{(r["iterationBudget"] is { } kb ? $" --budget {kb}" : "")}` from {fits.Count} fit(s) of {r["data"]} with the `RecordingFitOptions` defaults (200 units, float32, CG ≤ 250, plateau stop){(r["iterationBudget"] is { } k ? $" and an iteration budget of {k} (`v1-dale-variants --iterations {k} --only unconstrained,dale --save DIR`; the R² rows also in v1-dale-variants-it{k}.md)" : "")}, the Dale fit with Dale's law (80 % E, softplus rates scaled to peak 2){(fits.ContainsKey("dale-sigmoid") ? ", dale-sigmoid the same with bounded sigmoid rates (peak 0.8; `--only dale-sigmoid`)" : "")}{(fits.ContainsKey("dale-saturating") ? ", dale-saturating the same with saturating softplus rates (r = 6·tanh(softplus(x)/6): softplus near threshold, ceiling 3 × each unit's recorded peak; `--only dale-saturating`)" : "")}{(fits.Any(f => f.Key.StartsWith("dale-saturating-peak", StringComparison.Ordinal)) ? ", dale-saturating-peakP the same with rates scaled to peak P, so the ceiling is 6/P × each unit's recorded peak (the ceiling's sensitivity; `--saturating-at P=DIR`)" : "")}. {start["cpu"]}, {start["logicalCores"]} cores, {start["backend"]}."));
        var stamps = fits.Select(p => (p.Key, Utc: p.Value?["analysedUtc"]?.ToString(), Load: p.Value?["loadAtAnalysis"]?.ToString())).ToArray();
        if (stamps.Select(x => x.Utc).Distinct().Count() > 1)
            s.AppendLine().AppendLine("Fits analysed in different runs (`--merge` keeps the committed analysis of a fit not given on the command line; fits are seeded and deterministic): "
                + string.Join("; ", stamps.Select(x => $"{x.Key} {x.Utc ?? "?"} UTC (load `{x.Load ?? "?"}`)")) + ".").AppendLine();
        s.AppendLine(string.Create(Inv, $"Load average at analysis start `{start["loadAverage"]}`, end `{end["loadAverage"]}`; iteration budgets, not wall time, bound the fits, so R² does not depend on load; times are **provisional** (see v1-dale-variants.md)."));
        s.AppendLine();
        s.AppendLine("| fit | constraints | held-out trial-avg R² vs noise-free truth | held-out R² vs data | normalised R² | HF iterations | training s (provisional) |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, node) in fits)
        {
            var f = node!.AsObject();
            string constraints = f["constraints"]!.AsArray().Count == 0 ? "none" : string.Join("; ", f["constraints"]!.AsArray().Select(x => x!.GetValue<string>()));
            s.AppendLine($"| {name} | {constraints} | {G(f["r2HeldOutVsTruth"])} | {G(f["r2HeldOutTrialAveraged"])} | {G(f["r2HeldOutNormalised"])} | {f["hfIterations"]?.ToString() ?? (r["iterationBudget"] is { } kc ? $"≤ {kc} (budget)" : "—")} | {G(f["trainingSeconds"], "F0")} |");
        }
        double? a = fits["unconstrained"]?["r2HeldOutVsTruth"]?.GetValue<double>(), b = fits["dale"]!["r2HeldOutVsTruth"]?.GetValue<double>();
        if (a is { } x && b is { } y)
            s.AppendLine().AppendLine(string.Create(Inv, $"Difference Dale − unconstrained: {y - x:+0.000;-0.000} (goal: within 0.02) → {(Math.Abs(y - x) <= 0.02 || y > x ? "met" : "not met")}."));
        foreach (var other in new[] { "dale-sigmoid", "dale-saturating" })
            if (a is { } xa && fits[other]?["r2HeldOutVsTruth"]?.GetValue<double>() is { } yo)
                s.AppendLine().AppendLine(string.Create(Inv, $"Difference {other} − unconstrained: {yo - xa:+0.000;-0.000} (goal: within 0.02) → {(yo >= xa - 0.02 ? "met" : "not met")}."));
        s.AppendLine();
        s.AppendLine("## E/I balance in the stimulus window (medians over units)");
        s.AppendLine();
        s.AppendLine("E and I currents: recurrent input split by presynaptic type (Dale) or by weight sign (unconstrained). Ratio = mean E / |mean I|; temporal correlation of E and |I| within a trial; stimulus correlation of the direction-averaged E and |I| across the 12 directions; cancellation = 1 − mean|E + I| / mean(E + |I|).");
        s.AppendLine();
        s.AppendLine("| fit | units | E/I ratio | E–I temporal corr. | E–I across-stimulus corr. | cancellation | mean E | mean I |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, node) in fits)
        {
            var bal = node!["balance"]!.AsObject();
            foreach (var group in new[] { "all", "excitatoryUnits", "inhibitoryUnits" })
                if (bal[group] is JsonObject m)
                    s.AppendLine($"| {name} ({bal["splitBy"]}) | {group} | {G(m["ratio"], "F2")} | {G(m["temporalCorrelation"], "F2")} | {G(m["stimulusCorrelation"], "F2")} | {G(m["cancellation"], "F2")} | {G(m["meanExcitatory"])} | {G(m["meanInhibitory"])} |");
        }
        s.AppendLine();
        s.AppendLine("## Predicted tuning changes (Dale fits): silencing 20 % of the I or E units during the grating");
        s.AppendLine();
        s.AppendLine("Silence = the chosen units' rates set to 0 for the whole stimulus window (0–900 ms); each repetition draws a new random 20 % of the units of that type; cells give the median over repetitions, the mean, and the central 95 % interval over repetitions. Tuning = von Mises fit of each recorded unit's mean response (Hz) over the window across the 12 directions.");
        s.AppendLine();
        s.AppendLine("A repetition is **unstable** when the perturbed network runs away: some unit's rate in the window exceeds 5 × the unperturbed network's largest rate (or is not finite). Unstable repetitions are counted and left out of every number in the row — the cells summarise the stable repetitions only. Peak ratio = the perturbed network's largest rate in the window / the unperturbed network's (model units), median and range over all draws: for the saturating softplus the ceiling is 6 / the control's peak.");
        s.AppendLine();
        s.AppendLine("| experiment | units silenced | repetitions | unstable (excluded) | mean rate change (Hz) | median gain ratio | width change (°) | mean abs. preferred shift (°) | units with gain ↑ / ↓ (interval excludes 1) | peak ratio, median [min, max] (ceiling) |");
        s.AppendLine("|---|---:|---:|---:|---|---|---|---|---|---|");
        foreach (var (fitName, fitNode) in fits)
        foreach (var (experiment, node) in fitNode!["perturbations"]?.AsObject() ?? [])
        {
            string label = fitName == "dale" ? experiment : $"{experiment} ({fitName})";
            var p = node!.AsObject();
            string C(string key) { var c = p[key]!.AsObject(); return string.Create(Inv, $"{G(c["median"])} (mean {G(c["mean"])}) [{G(c["low"])}, {G(c["high"])}]"); }
            s.AppendLine(string.Create(Inv, $"| {label} | {p["perturbed"]} of {p["eligible"]} | {p["repetitions"]} | {p["unstableRepetitions"]?.ToString() ?? "not checked"} | {C("populationMeanRateHz")} | {C("populationMedianGainRatio")} | {C("populationWidthDeg")} | {C("populationAbsPreferredShiftDeg")} | {UpDown(p)} | {PeakRatios(p, fitName)} |"));
        }
        s.AppendLine();
        s.AppendLine("Per-unit predictions (gain, baseline, width, preferred orientation with intervals) for all 200 recorded units are in v1-dale.json.");
        s.AppendLine();
        s.AppendLine("## Reading");
        s.AppendLine();
        // Every number of the reading comes from the JSON, so regenerating the report never leaves stale prose.
        var daleFit = fits["dale"]!.AsObject();
        if (a is { } ra && b is { } rb)
            s.AppendLine(string.Create(Inv, $"- Fit quality: the Dale fit reaches held-out R² {rb:F3} against the noise-free truth, {rb - ra:+0.000;-0.000} from the unconstrained fit of the same settings ({ra:F3}): the goal of 0.02 is **{(rb >= ra - 0.02 ? "met" : "not met")}**.") + VariantsReading());
        if (daleFit["balance"]?["all"] is JsonObject medians)
            s.AppendLine(string.Create(Inv, $"- Balance: in the Dale network the median unit's E and |I| inputs correlate over time at {G(medians["temporalCorrelation"], "F2")} and cancel to {G(medians["cancellation"], "F2")} (E/I ratio {G(medians["ratio"], "F2")}); across the 12 directions their direction-averages correlate at {G(medians["stimulusCorrelation"], "F2")} ({(medians["stimulusCorrelation"]?.GetValue<double>() is { } sc ? Math.Abs(sc) < 0.3 ? "near 0: E and I inputs are not co-tuned" : sc > 0 ? "E and I inputs share their tuning" : "E and I inputs are tuned oppositely" : "not computed")}). The unconstrained tanh network's split by weight sign is not a biological E/I split (its rates can be negative), so its 'cancellation' is not evidence of balance."));
        if (a is null && b is { } dr)
            s.AppendLine(string.Create(Inv, $"- Fit quality: the Dale fit reaches held-out R² {dr:F3} against the noise-free truth; the unconstrained fit of the same settings is in v1-dale-variants{(r["iterationBudget"] is { } kk ? $"-it{kk}" : "")}.md (run without --free here)."));
        foreach (var (fitName, fitNode) in fits)
        foreach (var (experiment, node) in fitNode!["perturbations"]?.AsObject() ?? [])
        {
            string label = fitName == "dale" ? experiment : $"{experiment} ({fitName})";
            var p = node!.AsObject();
            var rate = p["populationMeanRateHz"]!.AsObject();
            var gain = p["populationMedianGainRatio"]!.AsObject();
            int unstable = p["unstableRepetitions"]?.GetValue<int>() ?? 0, reps = p["repetitions"]!.GetValue<int>();
            s.AppendLine(string.Create(Inv, $"- {label}: over the {reps - unstable} stable of {reps} draws the mean response changes by {G(rate["median"])} Hz (median draw; 95 % interval [{G(rate["low"])}, {G(rate["high"])}]) and the median unit's gain by × {G(gain["median"])} [{G(gain["low"])}, {G(gain["high"])}]")
                + (unstable > 0 ? string.Create(Inv, $"; in {unstable} draw(s) the softplus network ran away (peak rate × {string.Join(", ", p["unstablePeakRatios"]!.AsArray().Select(x => x is null ? "∞" : x.GetValue<double>().ToString("F1", Inv)))} the control's): an inhibition-stabilised network near instability, reported, not averaged. A bounded rate function (`--rate-function saturating-softplus` or `sigmoid`) cannot run away.") : "; no draw ran away" + (PeakRatios(p, fitName) is var pr && pr != "—" ? $" (largest rate × the control's: {pr})" : "") + "."));
        }
        // The saturating fits side by side: does the I-silencing prediction follow the assumed maximum rate?
        var saturatingFits = fits.Where(f => f.Key.StartsWith("dale-saturating", StringComparison.Ordinal) && f.Value?["perturbations"]?["silence20I"] is not null)
            .Select(f => (f.Key, Peak: f.Value!["targetPeak"]?.GetValue<double>() ?? 2.0, Fit: f.Value!.AsObject()))
            .OrderByDescending(f => f.Peak).ToArray();
        if (saturatingFits.Length > 1)
            s.AppendLine("- Ceiling sensitivity (saturating softplus; ceiling = 6 / target peak × each unit's recorded peak; the target peak also moves where the recorded range sits on the softplus): "
                + string.Join("; ", saturatingFits.Select(f =>
                {
                    var i = f.Fit["perturbations"]!["silence20I"]!.AsObject();
                    var e = f.Fit["perturbations"]!["silence20E"]!.AsObject();
                    string Cell(JsonObject p, string key) { var c = p[key]!.AsObject(); return $"{G(c["median"])} [{G(c["low"])}, {G(c["high"])}]"; }
                    return string.Create(Inv, $"ceiling {6 / f.Peak:0.#} × ({f.Key}, R² {G(f.Fit["r2HeldOutVsTruth"])}): silencing I {Cell(i, "populationMeanRateHz")} Hz, gain × {Cell(i, "populationMedianGainRatio")}, {i["unstableRepetitions"]} unstable; silencing E {Cell(e, "populationMeanRateHz")} Hz");
                })) + ".");
        return s.ToString();
    }

    /// <summary>
    /// What the variants study (v1-dale-variants.json, the default budget) found, read from its JSON so the sentence can
    /// never disagree with it: the best Dale variant and the default Dale fit against the previous default peak.
    /// </summary>
    private static string VariantsReading()
    {
        if (BenchResults.ReadCommitted("v1-dale-variants.json") is not { } variants) return " The variants study (v1-dale-variants.json) is not there: run `v1-dale-variants`.";
        var runs = variants["runs"] as JsonObject ?? new JsonObject();
        var ranked = V1DaleVariantsSuite.RankedDaleVariants(runs);
        double? reference = runs["unconstrained"]?["r2HeldOutVsTruth"]?.GetValue<double>();
        if (ranked.Length == 0 || reference is not { } refR2) return " The variants study (v1-dale-variants.json) has no Dale variant and unconstrained reference to compare.";
        var (best, bestR2) = ranked[0];
        var budgets = runs.Select(p => p.Value?["iterationBudget"]?.GetValue<int>()).Distinct().ToArray();
        string budget = budgets.Length == 1 && budgets[0] is { } k ? string.Create(Inv, $"budget {k} iterations each") : "budgets per row";
        string sentence = string.Create(Inv, $" Among the Dale variants of v1-dale-variants.json ({ranked.Length} that did not diverge, {budget}) the best is **{best}**, R² {bestR2:F3} vs {refR2:F3} unconstrained (Δ {bestR2 - refR2:+0.000;-0.000;0.000}; its change: {runs[best]?["change"]})");
        if (runs["dale"]?["r2HeldOutVsTruth"] is { } dale && runs["dale-peak0.8"]?["r2HeldOutVsTruth"] is { } old)
            sentence += string.Create(Inv, $"; the default Dale fit (softplus, peak 2) reaches {dale.GetValue<double>():F3} there, the previous default (peak 0.8) {old.GetValue<double>():F3}");
        return sentence + " (v1-dale-variants.md).";
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>How far the draws pushed the network's largest rate, and for the saturating softplus where its ceiling lies (runs before the ratios were recorded: —).</summary>
    private static string PeakRatios(JsonObject p, string fitName)
    {
        if (p["peakRatios"] is not JsonArray ratios || ratios.Count == 0) return "—";
        var values = ratios.Select(x => x?.GetValue<double>() ?? double.PositiveInfinity).Order().ToArray();
        string F(double v) => double.IsFinite(v) ? v.ToString(v < 100 ? "F2" : "G3", Inv) : "∞";
        double median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        string ceiling = fitName.StartsWith("dale-saturating", StringComparison.Ordinal) && p["controlPeakRate"]?.GetValue<double>() is { } peak and > 0
            ? $" (ceiling {F(NeuroRnn.Models.NonlinearityFunctions.SaturatingSoftplusCeiling / peak)}; {values.Count(v => v >= 0.95 * NeuroRnn.Models.NonlinearityFunctions.SaturatingSoftplusCeiling / peak)} of {values.Length} draws within 5 % of it)" : "";
        return $"{F(median)} [{F(values[0])}, {F(values[^1])}]{ceiling}";
    }

    /// <summary>Units whose gain interval excludes 1; an interval over fewer than 5 stable draws says nothing, so none is given.</summary>
    private static string UpDown(JsonObject p)
    {
        int stable = p["repetitions"]!.GetValue<int>() - (p["unstableRepetitions"]?.GetValue<int>() ?? 0);
        return stable < 5 ? string.Create(Inv, $"— ({stable} stable draw(s))")
            : string.Create(Inv, $"{p["fractionUnitsGainUp"]!.GetValue<double>():P0} / {p["fractionUnitsGainDown"]!.GetValue<double>():P0}");
    }
}
