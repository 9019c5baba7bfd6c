using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NeuroRnn.Checkpoints;
using NeuroRnn.Networks;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;

namespace NeuroRnn.Bench;

/// <summary>
/// Memory of <see cref="TrainedNetwork.Perturb"/> on the Mante network: the mante suite's perturbation analysis (the 10 and
/// 3 line-attractor units named in bench/results/mante.json, then 5 random sets each drawn as that suite draws them) on
/// the same 2,880-trial batch, in a fresh process, as that suite holds results: the aligned set's result is kept while its
/// random sets run, the random sets' results are dropped without forcing a collection. Records the peak working set, bytes allocated per call, bytes a result keeps alive, and every number the
/// analysis reports, so two builds can be compared for memory and for identical results.
/// Usage: <c>perturb-memory --load CHECKPOINT --label NAME [--threads K] [--retained]</c>; writes bench/results/perturb-memory-NAME.json.
/// --retained forces a full collection around every call to weigh what a result keeps alive; leave it off for the peak
/// working set (forced collections would hide the garbage a real caller's process accumulates).
/// </summary>
internal static class PerturbMemorySuite
{
    private const int RandomSets = 5, TrialsPerCondition = 40;

    public static int Run(string[] args)
    {
        string? load = null, label = null;
        int threads = 2;
        bool retained = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"perturb-memory: {args[i]} needs a value.");
            switch (args[i])
            {
                case "--load": load = Next(); break;
                case "--label": label = Next(); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--retained": retained = true; break;
                default:
                    Console.Error.WriteLine($"perturb-memory: unknown argument '{args[i]}'. Usage: perturb-memory --load CHECKPOINT --label NAME [--threads K] [--retained]");
                    return 2;
            }
        }
        if (load is null || label is null)
        {
            Console.Error.WriteLine("perturb-memory: --load CHECKPOINT and --label NAME are required.");
            return 2;
        }
        if (NumericsBackend.IsMklAvailable) NumericsBackend.Mkl.SetThreadCount(threads);
        NumericsBackend.Managed.SetThreadCount(threads);
        string directory = BenchResults.ResultsDirectory();
        var mante = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "mante.json")))!["analysis"]!;
        int[] Units(string section) => mante[section]!["silencedUnits"]!.AsArray().Select(u => u!.GetValue<int>()).ToArray();

        var task = new ContextIntegrationTask();
        var checkpoint = CheckpointFile.Load(load);
        var network = TaskTraining.Train(task, TaskTraining.OptionsFrom(checkpoint, task) with { Iterations = 0 }, resumeFrom: checkpoint);
        var batch = task.SampleBalanced(TrialsPerCondition, seed: 77);
        var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        long baseline = process.WorkingSet64;
        var root = new JsonObject
        {
            ["label"] = label, ["checkpoint"] = Path.GetFileName(load), ["trials"] = batch.BatchSize, ["steps"] = batch.Steps,
            ["units"] = network.Model.Options.UnitCount, ["threads"] = threads, ["retainedMeasured"] = retained, ["machineAtStart"] = BenchResults.MachineWithBackend(),
            ["workingSetBeforeMiB"] = MiB(baseline),
        };
        var kept = new List<PerturbationResult>(); // the aligned sets' results, held as the mante suite holds them
        var calls = new JsonArray();
        var analyses = new JsonObject();
        var clock = Stopwatch.StartNew();
        foreach (var (section, perturbation) in new (string, Func<int[], Perturbation>)[]
        {
            ("perturbation", units => new Perturbation { Units = units }),
            ("memoryPerturbation", units => new Perturbation { Units = units, Strength = 0.5, StartMs = task.Options.StimulusMs }),
        })
        {
            int[] aligned = Units(section);
            var random = new SeededRandom(5);
            var sets = new List<int[]> { aligned };
            for (int k = 0; k < RandomSets; k++)
                sets.Add(Enumerable.Range(0, network.Model.Options.UnitCount).Where(u => !aligned.Contains(u)).OrderBy(_ => random.NextDouble()).Take(aligned.Length).Order().ToArray());
            var results = new JsonArray();
            foreach (var units in sets)
            {
                long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                long heldBefore = retained ? GC.GetTotalMemory(forceFullCollection: true) : 0;
                var callClock = Stopwatch.StartNew();
                var r = network.Perturb(batch, [perturbation(units)]);
                double seconds = callClock.Elapsed.TotalSeconds;
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                long held = retained ? GC.GetTotalMemory(forceFullCollection: true) - heldBefore : 0;
                GC.KeepAlive(r);
                if (units == aligned) kept.Add(r);
                process.Refresh();
                calls.Add(new JsonObject
                {
                    ["section"] = section, ["allocatedMiB"] = MiB(allocated), ["resultKeepsMiB"] = retained ? MiB(held) : null,
                    ["workingSetAfterMiB"] = MiB(process.WorkingSet64), ["seconds"] = Math.Round(seconds, 2),
                });
                results.Add(new JsonObject
                {
                    ["units"] = new JsonArray(units.Select(u => (JsonNode?)u).ToArray()),
                    ["controlAccuracy"] = r.ControlScore.Accuracy, ["perturbedAccuracy"] = r.PerturbedScore.Accuracy,
                    ["choiceFlips"] = r.ChoiceFlipFraction, ["outputChange"] = r.OutputChange,
                    ["perturbedPsychometric"] = new JsonArray(r.PerturbedPsychometric!.Select(p => (JsonNode?)new JsonObject
                    {
                        ["context"] = p.Context, ["input"] = p.Input, ["coherence"] = p.Coherence, ["choicePlus"] = p.ChoicePlusFraction,
                    }).ToArray()),
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {section} [{string.Join(',', units)}]: {r}; allocated {MiB(allocated):F0} MiB,  {(retained ? $"result keeps {MiB(held):F0} MiB, " : "")}{seconds:F1} s"));
            }
            analyses[section] = results;
        }
        // Reading the rates of the first result: what a caller pays when it does look at the recordings.
        var first = kept[0];
        long beforeRead = GC.GetTotalAllocatedBytes(precise: true);
        double rateSum = Sum(first.Control.Data) + Sum(first.Perturbed.Data);
        root["firstResultRatesSum"] = rateSum;
        root["firstResultRatesReadAllocatedMiB"] = MiB(GC.GetTotalAllocatedBytes(precise: true) - beforeRead);
        process.Refresh();
        root["calls"] = calls;
        root["analyses"] = analyses;
        root["resultsHeld"] = kept.Count;
        root["totalSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        root["peakWorkingSetMiB"] = MiB(process.PeakWorkingSet64);
        root["machineAtEnd"] = BenchResults.MachineWithBackend();
        string path = Path.Combine(directory, $"perturb-memory-{label}.json");
        BenchResults.WriteJson(path, root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {MiB(process.PeakWorkingSet64):F0} MiB with {kept.Count} results held; written to {path}"));
        GC.KeepAlive(kept);
        return 0;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }

    private static double MiB(long bytes) => Math.Round(bytes / 1048576.0, 1);
}
