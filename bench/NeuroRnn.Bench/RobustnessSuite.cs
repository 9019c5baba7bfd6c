using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroRnn.Experiments;
using NeuroRnn.Numerics;

namespace NeuroRnn.Bench;

/// <summary>
/// Robustness of learned dynamics across architectures (<see cref="ArchitectureRobustness"/>, Maheswaranathan et al. 2019):
/// the reaching task (circuit muscles from cue and hold inputs) trained with tanh/ReLU/softplus, two sizes and
/// Hessian-free/Adam/full-FORCE; pairwise SVCCA matrix, SVCCA with the circuit, fixed points of the autonomous dynamics.
/// Results go to bench/results/robustness.json and robustness.md.
/// Usage: <c>robustness [--quick] [--threads T]</c>. Every run has an iteration budget and the embedder's loss-plateau rule, no wall-time cap.
/// </summary>
internal static class RobustnessSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int threads = 1;
        for (int i = 0; i < args.Length; i++)
        {
            bool ok = args[i] switch
            {
                "--quick" => true,
                "--threads" => ++i < args.Length && int.TryParse(args[i], Inv, out threads) && threads >= 1,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: robustness [--quick] [--threads T (≥ 1)]");
                return 2;
            }
        }
        if (NumericsBackend.Current is MklBackend mkl) mkl.SetThreadCount(threads);
        var embedder = new EmbedderOptions
        {
            HessianFreeIterations = 20,
            HessianFree = new() { InitialLambda = 0.1, MaxCgIterations = 40 },
            AdamIterations = 400,
            Adam = new() { LearningRate = 1e-2 },
        };
        var options = new RobustnessOptions { Embedder = embedder, Sizes = quick ? [30, 60] : [50, 100] };
        var start = BenchResults.Machine();
        var result = ArchitectureRobustness.Run(options, n => Console.WriteLine(string.Create(Inv,
            $"   {n.Label}: output error {n.OutputError:G3}, SVCCA with circuit {n.SvccaWithCircuit:F3}, fixed points {n.FixedPoints} ({n.StableFixedPoints} stable), slow {n.SlowPoints}; {n.Iterations} iterations in {n.TrainSeconds:F1} s ({n.StopReason})")));
        var networks = new JsonArray();
        foreach (var n in result.Networks)
            networks.Add(new JsonObject
            {
                ["label"] = n.Label, ["nonlinearity"] = n.Nonlinearity.ToString(), ["units"] = n.Units, ["optimizer"] = n.Optimizer.ToString(),
                ["outputError"] = Num(n.OutputError), ["svccaWithCircuit"] = Num(n.SvccaWithCircuit), ["fixedPoints"] = n.FixedPoints,
                ["stableFixedPoints"] = n.StableFixedPoints, ["slowPoints"] = n.SlowPoints, ["trainSeconds"] = n.TrainSeconds,
                ["iterations"] = n.Iterations, ["stopReason"] = n.StopReason,
            });
        var matrix = new JsonArray();
        var s = result.Similarity();
        for (int i = 0; i < result.Networks.Count; i++)
        {
            var row = new JsonArray();
            for (int j = 0; j < result.Networks.Count; j++) row.Add(Num(s[i, j]));
            matrix.Add(row);
        }
        var groups = new JsonObject();
        foreach (var (name, by) in new (string, Func<RobustnessNetwork, object>)[] { ("nonlinearity", n => n.Nonlinearity), ("size", n => n.Units), ("optimizer", n => n.Optimizer) })
        {
            var (same, different) = result.MeanSimilarityBy(by);
            groups[name] = new JsonObject { ["same"] = Num(same), ["different"] = Num(different) };
        }
        var root = new JsonObject
        {
            ["task"] = "reaching circuit (defaults: 8 reaches, 6 muscles, 140 bins of 10 ms); inputs cue cos θ, sin θ, hold; outputs the muscles; no hints",
            ["training"] = string.Create(Inv, $"τ = {embedder.TauMs} ms, gain {embedder.Gain}, seed {options.Seed}; HF {embedder.HessianFreeIterations} iterations (≤ {embedder.HessianFree.MaxCgIterations} CG); Adam {embedder.AdamIterations} iterations (lr {embedder.Adam.LearningRate}); full-FORCE {embedder.FullForcePasses} passes (α = {embedder.FullForce.Regularization}, J^D gain {embedder.FullForce.TargetGain}); HF and Adam stop on a training-loss plateau (< {embedder.LossPlateau:P1} fall over {embedder.LossPlateauWindow} iterations); no wall-time cap"),
            ["fixedPoints"] = "autonomous dynamics (input 0, as after the go cue), 16 starts from the network's trajectories, ≤ 100 Levenberg–Marquardt iterations; stable = every Jacobian eigenvalue has negative real part",
            ["svccaComponents"] = options.SvccaComponents,
            ["mode"] = quick ? "quick" : "full", ["threads"] = threads,
            ["backend"] = NumericsBackend.Current.Description, ["machineAtStart"] = start, ["machineAtEnd"] = BenchResults.Machine(),
            ["meanSimilarity"] = groups, ["networks"] = networks, ["similarity"] = matrix,
        };
        string dir = BenchResults.ResultsDirectory();
        Directory.CreateDirectory(dir);
        BenchResults.WriteJson(Path.Combine(dir, "robustness.json"), root);
        var md = new StringBuilder();
        md.AppendLine("# Robustness of learned dynamics across architectures (`dotnet run -c Release --project bench/NeuroRnn.Bench -- robustness`)");
        md.AppendLine();
        md.AppendLine("Generated from `robustness.json` (same folder) by the suite, with `NeuroRnn.Experiments.ArchitectureRobustness` (the question of");
        md.AppendLine("Maheswaranathan et al. 2019). **Timings are provisional** (shared, loaded machine; load average below); every run is capped in wall time, so");
        md.AppendLine("under load the gradient-based runs may stop before their iteration budget (see *stopped*).");
        md.AppendLine();
        md.AppendLine($"- Task: {root["task"]}.");
        md.AppendLine($"- Training: {root["training"]}.");
        md.AppendLine($"- Fixed points: {root["fixedPoints"]}.");
        md.AppendLine($"- SVCCA: {options.SvccaComponents} SVD components of each network's unit rates (time × condition samples), mean of the canonical correlations.");
        md.AppendLine($"- Mode {root["mode"]}, {threads} back-end thread(s), {root["backend"]}.");
        md.AppendLine();
        md.AppendLine($"Load average at start `{start["loadAverage"]}`, at end `{root["machineAtEnd"]?["loadAverage"]}` ({start["cpu"]}, {start["logicalCores"]} logical cores).");
        md.AppendLine();
        md.AppendLine("Mean pairwise SVCCA between networks that share / do not share a property:");
        md.AppendLine();
        md.AppendLine("| property | same | different |");
        md.AppendLine("|---|---|---|");
        foreach (var (name, node) in groups)
            md.AppendLine($"| {name} | {F(node!["same"])} | {F(node["different"])} |");
        md.AppendLine();
        md.Append(result.ToMarkdown());
        File.WriteAllText(Path.Combine(dir, "robustness.md"), md.ToString());
        Console.WriteLine($"   written to {Path.Combine(dir, "robustness.json")} and robustness.md");
        return 0;
    }

    private static JsonNode? Num(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static string F(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double x) ? x.ToString("F3", Inv) : "–";
}
