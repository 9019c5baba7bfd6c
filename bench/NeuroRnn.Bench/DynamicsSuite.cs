using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Analysis;
using NeuroRnn.Data;
using NeuroRnn.Dynamics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Trials;

namespace NeuroRnn.Bench;

/// <summary>
/// Cost of the dynamics and task analyses at the sizes of the Mante et al. network: a fixed-point search from 256 starts
/// on 100 tanh units (autonomous g = 2, with several fixed points, and under a constant input), a linearisation
/// (Jacobian + ?geev with left and right eigenvectors), TDR of 100 units × 80 bins × 1,152 trials, choice probability of
/// 100 units × 1,000 trials with 1,000 permutations each, and a psychometric fit with 1,000 bootstrap resamples. Each
/// on the MKL and the managed back-end (the analyses that do not use the back-end once), median of --runs (default 5).
/// Writes bench/results/dynamics.json and dynamics.md (generated from the JSON). Options: --runs N, --out DIR;
/// --report-only rewrites dynamics.md from an existing dynamics.json without measuring.
/// </summary>
internal static class DynamicsSuite
{
    public static int Run(string[] args)
    {
        int runs = ReadersSuite.IntOption(args, "--runs", 5);
        string outDir = ReadersSuite.StringOption(args, "--out", BenchResults.ResultsDirectory());
        if (args.Contains("--report-only"))
        {
            var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "dynamics.json")))!.AsObject();
            File.WriteAllText(Path.Combine(outDir, "dynamics.md"), Report(saved));
            return 0;
        }
        string loadBefore = BenchResults.LoadAverage();
        var started = DateTime.UtcNow;
        var sections = new JsonObject();
        foreach (var kind in new[] { BackendKind.Mkl, BackendKind.Managed })
        {
            var backend = NumericsBackend.Use(kind);
            Console.Error.WriteLine($"back-end: {backend.Description}");
            sections[backend.Name] = new JsonObject
            {
                ["backend"] = backend.Description,
                ["fixedPointsAutonomous"] = FixedPointSearch(runs, gain: 2.0, input: null),
                ["fixedPointsConstantInput"] = FixedPointSearch(runs, gain: 1.5, input: [0, 0, 1, 0]),
                ["linearizationSeconds"] = LinearizationSeconds(runs),
            };
        }
        NumericsBackend.Reset();
        var analyses = new JsonObject
        {
            ["tdrSeconds"] = Median(runs, TdrOnce),
            ["choiceProbabilitySeconds"] = Median(runs, ChoiceProbabilityOnce),
            ["psychometricSeconds"] = Median(runs, PsychometricOnce),
        };
        var json = new JsonObject
        {
            ["date"] = started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["loadAverageBefore"] = loadBefore,
            ["loadAverageAfter"] = BenchResults.LoadAverage(),
            ["processorCount"] = Environment.ProcessorCount,
            ["runs"] = runs,
            ["backends"] = sections,
            ["analyses"] = analyses,
        };
        Directory.CreateDirectory(outDir);
        BenchResults.WriteJson(Path.Combine(outDir, "dynamics.json"), json);
        string report = Report(json);
        File.WriteAllText(Path.Combine(outDir, "dynamics.md"), report);
        Console.WriteLine(report);
        return 0;
    }

    private static (RateRnn Model, RnnTrajectory Trajectory) Network(double gain, double[]? input)
    {
        const int units = 100, trials = 32, steps = 200;
        var model = new RateRnn(new RateRnnOptions { UnitCount = units, InputCount = 4, Gain = gain, Seed = 4 });
        var random = new SeededRandom(2);
        var u = new double[steps * trials * 4];
        for (int b = 0; b < trials; b++)
        {
            // A random kick at the first step spreads the trials over state space; then the constant input.
            for (int i = 0; i < 4; i++) u[b * 4 + i] = 5 * random.NextGaussian();
            for (int t = 1; t < steps; t++)
                for (int i = 0; i < 4; i++) u[(t * trials + b) * 4 + i] = input?[i] ?? 0;
        }
        var batch = new TrialBatch(steps, trials, 4, 1, u, new double[steps * trials], new double[steps * trials], null);
        return (model, model.Run(batch));
    }

    private static JsonObject FixedPointSearch(int runs, double gain, double[]? input)
    {
        var (model, trajectory) = Network(gain, input);
        var options = new FixedPointOptions { StartCount = 256, StartNoiseStd = 0.05, Seed = 1 };
        FixedPointResult? result = null;
        var times = new List<double>();
        var cpuTimes = new List<double>();
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r <= runs; r++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = FixedPointFinder.Find(model, trajectory, input, options);
            double seconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (r > 0) { times.Add(seconds); cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds); } // run 0 warms up the JIT
            Console.Error.WriteLine($"  fixed points (g = {gain}): {seconds:F2} s, {result}");
        }
        double median = Median(times);
        return new JsonObject
        {
            ["units"] = 100,
            ["gain"] = gain,
            ["input"] = input is null ? "none (autonomous)" : string.Join(", ", input),
            ["starts"] = 256,
            ["medianSeconds"] = median,
            ["medianCpuSeconds"] = Median(cpuTimes),
            ["iterations"] = result!.IterationCount,
            ["cpuMicrosecondsPerIteration"] = Median(cpuTimes) / result.IterationCount * 1e6,
            ["fixedPoints"] = result.FixedPoints.Count,
            ["slowPoints"] = result.SlowPoints.Count,
            ["rejected"] = result.RejectedCount,
            ["allocatedMegabytesPerSearch"] = allocated / 1e6,
        };
    }

    /// <summary>Median time of one linearisation (Jacobian, ?geev with left and right eigenvectors) at a trajectory state.</summary>
    private static double LinearizationSeconds(int runs)
    {
        var (model, trajectory) = Network(2.0, null);
        var dynamics = RateRnnDynamics.Of(model);
        var state = trajectory.States.AsSpan(50 * 32 * 100, 100).ToArray();
        return Median(runs, () => dynamics.Linearize(state));
    }

    private static Recording SyntheticPopulation(int units, int times, int trialsPerCondition)
    {
        var random = new SeededRandom(7);
        double[] coherences = [-0.5, -0.15, -0.05, 0.05, 0.15, 0.5];
        var rows = new List<double[]>();
        foreach (double choice in new[] { -1.0, 1.0 })
            foreach (double motion in coherences)
                foreach (double colour in coherences)
                    foreach (double context in new[] { -1.0, 1.0 })
                        for (int r = 0; r < trialsPerCondition; r++) rows.Add([choice, motion, colour, context]);
        var beta = Enumerable.Range(0, 4 * units).Select(_ => random.NextGaussian()).ToArray();
        var data = new double[units, times, rows.Count];
        for (int i = 0; i < units; i++)
            for (int t = 0; t < times; t++)
                for (int k = 0; k < rows.Count; k++)
                {
                    double s = 0;
                    for (int v = 0; v < 4; v++) s += beta[v * units + i] * rows[k][v] * t / times;
                    data[i, t, k] = s + random.NextGaussian();
                }
        string[] names = ["choice", "motion", "colour", "context"];
        var table = new ColumnTable(rows.Count, Enumerable.Range(0, 4).Select(v => (TableColumn)new DoubleColumn(names[v], rows.Select(r => r[v]))));
        return Recording.Create(data, Enumerable.Range(0, times).Select(t => 10.0 * t).ToArray(), table, Recording.DefaultUnits(units), RecordingValueKind.Other);
    }

    private static Recording? _population;

    private static void TdrOnce()
    {
        _population ??= SyntheticPopulation(100, 80, 8);
        _ = TargetedDimensionalityReduction.Fit(_population, ["choice", "motion", "colour", "context"]).Project(_population, "choice", "motion");
    }

    private static void ChoiceProbabilityOnce()
    {
        _population ??= SyntheticPopulation(100, 80, 8);
        _ = ChoiceProbability.OfUnits(_population, "choice", ["motion", "colour", "context"], 400, 800);
    }

    private static void PsychometricOnce()
    {
        double[] levels = [-0.5, -0.15, -0.05, 0.05, 0.15, 0.5];
        _ = PsychometricFitter.Fit(levels, [200, 200, 200, 200, 200, 200], [6, 30, 80, 120, 170, 194], new PsychometricFitOptions { BootstrapCount = 1000 });
    }

    private static double Median(int runs, Action action)
    {
        action(); // JIT and lazy initialisation
        var times = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        return Median(times);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    private static string Report(JsonObject json)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Dynamics and task analyses: cost");
        sb.AppendLine();
        sb.AppendLine(ci, $"Run {json["date"]} with `dotnet run -c Release --project bench/NeuroRnn.Bench -- dynamics` (generated from dynamics.json); " +
            $"{json["processorCount"]} logical processors; median of {json["runs"]} runs after one warm-up.");
        sb.AppendLine(ci, $"Load average before: `{json["loadAverageBefore"]}`; after: `{json["loadAverageAfter"]}`. With the machine this busy the times are provisional upper bounds (to be rerun on a quiet machine); iteration counts and point counts do not depend on load.");
        sb.AppendLine();
        sb.AppendLine("Fixed-point search: 256 starts drawn from 32 trajectories × 200 steps of a 100-unit tanh network (α = 0.1, 4 inputs), noise 0.05, Levenberg–Marquardt on JᵀJ, starts split over the cores.");
        sb.AppendLine();
        sb.AppendLine("Wall time depends on how busy the machine is; the process CPU time (all threads) does much less, and with the starts split over c idle cores the wall time is about CPU time / c.");
        sb.AppendLine();
        sb.AppendLine("| back-end | network | median wall s | median CPU s | LM iterations | CPU µs / iteration | fixed | slow | rejected | MB allocated / search | linearisation s |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, node) in json["backends"]!.AsObject())
            foreach (var key in new[] { "fixedPointsAutonomous", "fixedPointsConstantInput" })
            {
                var s = node![key]!;
                sb.AppendLine(ci, $"| {name} | g = {s["gain"]}, input {s["input"]} | {(double)s["medianSeconds"]!:F2} | {(double)s["medianCpuSeconds"]!:F2} | {s["iterations"]} | {(double)s["cpuMicrosecondsPerIteration"]!:F0} | {s["fixedPoints"]} | {s["slowPoints"]} | {s["rejected"]} | {(double)s["allocatedMegabytesPerSearch"]!:F1} | {(double)node["linearizationSeconds"]!:F3} |");
            }
        sb.AppendLine();
        var a = json["analyses"]!;
        sb.AppendLine("| analysis | median s |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(ci, $"| TDR fit + projection: 100 units × 80 bins × 1,152 trials (144 conditions), 12 PCs | {(double)a["tdrSeconds"]!:F3} |");
        sb.AppendLine(ci, $"| choice probability: 100 units × 1,152 trials, 72 conditions, 1,000 permutations each | {(double)a["choiceProbabilitySeconds"]!:F3} |");
        sb.AppendLine(ci, $"| psychometric fit (logistic, two lapses), 6 levels, 1,000 parametric bootstrap fits | {(double)a["psychometricSeconds"]!:F3} |");
        return sb.ToString();
    }
}
