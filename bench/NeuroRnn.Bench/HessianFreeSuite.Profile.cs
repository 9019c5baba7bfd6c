using System.Diagnostics;
using System.Globalization;
using NeuroRnn.Models;
using NeuroRnn;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Trials;
using NeuroRnn.Tasks;

namespace NeuroRnn.Bench;

/// <summary>
/// Where the time of one W2 Hessian-free iteration goes (issue 17, item 1): the iteration with exactly 50 CG steps is
/// run on an objective wrapped by <see cref="TimedObjective"/>, which adds up wall and process-CPU time and calls per
/// objective method; the rest of the iteration (CG's vector algebra, backtracking bookkeeping) is the remainder.
/// Printed only (nothing is written): <c>hf profile [--threads K] [--precision float32]</c>.
/// </summary>
internal static partial class HessianFreeSuite
{
    private static int Profile(RnnPrecision precision, int repetitions)
    {
        var objective = new TimedObjective(new RnnObjective(new RateRnn(RnnKernelsBench.W2Options(precision)), RnnKernelsBench.W2Loss, NumericsBackend.Current));
        var data = TrainingData.Fixed(RnnKernelsBench.W2Batch(), RnnKernelsBench.Trials);
        var trainer = new HessianFreeTrainer(new HessianFreeOptions { InitialLambda = 1, MaxCgIterations = 50, MinCgIterations = 50 });
        OptimizerState? state = null;
        for (int k = 0; k <= repetitions; k++)
        {
            if (k == 1) objective.Reset(); // the first iteration warms up the JIT and the buffers
            var r = trainer.Train(objective, data, new TrainingRun { Iterations = 1 }, state);
            state = r.State;
        }
        Console.WriteLine(string.Create(Inv, $"   W2 {precision}, {NumericsBackend.Current.Description}; per iteration (mean of {repetitions}):"));
        foreach (var (name, entry) in objective.Entries.OrderByDescending(e => e.Value.Wall))
            Console.WriteLine(string.Create(Inv, $"     {name,-22} calls {entry.Calls / (double)repetitions,6:F1}  wall {entry.Wall / repetitions,8:F4} s  CPU {entry.Cpu / repetitions,8:F4} s  per call {entry.Wall / entry.Calls * 1e3,8:F3} ms"));
        var total = objective.Entries["(whole iteration)"];
        double inside = objective.Entries.Where(e => e.Key != "(whole iteration)").Sum(e => e.Value.Wall);
        Console.WriteLine(string.Create(Inv, $"     outside the objective: {(total.Wall - inside) / repetitions:F4} s wall per iteration"));
        CompareParts(precision);
        // The same run's GEMM-bound floor (RnnKernelsBench): wall with the configured threads, CPU with both clocks.
        var (wall, cpu) = RnnKernelsBench.MeasureBoth("current", precision == RnnPrecision.Float32 ? "float32" : "float64", 7, 0);
        foreach (var row in new[] { wall, cpu })
            Console.WriteLine(string.Create(Inv, $"     {row.Clock}: gradient {row.GradientSeconds * 1e3:F1} ms (floor {row.GradientFloorSeconds * 1e3:F1}, ratio {1 / row.GradientEfficiency:F2}), GN {row.GaussNewtonSeconds * 1e3:F1} ms (floor {row.GaussNewtonFloorSeconds * 1e3:F1}, ratio {1 / row.GaussNewtonEfficiency:F2}), prepare {row.PrepareSeconds * 1e3:F1} ms; raw step {row.StepGemmGflops:F1} / batched {row.BatchedGemmGflops:F1} GFLOP/s"));
        StreamingPasses();
        return 0;
    }

    /// <summary>
    /// Whole-batch element-wise passes of a W2 GN product outside the recurrent loops (float64, one thread each):
    /// what fusing them into the per-part loops could save.
    /// </summary>
    private static void StreamingPasses()
    {
        int n = RnnKernelsBench.Units, tb = RnnKernelsBench.Steps * RnnKernelsBench.Trials, count = n * tb;
        var block = new double[count]; var mask = new double[count]; var rz = new double[count]; var column = new double[n]; var ones = new double[tb]; var sum = new double[n];
        Array.Fill(mask, 1.0); Array.Fill(ones, 1.0);
        var be = NumericsBackend.Current;
        void Time(string name, Action action)
        {
            for (int k = 0; k < 3; k++) action();
            var times = new double[15];
            for (int k = 0; k < times.Length; k++)
            {
                long w0 = Stopwatch.GetTimestamp();
                action();
                times[k] = Stopwatch.GetElapsedTime(w0).TotalSeconds;
            }
            Array.Sort(times);
            Console.WriteLine(string.Create(Inv, $"     pass {name,-34} wall min {times[0] * 1e3:F2} median {times[times.Length / 2] * 1e3:F2} ms"));
        }
        Time("broadcast bias (N×TB write)", () => RateKernels.Broadcast<double>(column, block));
        Time("loss Hessian, MSE (2 reads, 1 write)", () => OutputLoss<double>.MultiplyByHessian(OutputKind.LinearSquaredError, 1, rz, rz, rz, mask, 1, n, rz, block));
        Time("bias gradient gemv (N×TB read)", () => TypedBlas.Gemv<double>(be, Transpose.None, n, tb, 1, block, n, ones, 0, sum));
    }

    /// <summary>The GN product with the batch in 1, 2 and 4 parts, interleaved so that load changes hit all alike.</summary>
    private static void CompareParts(RnnPrecision precision) => CompareParts(precision, [1, 2, 4]);

