using System.Diagnostics;
using System.Globalization;
using System.Text;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Bench;

/// <summary>Timings of the RNN kernels on workload W2 "v1-fit-200" (benchmarks.md) for one back-end and precision.</summary>
/// <param name="Backend">Back-end description.</param>
/// <param name="Precision">float64 or float32.</param>
/// <param name="GradientSeconds">Median time of one full-batch loss and gradient.</param>
/// <param name="GaussNewtonSeconds">Median time of one Gauss-Newton–vector product (forward linearisation cached).</param>
/// <param name="PrepareSeconds">Median time of PrepareCurvature (the cached forward pass).</param>
/// <param name="GradientFlops">Floating-point operations of the GEMMs of one gradient.</param>
/// <param name="GaussNewtonFlops">Floating-point operations of the GEMMs of one Gauss-Newton product.</param>
/// <param name="StepGemmGflops">Raw GEMM rate of one recurrent step (N×N · N×B) measured in the same run.</param>
/// <param name="BatchedGemmGflops">Raw GEMM rate of the weight gradient over all steps (N×TB · TB×N).</param>
/// <param name="GradientFloorSeconds">Time the gradient's GEMMs take at the raw rates (the GEMM-bound floor).</param>
/// <param name="GaussNewtonFloorSeconds">Time the Gauss-Newton product's GEMMs take at the raw rates.</param>
/// <param name="Threads">Threads the back-end used.</param>
/// <param name="Clock">"wall" (elapsed time) or "cpu" (process CPU time: robust when other processes load the machine,
/// meaningful with one thread).</param>
public sealed record RnnKernelTimings(
    string Backend, string Precision, int Threads, string Clock,
    double GradientSeconds, double GaussNewtonSeconds, double PrepareSeconds,
    double GradientFlops, double GaussNewtonFlops,
    double StepGemmGflops, double BatchedGemmGflops,
    double GradientFloorSeconds, double GaussNewtonFloorSeconds)
{
    /// <summary>Achieved gradient GFLOP/s.</summary>
    public double GradientGflops => GradientFlops / GradientSeconds / 1e9;
    /// <summary>Achieved Gauss-Newton product GFLOP/s.</summary>
    public double GaussNewtonGflops => GaussNewtonFlops / GaussNewtonSeconds / 1e9;
    /// <summary>Floor time / measured time of the gradient (1 = as fast as the raw GEMMs).</summary>
    public double GradientEfficiency => GradientFloorSeconds / GradientSeconds;
    /// <summary>Floor time / measured time of the Gauss-Newton product.</summary>
    public double GaussNewtonEfficiency => GaussNewtonFloorSeconds / GaussNewtonSeconds;
}

/// <summary>
/// Workload W2 of benchmarks.md: N = 200 tanh units fitted through a unit readout to 200 recorded units, batch 96,
/// T = 100, α = 0.1, MSE over all entries. Measures one gradient and one Gauss-Newton product against the raw GEMM
/// rate of the same shapes, measured in the same run.
/// </summary>
public static class RnnKernelsBench
{
    /// <summary>Units (= recorded units) of W2.</summary>
    public const int Units = 200;
    /// <summary>Trials of W2 (12 orientations × 8).</summary>
    public const int Trials = 96;
    /// <summary>Steps of W2.</summary>
    public const int Steps = 100;

    /// <summary>The W2 model: options as in benchmarks.md.</summary>
    public static RateRnnOptions W2Options(RnnPrecision precision = RnnPrecision.Float64) => new()
    {
        UnitCount = Units, InputCount = 3, OutputCount = Units, Dt = 1, Tau = 10,
        Nonlinearity = Nonlinearity.Tanh, ReadoutUnits = Enumerable.Range(0, Units).ToArray(),
        InputWeightStd = 1 / Math.Sqrt(3), Gain = 1.0, Seed = 1, Precision = precision,
    };

    /// <summary>W2's loss: mean squared error over all entries.</summary>
    public static RnnLossOptions W2Loss { get; } = new() { Normalization = LossNormalization.MaskSum, SquaredErrorScale = 1.0 };

    /// <summary>The W2 batch: 12 orientations × 8 trials of orientation-tuned target responses (benchmarks.md).</summary>
    public static TrialBatch W2Batch(int seed = 7)
    {
        var random = new Random(seed);
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var phi = new double[Units]; var kappa = new double[Units]; var amplitude = new double[Units]; var baseline = new double[Units];
        for (int i = 0; i < Units; i++)
        {
            phi[i] = Uniform(0, Math.PI); kappa[i] = Uniform(1, 4); amplitude[i] = Uniform(0.2, 0.6); baseline[i] = Uniform(0.02, 0.1);
        }
        var envelope = new double[Steps];
        double g = 0;
        for (int t = 0; t < Steps; t++)
        {
            double box = t is >= 20 and < 70 ? 1 : 0;
            g += (box - g) / 5;
            envelope[t] = g;
        }
        var inputs = new double[Steps * Trials * 3];
        var targets = new double[Steps * Trials * Units];
        var mask = new double[targets.Length];
        Array.Fill(mask, 1.0);
        for (int b = 0; b < Trials; b++)
        {
            double theta = (b / 8) * Math.PI / 12;
            for (int t = 0; t < Steps; t++)
            {
                if (t is >= 20 and < 70)
                {
                    int at = (t * Trials + b) * 3;
                    inputs[at] = Math.Cos(2 * theta); inputs[at + 1] = Math.Sin(2 * theta); inputs[at + 2] = 1;
                }
                for (int i = 0; i < Units; i++)
                    targets[(t * Trials + b) * Units + i] = baseline[i]
                        + amplitude[i] * Math.Exp(kappa[i] * (Math.Cos(2 * (theta - phi[i])) - 1)) * envelope[t] + 0.01 * Gaussian();
            }
        }
        return new TrialBatch(Steps, Trials, 3, Units, inputs, targets, mask);
    }

