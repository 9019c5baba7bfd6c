using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NeuroRnn.Fitting;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Bench;

/// <summary>
/// Issue 17, item 3b: W2 (benchmarks.md) to training MSE &lt; 1e-3, NeuroRnn's Hessian-free (the recording fits' default
/// optimizer: λ₀ 0.01, CG ≤ 250, μ = 1/30; float32 and float64) against PyTorch's Adam at several learning rates
/// (bench/peers/w2_adam.py, full batch, Debian's python3-torch — a peer only, never a dependency). Same batch (written
/// to a temporary folder and read by the peer), same thread count, same process run one after the other.
/// </summary>
internal static partial class HessianFreeSuite
{
    private const double W2TargetMse = 1e-3;

    /// <param name="peerSeconds">Wall-time cap of each Adam run.</param>
    /// <param name="peerFactor">When positive, the cap is this multiple of the fastest HF run's time to the target
    /// instead, at most <paramref name="peerSeconds"/> (e.g. 3.2: an Adam run that has not reached the target by then is
    /// more than 3× slower).</param>
    private static JsonObject W2TimeToMse(int iterationBudget, double peerSeconds, double peerFactor, IReadOnlyList<string> learningRates, IReadOnlyList<string> precisions)
    {
        var batch = RnnKernelsBench.W2Batch();
        var runs = new JsonObject();
        foreach (var precision in precisions.Select(p => p == "float32" ? RnnPrecision.Float32 : RnnPrecision.Float64))
        {
            var objective = new RnnObjective(new RateRnn(RnnKernelsBench.W2Options(precision)), RnnKernelsBench.W2Loss, NumericsBackend.Current);
            var trainer = new HessianFreeTrainer(new RecordingFitOptions().Optimizer);
            var trace = new JsonArray();
            double cpu0 = RnnKernelsBench.ProcessCpuSeconds();
            double? reachedWall = null, reachedCpu = null;
            int? reachedIteration = null;
            int cgSteps = 0;
            var result = trainer.Train(objective, TrainingData.Fixed(batch, batch.BatchSize),
                new TrainingRun { Iterations = iterationBudget, StopWhen = s => s.LossAfter < W2TargetMse },
                onIteration: s =>
                {
                    int cg = s.Details is HessianFreeStepDetails d ? d.CgIterations : 0;
                    cgSteps += cg;
                    double cpu = RnnKernelsBench.ProcessCpuSeconds() - cpu0;
                    if (reachedIteration is null && s.LossAfter < W2TargetMse) { reachedIteration = s.Iteration + 1; reachedWall = s.ElapsedSeconds; reachedCpu = cpu; }
                    trace.Add(new JsonObject { ["iteration"] = s.Iteration + 1, ["mse"] = s.LossAfter, ["cg"] = cg, ["elapsedSeconds"] = s.ElapsedSeconds, ["cpuSeconds"] = cpu });
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   HF {precision} it {s.Iteration + 1,3} MSE {s.LossAfter:E3} CG {cg} {s.ElapsedSeconds:F1} s"));
                });
            runs[$"hf {precision.ToString().ToLowerInvariant()}"] = new JsonObject
            {
                ["optimizer"] = "NeuroRnn HF", ["precision"] = precision.ToString().ToLowerInvariant(),
                ["reached"] = reachedIteration is not null, ["iterations"] = reachedIteration ?? result.Statistics.Count,
                ["cgSteps"] = cgSteps, ["wallSeconds"] = reachedWall ?? result.Statistics[^1].ElapsedSeconds,
                ["cpuSeconds"] = reachedCpu ?? RnnKernelsBench.ProcessCpuSeconds() - cpu0,
                ["finalMse"] = result.Statistics[^1].LossAfter, ["stopReason"] = result.StopReason.Description, ["trace"] = trace,
            };
        }

        var hfTimes = runs.Select(r => r.Value!).Where(r => r["reached"]!.GetValue<bool>()).Select(r => r["wallSeconds"]!.GetValue<double>()).ToList();
        // The factor names the cap only when it was the smaller of the two.
        bool relative = peerFactor > 0 && hfTimes.Count > 0 && Math.Ceiling(peerFactor * hfTimes.Min()) < peerSeconds;
        if (relative) peerSeconds = Math.Ceiling(peerFactor * hfTimes.Min());
        var peer = RunAdamPeer(batch, peerSeconds, learningRates);
        return new JsonObject
        {
            ["settings"] = string.Create(CultureInfo.InvariantCulture,
                $"W2 (benchmarks.md: N = 200 tanh, α = 0.1, 96 trials × 100 steps, unit read-out, MSE over all entries, full batch); target training MSE < {W2TargetMse:G}; HF with the recording fits' optimizer defaults (λ₀ 0.01, CG 10–250, μ = 1/30), budget {iterationBudget} iterations; Adam full batch, PyTorch's default β, each learning rate capped at {peerSeconds:F0} s wall{(relative ? string.Create(CultureInfo.InvariantCulture, $" ({peerFactor:G}× the fastest HF time)") : "")}; the same batch, {_threads} thread(s) each (MKL / torch.set_num_threads)"),
            ["runs"] = runs,
            ["peer"] = peer,
        };
    }

