using System.Diagnostics;
using NeuroRnn.Data;
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
/// var states = network.Record(batch, RecordedSignal.States).SelectTrials("context", 0);   // a TrainedNetwork
/// var found = FixedPointFinder.Find(network.Model, states, input: [0, 0, 1, 0]);          // motion-context cue on
/// var selection = found.Points[0].Linearize().SelectionVector;
/// </code>
/// Without a trained network, pass a simulation instead: <c>Find(model, model.Run(batch), input)</c>.
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
        // State s of the selection (trial trials[s / steps], step s % steps), read in place.
        ReadOnlySpan<double> State(int s) => trajectory.States.AsSpan((s % steps * trajectory.BatchSize + trials[s / steps]) * n, n);
        int count = steps * trials.Length;
        for (int s = 0; s < count; s++)
        {
            var state = State(s);
            for (int i = 0; i < n; i++)
                if (!double.IsFinite(state[i]))
                    throw new ArgumentException($"trajectory state of unit {i} at step {s % steps} of trial {trials[s / steps]} is {state[i]}; the trajectory must be finite.", nameof(trajectory));
        }
        return SampleAndSearch(model, count, State, input, options);
    }

    /// <summary>Draws the starts from <paramref name="count"/> candidate states, then searches.</summary>
    private static FixedPointResult SampleAndSearch(RateRnn model, int count, StateAt state, double[]? input, FixedPointOptions options)
    {
        var random = new SeededRandom(options.Seed);
        var starts = new double[options.StartCount][];
        for (int k = 0; k < starts.Length; k++) starts[k] = state(random.NextInt(0, count - 1)).ToArray();
        return Search(model, starts, Spread(count, state, model.Options.UnitCount), input, options, random);
    }

    /// <summary>
    /// Searches from <see cref="FixedPointOptions.StartCount"/> states drawn at random (seeded) from a recording of the
    /// network's <b>states</b> x (not its rates): <c>TrainedNetwork.Record(batch, RecordedSignal.States)</c>, e.g. with its
    /// trials of one context selected by <see cref="Recording.SelectTrials(string, double)"/>. Every (time bin, trial) of
    /// the trials in <see cref="FixedPointOptions.Trials"/> (all by default) is a candidate; bins that are missing for all
    /// units (after the end of a shorter trial) are skipped.
    /// </summary>
    /// <param name="model">The network; its current parameters are used.</param>
    /// <param name="states">Units × time × trials states of <paramref name="model"/>, one recording unit per network unit.</param>
    /// <param name="input">The constant input u (length I); null for the autonomous system (u = 0).</param>
    /// <param name="options">Search options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The recording has another number of units, no complete state, a partly missing or infinite state; the input does not match; an option is invalid.</exception>
    public static FixedPointResult Find(RateRnn model, Recording states, double[]? input = null, FixedPointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(states);
        options ??= new FixedPointOptions();
        options.Validate();
        int n = model.Options.UnitCount;
        if (states.UnitCount != n)
            throw new ArgumentException($"states has {states.UnitCount} units but the network has {n}; record this network's states (RecordedSignal.States).", nameof(states));
        var trials = SelectedTrials(options.Trials, states.TrialCount);
        int times = states.TimeCount, trialCount = states.TrialCount;
        var data = states.DataMemory;
        // Candidate (time, trial) pairs with a complete state.
        var candidates = new List<int>();
        foreach (int k in trials)
            for (int t = 0; t < times; t++)
            {
                int missing = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = data.Span[(i * times + t) * trialCount + k];
                    if (double.IsNaN(v)) missing++;
                    else if (!double.IsFinite(v))
                        throw new ArgumentException($"states of unit {i} at {states.TimeMs[t]} ms of trial {k} is {v}; states must be finite.", nameof(states));
                }
                if (missing == 0) candidates.Add(t * trialCount + k);
                else if (missing < n)
                    throw new ArgumentException($"states at {states.TimeMs[t]} ms of trial {k} is missing for {missing} of {n} units; a state must be complete or wholly missing.", nameof(states));
            }
        if (candidates.Count == 0) throw new ArgumentException("states holds no complete state to start from.", nameof(states));
        var buffer = new double[n];
        ReadOnlySpan<double> State(int s)
        {
            int t = candidates[s] / trialCount, k = candidates[s] % trialCount;
            for (int i = 0; i < n; i++) buffer[i] = data.Span[(i * times + t) * trialCount + k];
            return buffer;
        }
        return SampleAndSearch(model, candidates.Count, State, input, options);
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
        // The spread is taken before noise is added to the starts: it describes the states the user gave.
        return Search(model, copies, Spread(copies.Length, k => copies[k], n), input, options, new SeededRandom(options.Seed));
    }

    private static FixedPointResult Search(RateRnn model, double[][] starts, (double[] Centroid, double Radius) reference, double[]? input,
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
        // MKL runs single-threaded inside each worker: the workers already use the cores, and OpenMP's fork/join per
        // 100×100 call would cost more than it saves.
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = WorkerCount(starts.Length) },
            () => (Minimizer: new SpeedMinimizer(dynamics, drive, backend), Threads: backend is MklBackend mkl ? mkl.ThreadsOnThisThread(1) : null),
            (s, _, worker) =>
            {
                finals[s] = new double[n];
                (q[s], iterations[s]) = worker.Minimizer.Minimize(starts[s], finals[s], options);
                return worker;
            },
            worker => worker.Threads?.Dispose());

        // Classify, drop outliers, then keep unique points best-first.
        var candidates = new List<int>();
        int rejected = 0, outliers = 0;
        var (centroid, radius) = reference;
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
        return new FixedPointResult(kept, u, starts.Length, rejected, outliers, duplicates, iterations.Sum(i => (long)i), clock.Elapsed, options);
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
                throw new ArgumentException($"FixedPointOptions.Trials names trial {k}, but there are only trials 0…{batchSize - 1}.", nameof(FixedPointOptions.Trials));
        return [.. trials];
    }

    /// <summary>Centroid of <paramref name="count"/> states and their RMS distance to it.</summary>
    private static (double[] Centroid, double Radius) Spread(int count, StateAt state, int n)
    {
        var centroid = new double[n];
        for (int s = 0; s < count; s++)
        {
            var x = state(s);
            for (int i = 0; i < n; i++) centroid[i] += x[i];
        }
        for (int i = 0; i < n; i++) centroid[i] /= count;
        double sum = 0;
        for (int s = 0; s < count; s++)
        {
            var x = state(s);
            for (int i = 0; i < n; i++) sum += (x[i] - centroid[i]) * (x[i] - centroid[i]);
        }
        return (centroid, Math.Sqrt(sum / count));
    }

    private delegate ReadOnlySpan<double> StateAt(int index);

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