    /// <summary>
    /// Measures W2 on back-end "mkl" or "managed" (or "current") in float64 or float32 ("float64"/"float32").
    /// Medians of <paramref name="repetitions"/> timed runs after a warm-up.
    /// </summary>
    public static RnnKernelTimings Measure(string backend, string precision = "float64", int repetitions = 7) =>
        MeasureBoth(backend, precision, repetitions, threads: 0).Wall;

    /// <summary>
    /// Like <see cref="Measure"/> with <paramref name="threads"/> back-end threads (0: leave as configured), timed by
    /// both the wall clock and the process CPU clock (each a median over the same runs).
    /// </summary>
    public static (RnnKernelTimings Wall, RnnKernelTimings Cpu) MeasureBoth(string backend, string precision, int repetitions, int threads)
    {
        var be = backend.ToLowerInvariant() switch
        {
            "mkl" => (INumericsBackend)NumericsBackend.Mkl,
            "managed" => NumericsBackend.Managed,
            "current" => NumericsBackend.Current,
            _ => throw new ArgumentException($"Unknown back-end '{backend}'; use mkl, managed or current.", nameof(backend)),
        };
        var p = precision.ToLowerInvariant() switch
        {
            "float64" => RnnPrecision.Float64,
            "float32" => RnnPrecision.Float32,
            _ => throw new ArgumentException($"Unknown precision '{precision}'; use float64 or float32.", nameof(precision)),
        };
        int previousThreads = be.ThreadCount;
        if (threads > 0) SetThreads(be, threads);
        try
        {
            var model = new RateRnn(W2Options(p));
            var objective = new RnnObjective(model, W2Loss, be);
            var batch = W2Batch();
            var gradient = new double[objective.ParameterCount];
            var v = new double[objective.ParameterCount];
            var random = new Random(3);
            for (int k = 0; k < v.Length; k++) v[k] = random.NextDouble() - 0.5;
            var product = new double[v.Length];

            // Setting the parameters before each gradient makes every timed gradient run its forward pass, as at a new
            // point of an optimizer; otherwise the objective would reuse the cached forward pass of unchanged parameters.
            var theta = model.GetParameters();
            var gradientTime = Median(repetitions, () =>
            {
                objective.SetParameters(theta);
                objective.LossAndGradient(batch, gradient);
            });
            // PrepareCurvature keeps a linearisation it already holds; a new noise stream index (W2 has no noise, so the
            // numbers are the same) makes every timed call run its forward pass.
            var prepareTime = Median(repetitions, () =>
            {
                objective.NoiseIndex++;
                objective.PrepareCurvature(batch);
            });
            var gnTime = Median(repetitions, () => objective.GaussNewtonProduct(v, 0.03, product));

            int n = Units, b = Trials, t = Steps, inputs = 3;
            double stepFlops = 2.0 * n * n * b;                 // one W·r or Wᵀ·δ
            double batchedFlops = 2.0 * n * n * t * b;          // one N×N×TB product
            double thinFlops = 2.0 * n * inputs * t * b;        // W_in·U or its gradient
            double gradientFlops = t * stepFlops + (t - 1) * stepFlops + batchedFlops + 2 * thinFlops;
            double gnFlops = t * stepFlops + (t - 1) * stepFlops + 2 * batchedFlops + 2 * thinFlops;
            var (stepTime, batchedTime) = RawGemmTimes(be, p, repetitions);
            RnnKernelTimings Row(int clock, string name)
            {
                double stepRate = stepFlops / stepTime[clock], batchedRate = batchedFlops / batchedTime[clock];
                double gradientFloor = (2 * t - 1) * stepTime[clock] + batchedTime[clock];
                double gnFloor = (2 * t - 1) * stepTime[clock] + 2 * batchedTime[clock];
                return new RnnKernelTimings(be.Description, precision, be.ThreadCount, name, gradientTime[clock], gnTime[clock], prepareTime[clock],
                    gradientFlops, gnFlops, stepRate / 1e9, batchedRate / 1e9, gradientFloor, gnFloor);
            }
            return (Row(0, "wall"), Row(1, "cpu"));
        }
        finally
        {
            if (threads > 0) SetThreads(be, previousThreads);
        }
    }

