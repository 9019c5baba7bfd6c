using System.Diagnostics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;

namespace NeuroRnn.Dynamics;

/// <summary>
/// Finds the fixed and slow points of a rate network under a constant input (Sussillo &amp; Barak 2013): minimises
/// q(x) = ½‖F(x; u)‖² (<see cref="RateRnnDynamics"/>) by Levenberg–Marquardt from many starts drawn from the network's
/// own trajectories, keeps the minima with q ≤ <see cref="FixedPointOptions.SlowPointTolerance"/>, drops outliers far
/// from the trajectories and duplicates closer than <see cref="FixedPointOptions.UniqueDistance"/>.
/// <example>
/// <code>
/// var trajectory = model.Run(batch);
/// var found = FixedPointFinder.Find(model, trajectory, input: [0, 0, 1, 0]);
/// var slowest = found.Points[0].Linearize().SelectionVector;
/// </code>
/// </example>
/// </summary>
public static class FixedPointFinder
{
    /// <summary>
    /// Searches from <see cref="FixedPointOptions.StartCount"/> states drawn at random (seeded) from the trajectory's
    /// states x[0…T] of the trials in <see cref="FixedPointOptions.Trials"/> (all by default), plus optional noise.
    /// </summary>
    /// <param name="model">The network; its current parameters are used.</param>
    /// <param name="trajectory">A simulation of <paramref name="model"/> (<see cref="RateRnn.Run"/>).</param>
    /// <param name="input">The constant input u (length I); null for the autonomous system (u = 0).</param>
    /// <param name="options">Search options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The trajectory or input does not match the network, holds non-finite values, or an option is invalid (the message names it).</exception>
    public static FixedPointResult Find(RateRnn model, RnnTrajectory trajectory, double[]? input = null, FixedPointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trajectory);
        options ??= new FixedPointOptions();
        options.Validate();
        int n = model.Options.UnitCount;
        if (trajectory.UnitCount != n)
            throw new ArgumentException($"trajectory has {trajectory.UnitCount} units but the network has {n}; simulate this network to get its trajectory.", nameof(trajectory));
        var trials = SelectedTrials(options.Trials, trajectory.BatchSize);
        int steps = trajectory.Steps + 1;
        var states = new double[steps * trials.Length][];
        for (int k = 0; k < trials.Length; k++)
            for (int t = 0; t < steps; t++)
            {
                var state = trajectory.States.AsSpan((t * trajectory.BatchSize + trials[k]) * n, n).ToArray();
                for (int i = 0; i < n; i++)
                    if (!double.IsFinite(state[i]))
                        throw new ArgumentException($"trajectory state of unit {i} at step {t} of trial {trials[k]} is {state[i]}; the trajectory must be finite.", nameof(trajectory));
                states[k * steps + t] = state;
            }
        var random = new SeededRandom(options.Seed);
        var starts = new double[options.StartCount][];
        for (int s = 0; s < starts.Length; s++) starts[s] = (double[])states[random.NextInt(0, states.Length - 1)].Clone();
        return Search(model, starts, states, input, options, random);
    }

    /// <summary>
    /// Searches from the given states (noise of <see cref="FixedPointOptions.StartNoiseStd"/> added; StartCount and
    /// Trials do not apply). Outliers are judged against the spread of the given starts.
    /// </summary>
    /// <exception cref="ArgumentException">No start, a start of the wrong length or with non-finite values, a wrong input, or an invalid option.</exception>
    public static FixedPointResult FindFrom(RateRnn model, IReadOnlyList<double[]> starts, double[]? input = null, FixedPointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(starts);
        options ??= new FixedPointOptions();
        options.Validate();
        if (starts.Count == 0) throw new ArgumentException("starts is empty; give at least one initial state.", nameof(starts));
        int n = model.Options.UnitCount;
        var copies = new double[starts.Count][];
        for (int s = 0; s < starts.Count; s++)
        {
            var start = starts[s] ?? throw new ArgumentException($"starts[{s}] is null.", nameof(starts));
            if (start.Length != n)
                throw new ArgumentException($"starts[{s}] has {start.Length} values but the network has {n} units.", nameof(starts));
            for (int i = 0; i < n; i++)
                if (!double.IsFinite(start[i]))
                    throw new ArgumentException($"starts[{s}][{i}] is {start[i]}; initial states must be finite.", nameof(starts));
            copies[s] = (double[])start.Clone();
        }
        return Search(model, copies, copies.Select(c => (double[])c.Clone()).ToArray(), input, options, new SeededRandom(options.Seed));
    }

    private static FixedPointResult Search(RateRnn model, double[][] starts, double[][] reference, double[]? input,
        FixedPointOptions options, SeededRandom random)
    {
        var clock = Stopwatch.StartNew();
        var dynamics = RateRnnDynamics.Of(model);
        var u = dynamics.CheckInput(input);
        var drive = dynamics.ConstantDrive(u);
        int n = dynamics.UnitCount;
        if (options.StartNoiseStd > 0)
            foreach (var start in starts)
                for (int i = 0; i < n; i++) start[i] += options.StartNoiseStd * random.NextGaussian();

        // Each start is independent, so the result does not depend on how the work is split over threads; each
        // worker owns one minimizer (all buffers), and the inner loop allocates nothing.
        var finals = new double[starts.Length][];
        var q = new double[starts.Length];
        var iterations = new int[starts.Length];
        var backend = NumericsBackend.Current;
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = WorkerCount(starts.Length) },
            () => new SpeedMinimizer(dynamics, drive, backend),
            (s, _, minimizer) =>
            {
                finals[s] = new double[n];
                (q[s], iterations[s]) = minimizer.Minimize(starts[s], finals[s], options);
                return minimizer;
            },
            _ => { });

        // Classify, drop outliers, then keep unique points best-first.
        var candidates = new List<int>();
        int rejected = 0, outliers = 0;
        var (centroid, radius) = Spread(reference, n);
        for (int s = 0; s < starts.Length; s++)
        {
            if (!(q[s] <= options.SlowPointTolerance) || !finals[s].All(double.IsFinite)) { rejected++; continue; }
            if (options.OutlierDistanceScale is { } scale && radius > 0 && Distance(finals[s], centroid) > scale * radius) { outliers++; continue; }
            candidates.Add(s);
        }
        candidates.Sort((a, b) =>
        {
            int c = Kind(q[a], options).CompareTo(Kind(q[b], options));
            if (c == 0) c = q[a].CompareTo(q[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var kept = new List<FixedPoint>();
        int duplicates = 0;
        foreach (int s in candidates)
        {
            if (kept.Any(p => Distance(p.State, finals[s]) < options.UniqueDistance)) { duplicates++; continue; }
            kept.Add(new FixedPoint(dynamics, finals[s], u, q[s], iterations[s], Kind(q[s], options), s));
        }
        return new FixedPointResult(kept, u, starts.Length, rejected, outliers, duplicates, clock.Elapsed, options);
    }

    /// <summary>One worker per core, but never more workers than starts.</summary>
    private static int WorkerCount(int starts) => Math.Max(1, Math.Min(starts, Environment.ProcessorCount));

    private static FixedPointKind Kind(double q, FixedPointOptions options) =>
        q <= options.FixedPointTolerance ? FixedPointKind.Fixed : FixedPointKind.Slow;

    private static int[] SelectedTrials(IReadOnlyList<int>? trials, int batchSize)
    {
        if (trials is null) return Enumerable.Range(0, batchSize).ToArray();
        if (trials.Count == 0) throw new ArgumentException("FixedPointOptions.Trials is empty; give at least one trial (or null for all).", nameof(FixedPointOptions.Trials));
        foreach (int k in trials)
            if ((uint)k >= (uint)batchSize)
                throw new ArgumentException($"FixedPointOptions.Trials names trial {k}, but the trajectory has trials 0…{batchSize - 1}.", nameof(FixedPointOptions.Trials));
        return [.. trials];
    }

    /// <summary>Centroid of the states and their RMS distance to it.</summary>
    private static (double[] Centroid, double Radius) Spread(double[][] states, int n)
    {
        var centroid = new double[n];
        foreach (var s in states)
            for (int i = 0; i < n; i++) centroid[i] += s[i];
        for (int i = 0; i < n; i++) centroid[i] /= states.Length;
        double sum = 0;
        foreach (var s in states)
        {
            double d = Distance(s, centroid);
            sum += d * d;
        }
        return (centroid, Math.Sqrt(sum / states.Length));
    }

    private static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.Sqrt(s);
    }
}
