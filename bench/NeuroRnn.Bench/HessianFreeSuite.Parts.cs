using System.Diagnostics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;

namespace NeuroRnn.Bench;

/// <summary>
/// The W2 gradient and GN product with the recurrent loops unsplit and split into 2 batch parts (run on BatchParts' own
/// worker or on MKL's OpenMP team, the default), interleaved call by call so that load changes hit every configuration
/// alike (issue 17, item 1); <c>--config unsplit|workers|team</c> runs one configuration only. Interleaved in one
/// process the split GN product looked ≈ 20 % dearer on one thread than the unsplit one, even with an untimed call on
/// the same engine before each timed one, while run one configuration per process it cost the same (2026-12-07, loaded
/// machine; cause not found) — so compare configurations both ways. Besides wall and process CPU it prints the calling thread's CPU and the other
/// threads' (process − calling): with GOMP_SPINCOUNT=0 in the environment no thread spins, so the larger of the two is
/// the critical path a quiet 2-core machine would see, largely whatever the load. Raw single-thread GEMM rates of the
/// step shapes (N×N·N×B and two N×N·N×B/2) show what the narrower GEMMs of a part cost.
/// Printed only: <c>hf parts [--precision float32|float64] [--threads K] [--config unsplit|workers|team] [--quick]</c>.
/// </summary>
internal static partial class HessianFreeSuite
{
    private static int Parts(RnnPrecision precision, int rounds, IReadOnlyList<string> only)
    {
        string[] keys = ["unsplit", "workers", "team"];
        if (only.FirstOrDefault(o => !keys.Contains(o)) is { } unknown)
        {
            Console.Error.WriteLine($"hf parts: --config '{unknown}' is not a configuration; use unsplit, workers or team.");
            return 2;
        }
        // 1 part; 2 parts on BatchParts' own worker; 2 parts on MKL's OpenMP team (the default when MKL threads with libgomp).
        int[] counts = [1, 2, 2];
        string[] labels = ["1 part", "2 parts, own worker", "2 parts, OpenMP team"];
        var batch = RnnKernelsBench.W2Batch();
        var objectives = new RnnObjective[counts.Length];
        int forcedBefore = BatchParts.ForcedParts; // --parts, restored for what the suite measures next
        var models = new RateRnn[counts.Length];
        for (int k = 0; k < counts.Length; k++)
        {
            BatchParts.ForcedParts = counts[k];
            models[k] = new RateRnn(RnnKernelsBench.W2Options(precision));
            objectives[k] = new RnnObjective(models[k], RnnKernelsBench.W2Loss, NumericsBackend.Current);
            objectives[k].PrepareCurvature(batch);
        }
        BatchParts.ForcedParts = forcedBefore;
        var theta = models[0].GetParameters();
        var v = new double[objectives[0].ParameterCount];
        var product = new double[v.Length];
        var gradient = new double[v.Length];
        var random = new Random(3);
        for (int k = 0; k < v.Length; k++) v[k] = random.NextDouble() - 0.5;
        var names = new[] { "GN product", "gradient" };
        // Per configuration and method: wall, process CPU, calling thread's CPU, other threads' CPU.
        var samples = new List<double>[counts.Length, 2, 4];
        foreach (int k in Enumerable.Range(0, counts.Length))
            for (int m = 0; m < 2; m++)
                for (int c = 0; c < 4; c++) samples[k, m, c] = [];
        Console.WriteLine($"   W2 {precision}, {NumericsBackend.Current.Description}; GOMP_SPINCOUNT={Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") ?? "(default)"}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        for (int round = 0; round < rounds + 3; round++)
            for (int k = 0; k < counts.Length; k++)
                for (int m = 0; m < 2; m++)
                {
                    if (only.Count > 0 && !only.Contains(keys[k])) continue;
                    var objective = objectives[k];
                    BatchParts.UseOwnWorkers = k == 1;
                    double c0 = RnnKernelsBench.ProcessCpuSeconds(), t0 = RnnKernelsBench.ThreadCpuSeconds();
                    long w0 = Stopwatch.GetTimestamp();
                    if (m == 0) objective.GaussNewtonProduct(v, 0.03, product);
                    else
                    {
                        objective.SetParameters(theta);
                        objective.LossAndGradient(batch, gradient);
                    }
                    if (round < 3) continue;
                    double wall = Stopwatch.GetElapsedTime(w0).TotalSeconds;
                    double cpu = RnnKernelsBench.ProcessCpuSeconds() - c0, own = RnnKernelsBench.ThreadCpuSeconds() - t0;
                    samples[k, m, 0].Add(wall); samples[k, m, 1].Add(cpu); samples[k, m, 2].Add(own); samples[k, m, 3].Add(cpu - own);
                }
        BatchParts.UseOwnWorkers = false;
        double Median(List<double> list) { list.Sort(); return list[list.Count / 2]; }
        for (int m = 0; m < 2; m++)
            for (int k = 0; k < counts.Length; k++)
                if (samples[k, m, 0].Count > 0) Console.WriteLine(string.Create(Inv, $"     {names[m],-10} {labels[k],-22}: wall min {samples[k, m, 0].Min() * 1e3:F1} median {Median(samples[k, m, 0]) * 1e3:F1} ms; CPU median {Median(samples[k, m, 1]) * 1e3:F1} ms = calling thread {Median(samples[k, m, 2]) * 1e3:F1} + others {Median(samples[k, m, 3]) * 1e3:F1}"));
        RawStepGemms(precision);
        Console.WriteLine($"   load {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>Single-thread CPU time of W2's T step GEMMs on all B columns and on two halves of B/2 (interleaved medians).</summary>
    private static void RawStepGemms(RnnPrecision precision)
    {
        int n = RnnKernelsBench.Units, b = RnnKernelsBench.Trials, steps = RnnKernelsBench.Steps;
        var random = new Random(5);
        var w = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
        var r = Enumerable.Range(0, n * b * steps).Select(_ => (float)random.NextDouble()).ToArray();
        var c = new float[n * b * steps];
        var wd = w.Select(x => (double)x).ToArray(); var rd = r.Select(x => (double)x).ToArray(); var cd = new double[c.Length];
        var be = NumericsBackend.Current;
        // The forward/R-forward step (C = α·W·R + α·C) and the backward step (C = α·Wᵀ·G + C) of the engine.
        foreach (var (name, trans, beta) in new[] { ("forward α·W·r + α·c", Transpose.None, 0.1f), ("backward α·Wᵀ·g + c", Transpose.Transpose, 1f) })
        {
            void Steps(int first, int columns)
            {
                for (int t = 0; t < steps; t++)
                {
                    int at = t * n * b + first * n;
                    if (precision == RnnPrecision.Float32) be.Gemm(trans, Transpose.None, n, columns, n, 0.1f, w, n, r.AsSpan(at), n, beta, c.AsSpan(at), n);
                    else be.Gemm(trans, Transpose.None, n, columns, n, 0.1, wd, n, rd.AsSpan(at), n, beta, cd.AsSpan(at), n);
                }
            }
            var whole = new List<double>(); var halves = new List<double>();
            using (NumericsBackend.Mkl.ThreadsOnThisThread(1))
                for (int round = 0; round < 23; round++)
                {
                    double t0 = RnnKernelsBench.ThreadCpuSeconds();
                    Steps(0, b);
                    double t1 = RnnKernelsBench.ThreadCpuSeconds();
                    Steps(0, b / 2); Steps(b / 2, b - b / 2);
                    double t2 = RnnKernelsBench.ThreadCpuSeconds();
                    if (round < 3) continue;
                    whole.Add(t1 - t0); halves.Add(t2 - t1);
                }
            whole.Sort(); halves.Sort();
            double flops = 2.0 * n * n * b * steps;
            Console.WriteLine(string.Create(Inv, $"     raw step GEMMs {name}, 1 thread, thread CPU median: {b} columns {whole[10] * 1e3:F2} ms ({flops / whole[10] / 1e9:F1} GFLOP/s), two halves of {b / 2} {halves[10] * 1e3:F2} ms ({flops / halves[10] / 1e9:F1} GFLOP/s)"));
        }
    }
}