    /// <summary>Writes the W2 batch for the peer, runs bench/peers/w2_adam.py and returns its JSON (or the failure, loudly).</summary>
    private static JsonNode RunAdamPeer(TrialBatch batch, double seconds, IReadOnlyList<string> learningRates)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"neurornn-w2-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            WriteDoubles(Path.Combine(folder, "inputs.f64"), batch.Inputs);
            WriteDoubles(Path.Combine(folder, "targets.f64"), batch.Targets);
            string script = Path.Combine(BenchResults.RepositoryRoot(), "bench", "peers", "w2_adam.py");
            // Debian's python3-torch lives in the system interpreter's dist-packages (a pyenv python3 on PATH lacks it).
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string a in new[] { script, "--data", folder, "--steps", batch.Steps.ToString(CultureInfo.InvariantCulture),
                "--trials", batch.BatchSize.ToString(CultureInfo.InvariantCulture), "--inputs", batch.InputCount.ToString(CultureInfo.InvariantCulture),
                "--units", batch.OutputCount.ToString(CultureInfo.InvariantCulture), "--threads", _threads.ToString(CultureInfo.InvariantCulture),
                "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--target", W2TargetMse.ToString(CultureInfo.InvariantCulture),
                "--lrs", string.Join(",", learningRates) })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Console.Error.Write(stderr.Result);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"bench/peers/w2_adam.py failed (exit {process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("bench/peers/w2_adam.py printed no JSON");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteDoubles(string path, ReadOnlySpan<double> values)
    {
        using var stream = File.Create(path);
        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    private static void W2TimeToMseMarkdown(System.Text.StringBuilder md, JsonNode s)
    {
        md.AppendLine($"{s["settings"]}.");
        md.AppendLine();
        md.AppendLine("| optimizer | reached MSE < 1e-3 | iterations / steps | wall s to target (or at the cap) | CPU s | final MSE | stop |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        double? hfBest = null;
        if (s["runs"] is JsonObject runs)
            foreach (var (name, r) in runs)
            {
                md.AppendLine($"| {name} (CG steps {r?["cgSteps"]}) | {r?["reached"]} | {r?["iterations"]} | {F(r?["wallSeconds"], "F1")} | {F(r?["cpuSeconds"], "F1")} | {F(r?["finalMse"], "E2")} | {r?["stopReason"]} |");
                if (r?["reached"]?.GetValue<bool>() == true)
                {
                    double wall = r["wallSeconds"]!.GetValue<double>();
                    hfBest = hfBest is null ? wall : Math.Min(hfBest.Value, wall);
                }
            }
        double? adamBest = null, adamBestMse = null;
        if (s["peer"]?["runs"] is JsonArray peerRuns)
            foreach (var r in peerRuns)
            {
                md.AppendLine($"| PyTorch {r?["torch"] ?? s["peer"]?["torch"]} Adam, lr {r?["lr"]} | {r?["reached"]} | {r?["steps"]} | {F(r?["wallSeconds"], "F1")} | {F(r?["cpuSeconds"], "F1")} | {F(r?["finalMse"], "E2")} | {r?["stop"]} |");
                if (r?["bestMse"]?.GetValue<double>() is { } best) adamBestMse = Math.Min(adamBestMse ?? best, best);
                if (r?["reached"]?.GetValue<bool>() == true)
                {
                    double wall = r["wallSeconds"]!.GetValue<double>();
                    adamBest = adamBest is null ? wall : Math.Min(adamBest.Value, wall);
                }
            }
        md.AppendLine();
        double cap = s["peer"]?["secondsPerLearningRate"]?.GetValue<double>() ?? double.NaN;
        if (hfBest is { } hf)
            md.AppendLine(adamBest is { } adam
                ? string.Create(Inv, $"Fastest HF reached the target in {hf:F1} s, the best Adam in {adam:F1} s: HF is **{adam / hf:F1}×** faster (goal ≥ 3×).")
                : string.Create(Inv, $"Fastest HF reached the target in {hf:F1} s; no Adam learning rate reached it within {cap:F0} s: HF is **at least {LowerBound(cap / hf):F2}×** faster (goal ≥ 3×; a lower bound, set by the cap)."));
        if (hfBest is not null && adamBest is null && adamBestMse is { } adamMse && s["runs"] is JsonObject hfRuns)
        {
            // When Adam never reached the target: how soon HF got below the best MSE Adam reached in its whole cap.
            var passed = hfRuns.Select(kv => kv.Value?["trace"]?.AsArray().FirstOrDefault(t => t?["mse"]?.GetValue<double>() < adamMse))
                .Where(t => t is not null).MinBy(t => t!["elapsedSeconds"]!.GetValue<double>());
            if (passed is not null)
                md.AppendLine(string.Create(Inv, $"HF went below Adam's best MSE within the cap ({adamMse:E2}) at {passed["elapsedSeconds"]!.GetValue<double>():F1} s (iteration {passed["iteration"]}): {LowerBound(cap / passed["elapsedSeconds"]!.GetValue<double>()):F1}× sooner."));
        }
        else
            md.AppendLine("HF did not reach the target within its iteration budget.");
    }

    /// <summary>A ratio rounded down, for "at least" claims (rounding up turned 2.954 into "> 3.0").</summary>
    private static double LowerBound(double ratio, int decimals = 2) => Math.Floor(ratio * Math.Pow(10, decimals)) / Math.Pow(10, decimals);
}