    private static void SetThreads(INumericsBackend backend, int threads)
    {
        switch (backend)
        {
            case MklBackend mkl: mkl.SetThreadCount(threads); break;
            case ManagedBackend managed: managed.SetThreadCount(threads); break;
        }
    }

    /// <summary>Raw GEMM times (wall, cpu) of one recurrent step shape and of the batched weight-gradient shape.</summary>
    private static (double[] Step, double[] Batched) RawGemmTimes(INumericsBackend be, RnnPrecision precision, int repetitions)
    {
        int n = Units, b = Trials, tb = Steps * Trials;
        var random = new Random(5);
        double[] step, batched;
        if (precision == RnnPrecision.Float64)
        {
            var w = Enumerable.Range(0, n * n).Select(_ => random.NextDouble()).ToArray();
            var r = Enumerable.Range(0, n * tb).Select(_ => random.NextDouble()).ToArray();
            var c = new double[n * tb];
            var g = new double[n * n];
            step = Median(repetitions, () =>
            {
                for (int s = 0; s < Steps; s++)
                    be.Gemm(Transpose.None, Transpose.None, n, b, n, 1.0, w, n, r.AsSpan(s * n * b), n, 1.0, c.AsSpan(s * n * b), n);
            });
            batched = Median(repetitions, () => be.Gemm(Transpose.None, Transpose.Transpose, n, n, tb, 1.0, c, n, r, n, 0.0, g, n));
        }
        else
        {
            var w = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
            var r = Enumerable.Range(0, n * tb).Select(_ => (float)random.NextDouble()).ToArray();
            var c = new float[n * tb];
            var g = new float[n * n];
            step = Median(repetitions, () =>
            {
                for (int s = 0; s < Steps; s++)
                    be.Gemm(Transpose.None, Transpose.None, n, b, n, 1f, w, n, r.AsSpan(s * n * b), n, 1f, c.AsSpan(s * n * b), n);
            });
            batched = Median(repetitions, () => be.Gemm(Transpose.None, Transpose.Transpose, n, n, tb, 1f, c, n, r, n, 0f, g, n));
        }
        return ([step[0] / Steps, step[1] / Steps], batched);
    }

    /// <summary>
    /// Median (wall seconds, process CPU seconds) of the timed runs, after warm-up runs (at least 5 and 0.5 s) and a
    /// pause that let tiered compilation finish optimising the hot loops (timing tier-0 code would be meaningless).
    /// </summary>
    private static double[] Median(int repetitions, Action action)
    {
        long warmStart = Stopwatch.GetTimestamp();
        for (int k = 0; k < 5 || Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 0.5; k++) action();
        Thread.Sleep(250);
        int count = Math.Max(repetitions, 3);
        var wall = new double[count];
        var cpu = new double[count];
        for (int k = 0; k < count; k++)
        {
            double cpuStart = ProcessCpuSeconds();
            long start = Stopwatch.GetTimestamp();
            action();
            wall[k] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            cpu[k] = ProcessCpuSeconds() - cpuStart;
        }
        Array.Sort(wall);
        Array.Sort(cpu);
        return [wall[count / 2], cpu[count / 2]];
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>
    /// CPU time of the calling thread in seconds (CLOCK_THREAD_CPUTIME_ID; NaN off Linux). With the process's time it
    /// shows how a run's work was shared between threads, largely whatever the load.
    /// </summary>
    internal static double ThreadCpuSeconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(3, out var time) == 0 ? time.Seconds + time.Nanoseconds * 1e-9 : double.NaN;

    /// <summary>
    /// CPU time of the whole process in seconds: CLOCK_PROCESS_CPUTIME_ID on Linux (nanosecond resolution; the
    /// TotalProcessorTime of <see cref="Process"/> ticks at 10 ms there), TotalProcessorTime elsewhere.
    /// </summary>
    internal static double ProcessCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(2, out var time) == 0) return time.Seconds + time.Nanoseconds * 1e-9;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>A Markdown table of the timings.</summary>
    public static string ToMarkdown(IEnumerable<RnnKernelTimings> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| back-end | precision | threads | clock | gradient | GN product | prepare (forward) | gradient GFLOP/s | GN GFLOP/s | raw step GEMM GFLOP/s | raw batched GEMM GFLOP/s | gradient floor | GN floor | gradient floor/actual | GN floor/actual |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            text.AppendLine(string.Format(c,
                "| {0} | {1} | {13} | {14} | {2:F4} s | {3:F4} s | {4:F4} s | {5:F1} | {6:F1} | {7:F1} | {8:F1} | {9:F4} s | {10:F4} s | {11:F2} | {12:F2} |",
                r.Backend.Split(' ')[0], r.Precision, r.GradientSeconds, r.GaussNewtonSeconds, r.PrepareSeconds, r.GradientGflops, r.GaussNewtonGflops,
                r.StepGemmGflops, r.BatchedGemmGflops, r.GradientFloorSeconds, r.GaussNewtonFloorSeconds, r.GradientEfficiency, r.GaussNewtonEfficiency, r.Threads, r.Clock));
        return text.ToString();
    }
}
