using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Analysis;
using NeuroRnn.Checkpoints;
using NeuroRnn.Data;
using NeuroRnn.Dynamics;
using NeuroRnn.Networks;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Bench;

/// <summary>
/// The Mante, Sussillo, Shenoy &amp; Newsome (2013) reproduction: trains the 100-unit tanh network on context-dependent
/// integration with Hessian-free optimization through the task-training front door, times HF and Adam to the accuracy
/// criterion in the same run, and reverse-engineers the HF network — psychometric slopes per context, targeted
/// dimensionality reduction, slow points per context (one line each?), the spectrum at those points (one slow mode?),
/// selection vectors, and the choices after silencing the units most aligned with the line attractors.
/// Writes bench/results/mante.json and generates mante.md from it.
/// Usage: <c>mante [--quick] [--hf-minutes M] [--adam-minutes M] [--threads K] [--save CHECKPOINT] [--load CHECKPOINT] [--resume CHECKPOINT] [--markdown-only]</c>
/// (--load analyses a saved HF network instead of training; --resume continues a saved HF run for another --hf-minutes
/// and analyses the result. Neither times HF against Adam again: the comparison of the run that wrote the checkpoint is
/// kept from the existing mante.json when it is there).
/// </summary>
internal static class ManteSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What the reproduction must show (issue 10).</summary>
    private const double AccuracyMargin = 0.03, SlopeRatio = 5, LineVariance = 0.9, ModeSeparation = 10;

    private const int SilencedUnits = 10, MemoryUnits = 3, RandomSets = 5, TrialsPerCondition = 40;

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        double hfMinutes = quick ? 2 : 60, adamMinutes = quick ? 2 : 30;
        int threads = 1;
        string? save = null, load = null, resume = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick" or "--markdown-only": break;
                case "--hf-minutes": hfMinutes = double.Parse(Next(), Inv); break;
                case "--adam-minutes": adamMinutes = double.Parse(Next(), Inv); break;
                case "--threads": threads = int.Parse(Next(), Inv); break;
                case "--save": save = Next(); break;
                case "--load": load = Next(); break;
                case "--resume": resume = Next(); break;
                default:
                    Console.Error.WriteLine($"mante: unknown argument '{args[i]}'. Usage: mante [--quick] [--hf-minutes M] [--adam-minutes M] [--threads K] [--save CHECKPOINT] [--load CHECKPOINT] [--resume CHECKPOINT] [--markdown-only]");
                    return 2;
            }
        }
        string directory = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(directory);
        string jsonPath = Path.Combine(directory, "mante.json");
        if (args.Contains("--markdown-only"))
        {
            File.WriteAllText(Path.Combine(directory, "mante.md"), Markdown(JsonNode.Parse(File.ReadAllText(jsonPath))!.AsObject()));
            return 0;
        }
        if (NumericsBackend.IsMklAvailable) NumericsBackend.Mkl.SetThreadCount(threads);
        NumericsBackend.Managed.SetThreadCount(threads);

        var root = new JsonObject { ["mode"] = quick ? "quick" : "full", ["threads"] = threads, ["machineAtStart"] = BenchResults.MachineWithBackend() };
        var task = new ContextIntegrationTask();
        double ideal = task.IdealObserverAccuracy(), criterion = ideal - AccuracyMargin;
        var preset = TaskPresets.For(task) with { Seed = 1, TestTrials = 2000 };
        root["task"] = TaskJson(task, ideal, criterion);
        root["network"] = JsonNode.Parse(CheckpointJson.Serialize(preset.Network));

        TrainedNetwork network;
        if (load is not null && resume is not null)
        {
            Console.Error.WriteLine("mante: give either --load or --resume, not both.");
            return 2;
        }
        if (load is not null || resume is not null)
        {
            string path = (load ?? resume)!;
            var checkpoint = CheckpointFile.Load(path);
            var earlier = File.Exists(jsonPath) ? JsonNode.Parse(File.ReadAllText(jsonPath))!["training"] : null;
            var training = new JsonObject { ["loadedFrom"] = Path.GetFileName(path), ["iterations"] = checkpoint.Statistics.Count };
            // The timing comparison belongs to the run that wrote the checkpoint; keep it when the earlier report has it.
            if (earlier?["hf"] is JsonObject earlierHf && earlier["adam"] is JsonObject earlierAdam)
            {
                training["hf"] = earlierHf.DeepClone();
                training["adam"] = earlierAdam.DeepClone();
            }
            if (resume is not null)
            {
                var options = TaskTraining.OptionsFrom(checkpoint, task) with { Iterations = 100_000, TimeLimit = TimeSpan.FromMinutes(hfMinutes) };
                network = Train("hf (continued)", task, options, criterion, out var continued, resumeFrom: checkpoint);
                if (save is not null) CheckpointFile.Save(save, network.ToCheckpoint());
                training["continued"] = continued;
                training["iterations"] = network.Statistics.Count;
            }
            else
            {
                network = TaskTraining.Train(task, TaskTraining.OptionsFrom(checkpoint, task) with { Iterations = 0 }, resumeFrom: checkpoint);
            }
            root["training"] = training;
        }
        else
        {
            var hf = preset with { Iterations = quick ? 4 : 100_000, TimeLimit = TimeSpan.FromMinutes(hfMinutes) };
            network = Train("hf", task, hf, criterion, out var hfJson);
            if (save is not null) CheckpointFile.Save(save, network.ToCheckpoint());
            // Adam stops at the criterion (it is scored every 25 steps); HF trains on to its budget for the analysis.
            var adam = preset with
            {
                Optimizer = TaskOptimizer.Adam, Iterations = quick ? 50 : 10_000_000, ValidateEvery = 25,
                TargetErrorRate = 1 - criterion, TimeLimit = TimeSpan.FromMinutes(adamMinutes),
            };
            Train("adam", task, adam, criterion, out var adamJson);
            root["training"] = new JsonObject { ["hf"] = hfJson, ["adam"] = adamJson };
        }
        // The analysed network is the last one of the HF run, not the one with the best test accuracy: accuracy reaches the
        // ideal observer's early and then only fluctuates within its sampling error, while the loss (and the line
        // attractor) keep improving.
        network.Model.SetParameters(network.Training.Parameters);
        root["analysedParameters"] = "last HF iteration";
        root["analysis"] = Analyse(network, task, ideal, quick);
        root["machineAtEnd"] = BenchResults.MachineWithBackend();
        BenchResults.WriteJson(jsonPath, root);
        File.WriteAllText(Path.Combine(directory, "mante.md"), Markdown(root));
        Console.WriteLine($"written to {jsonPath} and mante.md");
        return 0;
    }

    private static JsonObject TaskJson(ContextIntegrationTask task, double ideal, double criterion)
    {
        var o = task.Options;
        return new JsonObject
        {
            ["dtMs"] = o.DtMs, ["tauMs"] = TaskPresets.NeuroscienceTauMs, ["alpha"] = o.DtMs / TaskPresets.NeuroscienceTauMs,
            ["fixationMs"] = o.FixationMs, ["stimulusMs"] = o.StimulusMs, ["delayMs"] = o.DelayMs, ["responseMs"] = o.ResponseMs, ["steps"] = o.Steps,
            ["coherences"] = new JsonArray(o.Coherences.Select(c => (JsonNode?)c).ToArray()),
            ["noiseStdPer10Ms"] = o.NoiseStd, ["stepNoiseStd"] = o.StepNoiseStd,
            ["idealObserverAccuracy"] = ideal,
            ["idealObserverByCoherence"] = new JsonObject(o.Coherences.Select(c => KeyValuePair.Create(c.ToString(Inv), (JsonNode?)o.IdealObserverAccuracy(c)))),
            ["accuracyCriterion"] = criterion,
        };
    }

    /// <summary>Trains with <paramref name="options"/> and reports the wall time at which the test accuracy first reached the criterion.</summary>
    private static TrainedNetwork Train(string name, ContextIntegrationTask task, TaskTrainingOptions options, double criterion, out JsonObject json,
        Checkpoint? resumeFrom = null)
    {
        Console.WriteLine($"== {name}: training (criterion: test accuracy ≥ {criterion:P2})");
        var load = BenchResults.LoadAverage();
        var trace = new JsonArray();
        double? reachedSeconds = null;
        int? reachedIteration = null;
        var network = TaskTraining.Train(task, options, resumeFrom: resumeFrom, onIteration: s =>
        {
            if (s.Validation is not { } error) return;
            double accuracy = 1 - error;
            if (reachedSeconds is null && accuracy >= criterion) { reachedSeconds = s.ElapsedSeconds; reachedIteration = s.Iteration; }
            trace.Add(new JsonObject { ["iteration"] = s.Iteration, ["loss"] = Finite(s.Loss), ["testAccuracy"] = accuracy, ["elapsedSeconds"] = s.ElapsedSeconds });
            Console.WriteLine(string.Create(Inv, $"   {name} it {s.Iteration,6} loss {s.Loss:G4} test accuracy {accuracy:P2} ({s.ElapsedSeconds:F0} s)"));
        });
        json = new JsonObject
        {
            ["optimizer"] = name,
            ["settings"] = JsonNode.Parse(options.Optimizer == TaskOptimizer.HessianFree ? CheckpointJson.Serialize(network.Options.HessianFree) : CheckpointJson.Serialize(network.Options.Adam)),
            ["reachedCriterion"] = reachedSeconds is not null,
            ["secondsToCriterion"] = reachedSeconds,
            ["iterationsToCriterion"] = reachedIteration is { } it ? it + 1 : null,
            ["iterations"] = network.Training.Statistics.Count,
            ["wallSeconds"] = network.Seconds,
            ["bestTestAccuracy"] = 1 - (network.BestTestErrorRate ?? 1),
            ["stopReason"] = network.StopReason.Description,
            ["loadAverageAtStart"] = load,
            ["trace"] = trace,
        };
        Console.WriteLine($"   {network}");
        return network;
    }

    private static JsonObject Analyse(TrainedNetwork network, ContextIntegrationTask task, double ideal, bool quick)
    {
        Console.WriteLine("== analysis of the HF network");
        var batch = task.SampleBalanced(quick ? 10 : TrialsPerCondition, seed: 77);
        var outputs = network.Predict(batch);
        var result = new JsonObject { ["evaluationTrials"] = batch.BatchSize };

        // Behaviour: accuracy against the ideal observer, overall and per coherence.
        double accuracy = task.Score(batch, outputs).Accuracy;
        result["accuracy"] = new JsonObject
        {
            ["overall"] = accuracy,
            ["idealObserver"] = ideal,
            ["differencePoints"] = 100 * (accuracy - ideal),
            ["standardErrorPoints"] = 100 * Math.Sqrt(accuracy * (1 - accuracy) / batch.BatchSize),
            ["pass"] = Math.Abs(accuracy - ideal) <= AccuracyMargin,
            ["byCoherence"] = new JsonArray(task.Options.Coherences.Select(c => (JsonNode?)new JsonObject
            {
                ["coherence"] = c, ["network"] = task.AccuracyAtCoherence(batch, outputs, c), ["idealObserver"] = task.Options.IdealObserverAccuracy(c),
            }).ToArray()),
        };

        // Psychometric slopes: logistic fits (no lapses: a network does not lapse) of P(choice +1) against each stream.
        var points = task.Psychometric(batch, outputs);
        var fitOptions = new PsychometricFitOptions { FitLowerLapse = false, FitUpperLapse = false, BootstrapCount = quick ? 100 : 1000, Seed = 3 };
        var psychometric = new JsonArray();
        foreach (string context in ContextIntegrationTask.ContextNames)
        {
            var fits = new Dictionary<string, PsychometricFit>();
            foreach (string input in ContextIntegrationTask.ContextNames)
                fits[input] = PsychometricFitter.Fit(points.Where(p => p.Context == context && p.Input == input), fitOptions);
            var relevant = fits[context];
            var irrelevant = fits[context == "motion" ? "colour" : "motion"];
            double ratio = relevant.Slope / Math.Abs(irrelevant.Slope);
            psychometric.Add(new JsonObject
            {
                ["context"] = context,
                ["relevantSlope"] = relevant.Slope, ["relevantSlopeInterval"] = Interval(relevant.SlopeInterval),
                ["irrelevantSlope"] = irrelevant.Slope, ["irrelevantSlopeInterval"] = Interval(irrelevant.SlopeInterval),
                ["relevantBias"] = relevant.Bias, ["ratio"] = ratio, ["pass"] = ratio >= SlopeRatio,
            });
            Console.WriteLine(string.Create(Inv, $"   {context} context: slope relevant {relevant.Slope:F2}, irrelevant {irrelevant.Slope:F2} (×{ratio:F1})"));
        }
        result["psychometric"] = psychometric;

        var rates = network.Record(batch);
        result["tdr"] = Tdr(rates);

        // Slow points per context, from states along that context's trajectories, under the context cue alone.
        var trajectory = network.Model.Run(batch);
        var contexts = batch.Conditions!["context"];
        var slow = new JsonArray();
        var directionWeight = new double[network.Model.Options.UnitCount];
        var found = new List<(string Context, FixedPointResult Points)>();
        for (int c = 0; c < 2; c++)
        {
            var input = new double[task.InputCount];
            input[ContextIntegrationTask.MotionContextInput + c] = 1;
            var trials = Enumerable.Range(0, batch.BatchSize).Where(b => contexts[b] == c).ToArray();
            var search = FixedPointFinder.Find(network.Model, trajectory, input, new FixedPointOptions
            {
                StartCount = quick ? 64 : 256, Trials = trials, StopAtSlowPoints = true, Seed = 11 + c,
            });
            found.Add((ContextIntegrationTask.ContextNames[c], search));
            slow.Add(SlowPoints(ContextIntegrationTask.ContextNames[c], search, directionWeight));
            Console.WriteLine($"   {ContextIntegrationTask.ContextNames[c]} context: {search}");
        }
        result["slowPoints"] = slow;

        // Perturbation: silence the units with the largest components along the line attractors (both contexts), against
        // random sets of as many units.
        var ranking = Enumerable.Range(0, directionWeight.Length).OrderByDescending(u => directionWeight[u]).ToArray();
        result["perturbation"] = Perturbation(network, batch, ranking.Take(SilencedUnits).Order().ToArray(), units => new Perturbation { Units = units });
        // A milder, later perturbation asks about holding the choice: the rates of the few most aligned units halved from
        // the end of the evidence on, when only the line attractor keeps the choice.
        result["memoryPerturbation"] = Perturbation(network, batch, ranking.Take(MemoryUnits).Order().ToArray(),
            units => new Perturbation { Units = units, Strength = 0.5, StartMs = task.Options.StimulusMs });
        return result;
    }

    private static JsonObject SlowPoints(string context, FixedPointResult search, double[] directionWeight)
    {
        var points = search.Points;
        var json = new JsonObject
        {
            ["context"] = context, ["points"] = points.Count, ["fixedPoints"] = search.FixedPoints.Count, ["starts"] = search.StartCount,
            ["rejected"] = search.RejectedCount, ["outliers"] = search.OutlierCount, ["duplicates"] = search.DuplicateCount,
            ["slowPointTolerance"] = search.Options.SlowPointTolerance,
        };
        if (points.Count < 2) { json["pass"] = false; return json; }
        var basis = Pca.Fit(search.States(), Math.Min(3, points.Count - 1));
        var linearizations = points.Select(p => p.Linearize()).ToArray();
        var separation = linearizations.Select(l => l.SlowModeSeparation).Where(double.IsFinite).Order().ToArray();
        var slowest = linearizations.Select(l => l.TimeConstants[l.SlowestMode]).ToArray();
        var real = linearizations.Where(l => l.InputProjections is not null).ToArray();
        double motion = Median(real.Select(l => Math.Abs(l.InputProjections![ContextIntegrationTask.MotionInput])));
        double colour = Median(real.Select(l => Math.Abs(l.InputProjections![ContextIntegrationTask.ColourInput])));
        foreach (var l in real)
            if (l.SlowDirection is { } d)
                for (int u = 0; u < d.Length; u++) directionWeight[u] += Math.Abs(d[u]) / real.Length;
        double median = Median(separation);
        bool motionContext = context == "motion";
        json["varianceAlongFirstDirection"] = basis.ExplainedVarianceRatio[0];
        json["lineExtentAlongFirstDirection"] = Math.Sqrt(basis.Variance[0]);
        json["linePass"] = basis.ExplainedVarianceRatio[0] >= LineVariance;
        json["slowModeSeparation"] = new JsonObject
        {
            ["median"] = median, ["min"] = separation.FirstOrDefault(double.NaN), ["max"] = separation.LastOrDefault(double.NaN),
            ["fractionAtLeast10"] = separation.Length == 0 ? 0 : separation.Count(s => s >= ModeSeparation) / (double)separation.Length,
        };
        json["slowestTimeConstantMs"] = new JsonObject { ["median"] = Median(slowest.Select(Math.Abs)), ["unstablePoints"] = linearizations.Count(l => l.UnstableModeCount > 0) };
        json["nextTimeConstantMs"] = Median(linearizations.Select(l => Math.Abs(l.TimeConstants[l.SlowestMode]) / l.SlowModeSeparation).Where(double.IsFinite));
        json["separationPass"] = median >= ModeSeparation;
        json["selectionVector"] = new JsonObject
        {
            ["motionProjection"] = motion, ["colourProjection"] = colour, ["pointsWithRealSlowMode"] = real.Length,
            ["pass"] = motionContext ? motion > colour : colour > motion,
        };
        var spectrum = points[0].Linearize().Eigenvalues;
        json["spectrumAtFirstPoint"] = new JsonArray(spectrum.Take(6).Select(e => (JsonNode?)new JsonArray(e.Real, e.Imaginary)).ToArray());
        return json;
    }

    private static JsonObject Tdr(Recording rates)
    {
        // Mante's axes: choice, motion, colour, context (orthogonalised in that order); condition averages projected at the
        // end of the stimulus (750 ms after onset), per context.
        var axes = TargetedDimensionalityReduction.Fit(rates, ["choice", "motionCoherence", "colourCoherence", "context"]);
        var json = new JsonObject
        {
            ["principalComponents"] = axes.PrincipalComponents,
            ["conditions"] = axes.ConditionCount,
            ["peakTimeMs"] = new JsonArray(axes.PeakTimeMs.Select(t => (JsonNode?)t).ToArray()),
            ["regressionCosineMotionColour"] = axes.RegressionVectorCosine("motionCoherence", "colourCoherence"),
        };
        var time = rates.GetTimeMs();
        int end = Array.FindLastIndex(time, t => t <= 750);
        foreach (string stream in new[] { "motionCoherence", "colourCoherence" })
        {
            var projected = axes.Project(rates, "context", stream);
            var table = projected.Conditions;
            var perContext = new JsonArray();
            for (int c = 0; c < 2; c++)
            {
                var rows = Enumerable.Range(0, projected.ConditionCount).Where(r => table.GetDoubles("context")[r] == c).ToArray();
                var x = rows.Select(r => table.GetDoubles(stream)[r]).ToArray();
                double Slope(string variable)
                {
                    var y = rows.Select(r => projected.Trajectory(r, variable)[end]).ToArray();
                    double mx = x.Average(), my = y.Average();
                    return x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / x.Sum(v => (v - mx) * (v - mx));
                }
                perContext.Add(new JsonObject
                {
                    ["context"] = ContextIntegrationTask.ContextNames[c],
                    ["slopeOnOwnAxis"] = Slope(stream), ["slopeOnChoiceAxis"] = Slope("choice"),
                });
            }
            json[stream] = perContext;
        }
        return json;
    }

    private static JsonObject Perturbation(TrainedNetwork network, TrialBatch batch, int[] aligned, Func<int[], Perturbation> perturbation)
    {
        var silenced = network.Perturb(batch, [perturbation(aligned)]);
        var random = new SeededRandom(5);
        var controls = new JsonArray();
        var drops = new List<double>();
        for (int k = 0; k < RandomSets; k++)
        {
            var units = Enumerable.Range(0, network.Model.Options.UnitCount).Where(u => !aligned.Contains(u)).OrderBy(_ => random.NextDouble()).Take(aligned.Length).Order().ToArray();
            var r = network.Perturb(batch, [perturbation(units)]);
            drops.Add(r.ControlScore.Accuracy - r.PerturbedScore.Accuracy);
            controls.Add(new JsonObject { ["units"] = new JsonArray(units.Select(u => (JsonNode?)u).ToArray()), ["accuracy"] = r.PerturbedScore.Accuracy, ["choiceFlips"] = r.ChoiceFlipFraction });
            // Each result holds four 2,880-trial recordings (~2 GB with the runs behind them); release them before the next
            // run, or a shared machine's memory runs out (the earlier version was OOM-killed at 17 GB).
            r = null;
            GC.Collect();
        }
        Console.WriteLine($"   perturbing {aligned.Length} line-attractor units: {silenced}; random sets lose {drops.Average():P1} on average");
        return new JsonObject
        {
            ["silencedUnits"] = new JsonArray(aligned.Select(u => (JsonNode?)u).ToArray()),
            ["strength"] = perturbation(aligned).Strength,
            ["startMs"] = perturbation(aligned).StartMs,
            ["controlAccuracy"] = silenced.ControlScore.Accuracy,
            ["perturbedAccuracy"] = silenced.PerturbedScore.Accuracy,
            ["choiceFlips"] = silenced.ChoiceFlipFraction,
            ["relevantSlopes"] = RelevantSlopes(silenced),
            ["randomSets"] = controls,
            ["randomSetsMeanAccuracyDrop"] = drops.Average(),
        };
    }

    private static JsonObject RelevantSlopes(PerturbationResult result)
    {
        var options = new PsychometricFitOptions { FitLowerLapse = false, FitUpperLapse = false, BootstrapCount = 0 };
        var json = new JsonObject();
        foreach (string context in ContextIntegrationTask.ContextNames)
        {
            double Slope(IReadOnlyList<PsychometricPoint> points) => PsychometricFitter.Fit(points.Where(p => p.Context == context && p.Relevant), options).Slope;
            json[context] = new JsonObject { ["control"] = Slope(result.ControlPsychometric!), ["silenced"] = Slope(result.PerturbedPsychometric!) };
        }
        return json;
    }

    // ---------------------------------------------------------------- report

    private static string Markdown(JsonObject root)
    {
        var md = new StringBuilder();
        var task = root["task"]!;
        var a = root["analysis"]!;
        md.AppendLine("# Mante et al. (2013) reproduction (`dotnet run -c Release --project bench/NeuroRnn.Bench -- mante`)");
        md.AppendLine();
        md.AppendLine("Generated from `mante.json` by the bench's `mante` suite (`--markdown-only` regenerates it). Science numbers do not");
        md.AppendLine("depend on load; **timings are provisional** (taken with the load average shown, on a shared 2-core machine).");
        md.AppendLine();
        md.AppendLine($"Mode {root["mode"]}, {root["threads"]} back-end thread(s); machine: {root["machineAtStart"]!["cpu"]}, {root["machineAtStart"]!["logicalCores"]} logical cores, {root["machineAtStart"]!["backend"]}; load average `{root["machineAtStart"]!["loadAverage"]}` at the start ({root["machineAtStart"]!["utc"]} UTC) and `{root["machineAtEnd"]?["loadAverage"]}` at the end ({root["machineAtEnd"]?["utc"]} UTC): **timings provisional**.");
        md.AppendLine();
        md.AppendLine("## Set-up");
        md.AppendLine();
        md.AppendLine(string.Create(Inv, $"- Task: `ContextIntegrationTask` defaults — {F(task["fixationMs"], "F0")} ms context cue alone, {F(task["stimulusMs"], "F0")} ms of motion and colour evidence with signed coherences ±{{{string.Join(", ", task["coherences"]!.AsArray().Select(c => F(c, "G3")))}}} (6 levels per stream, 72 conditions), then {F(task["responseMs"], "F0")} ms in which the output must hold the choice (±1) with the evidence off."));
        md.AppendLine(string.Create(Inv, $"- Noise: per-step evidence noise σ = {F(task["stepNoiseStd"], "F3")} at dt = {F(task["dtMs"], "G3")} ms (σ = {F(task["noiseStdPer10Ms"], "G3")} per 10 ms). Exact ideal observer of the relevant stream (sign of its summed evidence): **{P(task["idealObserverAccuracy"])}** overall ({string.Join(", ", task["idealObserverByCoherence"]!.AsObject().Select(kv => $"{kv.Key}: {P(kv.Value)}"))})."));
        md.AppendLine(string.Create(Inv, $"- Network: 100 tanh units, τ = {F(task["tauMs"], "G3")} ms, **dt = {F(task["dtMs"], "G3")} ms (dt/τ = {F(task["alpha"], "G2")})**, Gaussian initialisation of gain 1, linear read-out; the task family's preset (`TaskPresets.Neuroscience`): HF with fresh 500-trial batches, curvature minibatch 100, λ₀ = 0.1, CG ≤ 100; Adam with learning rate 3·10⁻³ on batches of 64. Test set for best-parameter selection: 2,000 trials."));
        md.AppendLine(string.Create(Inv, $"- Evaluation: {a["evaluationTrials"]} fresh trials, {TrialsPerCondition} per condition (balanced)."));
        md.AppendLine();
        md.AppendLine("## Criteria");
        md.AppendLine();
        md.AppendLine("| criterion | measured | required | pass |");
        md.AppendLine("|---|---|---|---|");
        var acc = a["accuracy"]!;
        md.AppendLine($"| overall accuracy vs ideal observer | {P(acc["overall"])} vs {P(acc["idealObserver"])} ({F(acc["differencePoints"], "+0.0;-0.0")} points, SE {F(acc["standardErrorPoints"], "F1")}) | within 3 points | {Yes(acc["pass"])} |");
        foreach (var p in a["psychometric"]!.AsArray())
            md.AppendLine($"| psychometric slope relevant / irrelevant, {p!["context"]} context | {F(p["relevantSlope"], "F2")} [{F(p["relevantSlopeInterval"]![0], "F2")}, {F(p["relevantSlopeInterval"]![1], "F2")}] / {F(p["irrelevantSlope"], "F2")} [{F(p["irrelevantSlopeInterval"]![0], "F2")}, {F(p["irrelevantSlopeInterval"]![1], "F2")}] = ×{F(p["ratio"], "F1")} | ≥ 5× | {Yes(p["pass"])} |");
        foreach (var s in a["slowPoints"]!.AsArray())
        {
            if (s!["varianceAlongFirstDirection"] is null) { md.AppendLine($"| slow points, {s["context"]} context | {s["points"]} point(s) | a line | no |"); continue; }
            md.AppendLine($"| slow points on one line, {s["context"]} context | {P(s["varianceAlongFirstDirection"])} of the variance of {s["points"]} points along PC 1 | ≥ 90 % | {Yes(s["linePass"])} |");
            md.AppendLine($"| slowest / next time constant at the slow points, {s["context"]} context | median ×{F(s["slowModeSeparation"]!["median"], "F1")} (τ {F(s["slowestTimeConstantMs"]!["median"], "G3")} ms vs {F(s["nextTimeConstantMs"], "G3")} ms; {P(s["slowModeSeparation"]!["fractionAtLeast10"])} of points ≥ 10×) | ≥ 10× | {Yes(s["separationPass"])} |");
            var sel = s["selectionVector"]!;
            md.AppendLine($"| selection vector · input (median \\|projection\\|), {s["context"]} context | motion {F(sel["motionProjection"], "F3")}, colour {F(sel["colourProjection"], "F3")} | relevant > irrelevant | {Yes(sel["pass"])} |");
        }
        md.AppendLine();
        if (root["training"]!["hf"] is JsonObject hf && root["training"]!["adam"] is JsonObject adam)
        {
            md.AppendLine("## Hessian-free vs Adam to the accuracy criterion (same run; timing provisional)");
            md.AppendLine();
            md.AppendLine(string.Create(Inv, $"Criterion: test accuracy ≥ ideal observer − 3 points = {P(task["accuracyCriterion"])} on the 2,000 test trials."));
            md.AppendLine();
            md.AppendLine("| optimizer | reached | iterations to criterion | seconds to criterion | iterations run | best test accuracy | stop | load at start |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var r in new[] { hf, adam })
                md.AppendLine($"| {r["optimizer"]} | {Yes(r["reachedCriterion"])} | {r["iterationsToCriterion"]?.ToString() ?? "–"} | {F(r["secondsToCriterion"], "F0")} | {r["iterations"]} | {P(r["bestTestAccuracy"])} | {r["stopReason"]} | `{r["loadAverageAtStart"]}` |");
            md.AppendLine();
            bool adamReached = adam["reachedCriterion"] is JsonValue reached && reached.GetValue<bool>();
            md.AppendLine(string.Create(Inv, $"Time budgets: HF {F(hf["wallSeconds"], "F0")} s, Adam {F(adam["wallSeconds"], "F0")} s of wall time. HF kept training after reaching the criterion, to its budget; the analysis uses its last parameters. ") +
                (adamReached ? "Adam stopped at the criterion." : $"Adam did not reach the criterion within its budget (scored every 25 steps; best test accuracy {P(adam["bestTestAccuracy"])})."));
            md.AppendLine();
        }
        if (root["training"]!["continued"] is JsonObject continued)
        {
            md.AppendLine(string.Create(Inv, $"The analysed network is that HF run continued from its checkpoint (`{root["training"]!["loadedFrom"]}`) for {continued["iterations"]} more HF iterations ({F(continued["wallSeconds"], "F0")} s wall time, load at start `{continued["loadAverageAtStart"]}`; best test accuracy {P(continued["bestTestAccuracy"])}): {root["training"]!["iterations"]} HF iterations in all."));
            md.AppendLine();
        }
        else if (root["training"]!["loadedFrom"] is { } from)
        {
            md.AppendLine(root["training"]!["hf"] is JsonObject
                ? $"The analysis was re-run on the HF network that the timed run above saved (`{from}`, {root["training"]!["iterations"]} HF iterations); the machine line at the top is that of the re-run."
                : $"The analysed network was loaded from `{from}` ({root["training"]!["iterations"]} HF iterations); no timing in this run.");
            md.AppendLine();
        }
        md.AppendLine("## Behaviour");
        md.AppendLine();
        md.AppendLine("| relevant coherence | network accuracy | ideal observer |");
        md.AppendLine("|---|---|---|");
        foreach (var c in acc["byCoherence"]!.AsArray())
            md.AppendLine($"| {F(c!["coherence"], "G3")} | {P(c["network"])} | {P(c["idealObserver"])} |");
        md.AppendLine();
        md.AppendLine("Slopes are of logistic fits without lapse rates (P(choice +1) against signed coherence, per unit coherence) with 95 % parametric-bootstrap intervals.");
        md.AppendLine();
        var tdr = a["tdr"]!;
        md.AppendLine("## Targeted dimensionality reduction");
        md.AppendLine();
        md.AppendLine(string.Create(Inv, $"Axes of choice, motion, colour and context (orthogonalised in that order) from the regression of the z-scored condition averages of all {a["evaluationTrials"]} trials, denoised with the top {tdr["principalComponents"]} principal components over {tdr["conditions"]} conditions. Regression vectors of motion and colour: cosine {F(tdr["regressionCosineMotionColour"], "F2")}."));
        md.AppendLine();
        md.AppendLine("Slope of the end-of-stimulus projection against the stream's coherence (on the stream's own axis and on the choice axis):");
        md.AppendLine();
        md.AppendLine("| stream | context | own axis | choice axis |");
        md.AppendLine("|---|---|---|---|");
        foreach (string stream in new[] { "motionCoherence", "colourCoherence" })
            foreach (var c in tdr[stream]!.AsArray())
                md.AppendLine($"| {stream.Replace("Coherence", "", StringComparison.Ordinal)} | {c!["context"]} | {F(c["slopeOnOwnAxis"], "F2")} | {F(c["slopeOnChoiceAxis"], "F2")} |");
        md.AppendLine();
        bool bothRepresented = new[] { "motionCoherence", "colourCoherence" }.All(stream => tdr[stream]!.AsArray().All(c => (double)c!["slopeOnOwnAxis"]! > 0));
        bool relevantDrivesChoice = Enumerable.Range(0, 2).All(c =>
            Math.Abs((double)tdr[c == 0 ? "motionCoherence" : "colourCoherence"]![c]!["slopeOnChoiceAxis"]!) >
            Math.Abs((double)tdr[c == 0 ? "colourCoherence" : "motionCoherence"]![c]!["slopeOnChoiceAxis"]!));
        md.AppendLine($"Mante et al.'s observation — both streams represented along their own axes in both contexts (positive slopes): **{(bothRepresented ? "holds" : "does not hold")}**; in each context the relevant stream moves the state along the choice axis more than the irrelevant one: **{(relevantDrivesChoice ? "holds" : "does not hold")}**.");
        md.AppendLine();
        md.AppendLine("## Slow points");
        md.AppendLine();
        md.AppendLine("Found with `FixedPointFinder` (Levenberg–Marquardt on q = ½‖F‖², starts on the trajectories of the context's trials, input = the context cue alone, search stopped at q ≤ 10⁻⁶ so the points sample the slow manifold).");
        md.AppendLine();
        md.AppendLine("| context | points (fixed) | rejected / outliers / duplicates | variance on PC 1 | slowest τ (ms, median) | separation median [min, max] | unstable points |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in a["slowPoints"]!.AsArray())
            md.AppendLine($"| {s!["context"]} | {s["points"]} ({s["fixedPoints"]}) | {s["rejected"]} / {s["outliers"]} / {s["duplicates"]} | {P(s["varianceAlongFirstDirection"])} | {F(s["slowestTimeConstantMs"]?["median"], "G3")} | {F(s["slowModeSeparation"]?["median"], "F1")} [{F(s["slowModeSeparation"]?["min"], "F1")}, {F(s["slowModeSeparation"]?["max"], "F1")}] | {s["slowestTimeConstantMs"]?["unstablePoints"]} |");
        md.AppendLine();
        var pert = a["perturbation"]!;
        md.AppendLine("## Silencing the line-attractor units");
        md.AppendLine();
        md.AppendLine(string.Create(Inv, $"The {SilencedUnits} units with the largest mean |component| of the slow direction (right eigenvector of the slowest mode) at the slow points of both contexts — units {string.Join(", ", pert["silencedUnits"]!.AsArray().Select(u => u!.ToString()))} — silenced for the whole trial: accuracy {P(pert["controlAccuracy"])} → **{P(pert["perturbedAccuracy"])}**, {P(pert["choiceFlips"])} of choices changed; relevant-stream slopes {string.Join(", ", pert["relevantSlopes"]!.AsObject().Select(kv => $"{kv.Key} {F(kv.Value!["control"], "F2")} → {F(kv.Value["silenced"], "F2")}"))}. {RandomSets} random sets of {SilencedUnits} other units cost {P(pert["randomSetsMeanAccuracyDrop"])} accuracy on average ({string.Join(", ", pert["randomSets"]!.AsArray().Select(r => P(r!["accuracy"])))})."));
        md.AppendLine();
        if (a["memoryPerturbation"] is JsonObject memory)
        {
            md.AppendLine(string.Create(Inv, $"Holding the choice: the rates of the {MemoryUnits} most aligned units (units {string.Join(", ", memory["silencedUnits"]!.AsArray().Select(u => u!.ToString()))}) halved from {F(memory["startMs"], "F0")} ms (the end of the evidence) to the end of the trial: accuracy {P(memory["controlAccuracy"])} → **{P(memory["perturbedAccuracy"])}**, {P(memory["choiceFlips"])} of choices changed; {RandomSets} random triples of other units perturbed the same way: {string.Join(", ", memory["randomSets"]!.AsArray().Select(r => P(r!["accuracy"])))} (mean loss {P(memory["randomSetsMeanAccuracyDrop"])})."));
            md.AppendLine();
        }
        return md.ToString();
    }

    // ---------------------------------------------------------------- helpers

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    private static JsonArray Interval(ConfidenceInterval interval) => new(Finite(interval.Low), Finite(interval.High));

    private static JsonNode? Finite(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;

    private static string F(JsonNode? node, string format) => node is JsonValue v && v.TryGetValue(out double x) ? x.ToString(format, Inv) : "–";

    private static string P(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double x) ? x.ToString("P1", Inv) : "–";

    private static string Yes(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) ? (b ? "**yes**" : "no") : "–";
}
