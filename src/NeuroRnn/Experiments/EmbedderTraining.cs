using System.Diagnostics;
using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Fitting;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;
using NeuroRnn.Trials;

namespace NeuroRnn.Experiments;

/// <summary>
/// Trains an embedder RNN on a reaching session of <see cref="ReachingCircuit"/>: inputs (cue cos θ, sin θ, hold) and
/// muscle outputs from <see cref="ReachingSession.TaskBatch"/>, plus optional hints — recorded units of the circuit,
/// normalised by <see cref="NormalizeHints"/>. full-FORCE uses them as hint channels of the target-generating network;
/// Hessian-free and Adam as extra outputs of a linear read-out (what the recording fitter does with a linear read-out),
/// so every optimizer sees exactly the same data.
/// </summary>
public static class EmbedderTraining
{
    /// <summary>Trains one embedder.</summary>
    /// <param name="training">The training conditions (one trial per condition; one bin is one Euler step).</param>
    /// <param name="hints">Optional sampled units of the circuit on the same trials and time bins as <paramref name="training"/>
    /// (e.g. <c>training.Neurons.SampleUnits(0.05, seed)</c>); null: outputs only.</param>
    /// <param name="optimizer">How to train.</param>
    /// <param name="seed">Seed of the network's initial weights and of full-FORCE's target-generating network and trial order.</param>
    /// <param name="options">Network and optimizer settings; null = defaults.</param>
    /// <param name="onIteration">Called after every iteration with its statistics.</param>
    /// <param name="cancellationToken">Stops training between iterations (or trials).</param>
    /// <exception cref="ArgumentException">The hints do not match the training conditions (trial count, time bins, reach
    /// directions) or have a missing value, the bin is longer than τ, or an option is invalid — naming the argument.</exception>
    public static Embedder Train(ReachingSession training, Recording? hints, EmbedderOptimizer optimizer, int seed,
        EmbedderOptions? options = null, Action<IterationStatistics>? onIteration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= new EmbedderOptions();
        options.Validate();
        if (!Enum.IsDefined(optimizer)) throw new ArgumentException($"optimizer has the undefined value {(int)optimizer}.", nameof(optimizer));
        double binMs = training.Neurons.BinWidthMs;
        if (!(binMs <= options.TauMs))
            throw new ArgumentException($"EmbedderOptions.TauMs = {options.TauMs} is shorter than the session's {binMs} ms bins; the Euler step must not exceed τ.", nameof(options));
        var task = training.TaskBatch();
        double[,,]? normalized = null;
        if (hints is not null)
        {
            CheckHints(training, hints);
            normalized = NormalizeHints(hints);
        }
        int hintCount = normalized?.GetLength(2) ?? 0, outputs = task.OutputCount;
        bool hintOutputs = optimizer != EmbedderOptimizer.FullForce;
        var model = new RateRnn(new RateRnnOptions
        {
            UnitCount = options.UnitCount,
            InputCount = task.InputCount,
            OutputCount = outputs + (hintOutputs ? hintCount : 0),
            Dt = binMs,
            Tau = options.TauMs,
            Nonlinearity = options.Nonlinearity,
            Gain = options.Gain,
            InputWeightStd = options.InputWeightStd,
            Seed = seed,
        });
        var objective = new RnnObjective(model, null, NumericsBackend.Current);
        // Gradient-based runs end on the iteration budget or the training-loss plateau, never on wall time, so that the
        // result does not depend on the machine's load. Adam does not compute the loss after its step; its plateau is
        // measured on the full-batch loss before each step (the batch is fixed).
        var plateau = LossPlateauRule.For(options.LossPlateau, options.LossPlateauWindow);
        bool Plateaued(IterationStatistics s) => plateau?.Reached(double.IsNaN(s.LossAfter) ? s with { LossAfter = s.Loss } : s) == true;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        TrainingResult result;
        switch (optimizer)
        {
            case EmbedderOptimizer.FullForce:
            {
                var targets = FullForceTargets.FromTrials(task, normalized, HintDriveScale(options, hintCount));
                var run = new TrainingRun { Iterations = options.FullForcePasses };
                result = new FullForceTrainer(options.FullForce with { Seed = seed }).Train(objective, targets, run, null, onIteration, cancellationToken);
                break;
            }
            case EmbedderOptimizer.HessianFree:
            {
                var batch = WithHintOutputs(task, normalized, options.HintWeight);
                var run = new TrainingRun { Iterations = options.HessianFreeIterations, StopWhen = Plateaued };
                result = new HessianFreeTrainer(options.HessianFree).Train(objective, TrainingData.Fixed(batch, batch.BatchSize), run, null, onIteration, cancellationToken);
                break;
            }
            default:
            {
                var batch = WithHintOutputs(task, normalized, options.HintWeight);
                var run = new TrainingRun { Iterations = options.AdamIterations, StopWhen = Plateaued };
                result = new AdamTrainer(options.Adam).Train(objective, TrainingData.Fixed(batch, batch.BatchSize), run, null, onIteration, cancellationToken);
                break;
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        if (plateau is not null) result = result with { StopReason = plateau.Explain(result.StopReason) };
        model.SetParameters(result.Parameters);
        return new Embedder(model, optimizer, outputs, hintCount, result, seconds, cpuSeconds);
    }

    /// <summary>
    /// Factor on each normalised hint where <paramref name="hintCount"/> hints drive full-FORCE's target-generating network:
    /// HintScale/√max(H, FullDriveHintCount) (see <see cref="EmbedderOptions.HintScale"/> and <see cref="EmbedderOptions.FullDriveHintCount"/>).
    /// </summary>
    public static double HintDriveScale(EmbedderOptions options, int hintCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HintScale / Math.Sqrt(Math.Max(Math.Max(1, hintCount), options.FullDriveHintCount));
    }

    /// <summary>
    /// Hints as [condition, time bin, unit]: each unit's rate minus its mean over all bins and trials, divided by its largest
    /// absolute deviation, so every hint lies in [−1, 1] whatever the unit's firing rate (a constant unit becomes 0).
    /// </summary>
    /// <exception cref="ArgumentException">The recording has a missing (NaN) value.</exception>
    public static double[,,] NormalizeHints(Recording hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        int U = hints.UnitCount, T = hints.TimeCount, K = hints.TrialCount;
        var data = hints.Data;
        var result = new double[K, T, U];
        for (int u = 0; u < U; u++)
        {
            var values = data.Slice(u * T * K, T * K);
            double mean = 0;
            for (int j = 0; j < values.Length; j++)
            {
                if (!double.IsFinite(values[j]))
                    throw new ArgumentException($"hints ('{hints.Name}') has the value {values[j]} at unit {u}, bin {j / K}, trial {j % K}; hints must be finite.", nameof(hints));
                mean += values[j];
            }
            mean /= values.Length;
            double peak = 0;
            for (int j = 0; j < values.Length; j++) peak = Math.Max(peak, Math.Abs(values[j] - mean));
            double scale = peak > 0 ? 1 / peak : 0;
            for (int t = 0; t < T; t++)
                for (int k = 0; k < K; k++) result[k, t, u] = (values[t * K + k] - mean) * scale;
        }
        return result;
    }

    private static void CheckHints(ReachingSession training, Recording hints)
    {
        var neurons = training.Neurons;
        if (hints.UnitCount == 0) throw new ArgumentException("hints has no units; pass null to train on the outputs only.", nameof(hints));
        if (hints.TrialCount != neurons.TrialCount)
            throw new ArgumentException($"hints ('{hints.Name}') has {hints.TrialCount} trials (conditions) but the training session has {neurons.TrialCount}; record the hints on the training conditions.", nameof(hints));
        if (hints.TimeCount != neurons.TimeCount)
            throw new ArgumentException($"hints ('{hints.Name}') has {hints.TimeCount} time bins per trial but the training session has {neurons.TimeCount}; the hints must span the task's time steps.", nameof(hints));
        var ta = neurons.TimeMs;
        var tb = hints.TimeMs;
        for (int t = 0; t < ta.Length; t++)
            if (Math.Abs(ta[t] - tb[t]) > 1e-6 * Math.Max(1, neurons.BinWidthMs))
                throw new ArgumentException($"hints bin {t} is centred at {tb[t]} ms but the training session's at {ta[t]} ms.", nameof(hints));
        const string column = "reach_direction_deg";
        if (hints.Trials.Contains(column))
        {
            var expected = training.DirectionsDeg;
            var given = hints.Trials.GetDoubles(column);
            for (int k = 0; k < expected.Length; k++)
                if (!(Math.Abs(expected[k] - given[k]) < 1e-9))
                    throw new ArgumentException($"hints trial {k} is a reach to {given[k]}° but the training session's trial {k} to {expected[k]}°; record the hints on the training conditions, in the same order.", nameof(hints));
        }
    }

    /// <summary>The task batch with the hints appended as outputs (mask = <paramref name="hintWeight"/>).</summary>
    private static TrialBatch WithHintOutputs(TrialBatch task, double[,,]? hints, double hintWeight)
    {
        if (hints is null) return task;
        int T = task.Steps, B = task.BatchSize, M = task.OutputCount, H = hints.GetLength(2), O = M + H;
        var targets = new double[T * B * O];
        var mask = new double[targets.Length];
        for (int t = 0; t < T; t++)
            for (int b = 0; b < B; b++)
            {
                int from = (t * B + b) * M, to = (t * B + b) * O;
                for (int m = 0; m < M; m++)
                {
                    targets[to + m] = task.Targets[from + m];
                    mask[to + m] = task.Mask[from + m];
                }
                for (int h = 0; h < H; h++)
                {
                    targets[to + M + h] = hints[b, t, h];
                    mask[to + M + h] = hintWeight;
                }
            }
        return task with { OutputCount = O, Targets = targets, Mask = mask };
    }
}