    /// <summary>
    /// The W2 GN product with the batch in each of <paramref name="counts"/> parts (1: the unsplit loop with MKL's own
    /// threads in each step's GEMM, as before the split), interleaved so that load changes hit all alike; medians (s).
    /// </summary>
    internal static (double[] Wall, double[] Cpu) CompareParts(RnnPrecision precision, int[] counts)
    {
        var batch = RnnKernelsBench.W2Batch();
        var objectives = new RnnObjective[counts.Length];
        int forcedBefore = BatchParts.ForcedParts; // --parts, restored for what the suite measures next
        for (int k = 0; k < counts.Length; k++)
        {
            BatchParts.ForcedParts = counts[k];
            objectives[k] = new RnnObjective(new RateRnn(RnnKernelsBench.W2Options(precision)), RnnKernelsBench.W2Loss, NumericsBackend.Current);
            objectives[k].PrepareCurvature(batch);
        }
        BatchParts.ForcedParts = forcedBefore;
        var v = new double[objectives[0].ParameterCount];
        var product = new double[v.Length];
        var random = new Random(3);
        for (int k = 0; k < v.Length; k++) v[k] = random.NextDouble() - 0.5;
        var wall = counts.Select(_ => new List<double>()).ToArray();
        var cpu = counts.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < 25; round++)
            for (int k = 0; k < counts.Length; k++)
            {
                double c0 = RnnKernelsBench.ProcessCpuSeconds();
                long w0 = Stopwatch.GetTimestamp();
                objectives[k].GaussNewtonProduct(v, 0.03, product);
                if (round < 3) continue;
                wall[k].Add(Stopwatch.GetElapsedTime(w0).TotalSeconds);
                cpu[k].Add(RnnKernelsBench.ProcessCpuSeconds() - c0);
            }
        for (int k = 0; k < counts.Length; k++)
        {
            wall[k].Sort(); cpu[k].Sort();
            Console.WriteLine(string.Create(Inv, $"     GN product, {counts[k]} part(s): wall min {wall[k][0] * 1e3:F1} median {wall[k][wall[k].Count / 2] * 1e3:F1} ms; CPU min {cpu[k][0] * 1e3:F1} median {cpu[k][cpu[k].Count / 2] * 1e3:F1} ms"));
        }
        return (wall.Select(w => w[w.Count / 2]).ToArray(), cpu.Select(c => c[c.Count / 2]).ToArray());
    }

    /// <summary>An objective that times each call of the wrapped one.</summary>
    private sealed class TimedObjective(ICurvatureObjective inner) : ICurvatureObjective
    {
        public sealed class Entry { public int Calls; public double Wall, Cpu; }
        public Dictionary<string, Entry> Entries { get; } = new();
        private long _iterationStart;
        private double _iterationCpu;

        public void Reset() => Entries.Clear();

        private TResult Timed<TResult>(string name, Func<TResult> call)
        {
            double cpu = ProcessCpu();
            long start = Stopwatch.GetTimestamp();
            var result = call();
            Add(name, Stopwatch.GetElapsedTime(start).TotalSeconds, ProcessCpu() - cpu);
            return result;
        }

        private void Add(string name, double wall, double cpu)
        {
            if (!Entries.TryGetValue(name, out var e)) Entries[name] = e = new Entry();
            e.Calls++; e.Wall += wall; e.Cpu += cpu;
        }

        public int ParameterCount => inner.ParameterCount;
        public void GetParameters(Span<double> destination)
        {
            // GetParameters is the first call of an HF iteration (θ₀) and of the training loop's result: time the
            // iteration from one θ₀ read to the loop's final read.
            if (_iterationStart != 0)
            {
                Add("(whole iteration)", Stopwatch.GetElapsedTime(_iterationStart).TotalSeconds, ProcessCpu() - _iterationCpu);
                _iterationStart = 0;
            }
            else { _iterationStart = Stopwatch.GetTimestamp(); _iterationCpu = ProcessCpu(); }
            inner.GetParameters(destination);
        }
        public void SetParameters(ReadOnlySpan<double> source) => inner.SetParameters(source);
        public double Loss(TrialBatch batch) => Timed("Loss", () => inner.Loss(batch));
        public double LossAndGradient(TrialBatch batch, Span<double> gradient)
        {
            var g = new double[gradient.Length];
            double loss = Timed("LossAndGradient", () => inner.LossAndGradient(batch, g));
            g.CopyTo(gradient);
            return loss;
        }
        public void PrepareCurvature(TrialBatch curvatureBatch) => Timed("PrepareCurvature", () => { inner.PrepareCurvature(curvatureBatch); return 0; });
        public void GaussNewtonProduct(ReadOnlySpan<double> v, double structuralDamping, Span<double> result)
        {
            var copy = v.ToArray();
            var r = new double[result.Length];
            Timed("GaussNewtonProduct", () => { inner.GaussNewtonProduct(copy, structuralDamping, r); return 0; });
            r.CopyTo(result);
        }
        public void SquaredGradientSum(TrialBatch batch, Span<double> result)
        {
            var r = new double[result.Length];
            Timed("SquaredGradientSum", () => { inner.SquaredGradientSum(batch, r); return 0; });
            r.CopyTo(result);
        }
        public double[] Predict(TrialBatch batch) => inner.Predict(batch);

        private static double ProcessCpu() => RnnKernelsBench.ProcessCpuSeconds();
    }
}
