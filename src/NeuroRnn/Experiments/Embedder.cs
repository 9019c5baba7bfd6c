using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Data.Synthetic;
using NeuroRnn.Models;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Experiments;

/// <summary>
/// An RNN trained by <see cref="EmbedderTraining.Train"/> to reproduce a circuit's outputs, optionally with sampled units
/// of the circuit as hints. Its first <see cref="OutputCount"/> read-out channels are the task's outputs (a Hessian-free or
/// Adam embedder also reads out the normalised hints after them).
/// </summary>
public sealed class Embedder
{
    internal Embedder(RateRnn model, EmbedderOptimizer optimizer, int outputCount, int hintCount, TrainingResult training, double seconds, double cpuSeconds)
    {
        Model = model;
        Optimizer = optimizer;
        OutputCount = outputCount;
        HintCount = hintCount;
        Training = training;
        TrainSeconds = seconds;
        TrainCpuSeconds = cpuSeconds;
    }

    /// <summary>The trained network (an ordinary rate RNN).</summary>
    public RateRnn Model { get; }

    /// <summary>How it was trained.</summary>
    public EmbedderOptimizer Optimizer { get; }

    /// <summary>Number of task outputs (muscles).</summary>
    public int OutputCount { get; }

    /// <summary>Number of hint channels (sampled units) it was trained with; 0 for an output-only embedder.</summary>
    public int HintCount { get; }

    /// <summary>The optimizer's result: statistics, stop reason, state.</summary>
    public TrainingResult Training { get; }

    /// <summary>Wall time of the training call in seconds.</summary>
    public double TrainSeconds { get; }

    /// <summary>
    /// CPU time of the process during the training call in seconds (all its threads: the trainer's, the MKL back-end's and
    /// the garbage collector's). On a loaded machine it is closer to the work done than <see cref="TrainSeconds"/>.
    /// </summary>
    public double TrainCpuSeconds { get; }

    /// <summary>Iterations run (full-FORCE passes, HF or Adam steps).</summary>
    public int Iterations => Training.Statistics.Count;

    /// <summary>
    /// The rates f(x) of every embedder unit on <paramref name="session"/>'s conditions (its <see cref="ReachingSession.TaskBatch"/>),
    /// as a recording with the session's time axis and trials table — ready for <see cref="DynamicsComparison.Similarity"/>
    /// against the circuit's units.
    /// </summary>
    public Recording Rates(ReachingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Rates(session.TaskBatch(), session.Trials, session.Neurons.GetTimeMs());
    }

    /// <summary>
    /// The rates of every unit after each step's update for the inputs of <paramref name="batch"/>, labelled with
    /// <paramref name="trials"/> (one row per trial of the batch) and bin centres <paramref name="timeMs"/> (one per step).
    /// </summary>
    /// <exception cref="ArgumentException">The batch's inputs do not fit the network or the labels do not fit the batch.</exception>
    public Recording Rates(TrialBatch batch, ColumnTable trials, double[] timeMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(timeMs);
        CheckBatch(batch, nameof(batch));
        if (trials.RowCount != batch.BatchSize)
            throw new ArgumentException($"The trials table has {trials.RowCount} rows but the batch {batch.BatchSize} trials.", nameof(trials));
        if (timeMs.Length != batch.Steps)
            throw new ArgumentException($"timeMs has {timeMs.Length} bins but the batch {batch.Steps} steps.", nameof(timeMs));
        return RatesOf(Model, Inputs(batch), trials, timeMs, $"{Optimizer} embedder rates");
    }

    /// <summary>Rates of every unit of <paramref name="model"/> after each step, labelled as a recording.</summary>
    internal static Recording RatesOf(RateRnn model, TrialBatch batch, ColumnTable trials, double[] timeMs, string name)
    {
        var trajectory = model.Run(batch);
        int N = model.Options.UnitCount, T = batch.Steps, B = batch.BatchSize;
        var values = new double[N * T * B];
        for (int n = 0; n < N; n++)
            for (int t = 0; t < T; t++)
                for (int b = 0; b < B; b++)
                    values[(n * T + t) * B + b] = trajectory.Rates[((t + 1) * B + b) * N + n];
        var units = new ColumnTable(N, new TableColumn[]
        {
            new StringColumn("unit", Enumerable.Range(0, N).Select(n => (string?)("rnn_" + n.ToString("D3", CultureInfo.InvariantCulture)))),
        });
        return Recording.Create(values, timeMs, trials, units, RecordingValueKind.Other, name);
    }

    /// <summary>The task outputs (first <see cref="OutputCount"/> read-out channels) for the inputs of <paramref name="batch"/>, laid out like its targets.</summary>
    /// <exception cref="ArgumentException">The batch's inputs do not fit the network.</exception>
    public double[] Outputs(TrialBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckBatch(batch, nameof(batch));
        var y = Model.Run(Inputs(batch)).Outputs;
        int O = Model.Options.OutputCount, M = OutputCount, T = batch.Steps, B = batch.BatchSize;
        var result = new double[T * B * M];
        for (int j = 0; j < T * B; j++)
            for (int m = 0; m < M; m++) result[j * M + m] = y[j * O + m];
        return result;
    }

    /// <summary>
    /// Normalised output error Σ(y − f)² / Σ(f − f̄)² of the task outputs on <paramref name="batch"/> (its targets, where the
    /// mask is positive): 0 is perfect, 1 is no better than the targets' mean.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit the network.</exception>
    public double OutputError(TrialBatch batch)
    {
        var y = Outputs(batch);
        if (batch.OutputCount != OutputCount)
            throw new ArgumentException($"The batch has {batch.OutputCount} outputs but the embedder {OutputCount}.", nameof(batch));
        double sum = 0, n = 0;
        for (int k = 0; k < y.Length; k++)
            if (batch.Mask[k] > 0) { sum += batch.Targets[k]; n++; }
        double mean = sum / n, sse = 0, sst = 0;
        for (int k = 0; k < y.Length; k++)
        {
            if (batch.Mask[k] <= 0) continue;
            sse += (y[k] - batch.Targets[k]) * (y[k] - batch.Targets[k]);
            sst += (batch.Targets[k] - mean) * (batch.Targets[k] - mean);
        }
        return sst > 0 ? sse / sst : double.NaN;
    }

    private void CheckBatch(TrialBatch batch, string argument)
    {
        if (batch.InputCount != Model.Options.InputCount)
            throw new ArgumentException($"The batch has {batch.InputCount} input channels but the embedder {Model.Options.InputCount}.", argument);
    }

    // A batch with the embedder's output count (the targets are not used for simulation).
    private TrialBatch Inputs(TrialBatch batch)
    {
        int O = Model.Options.OutputCount;
        if (batch.OutputCount == O) return batch;
        var zeros = new double[batch.Steps * batch.BatchSize * O];
        return new TrialBatch(batch.Steps, batch.BatchSize, batch.InputCount, O, batch.Inputs, zeros, zeros);
    }
}
