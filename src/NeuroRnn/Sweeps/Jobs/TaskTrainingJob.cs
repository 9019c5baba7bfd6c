using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Sweeps.Jobs;

/// <summary>
/// Job kind <c>train-task</c>: trains a rate RNN on a registered task (<see cref="TaskRegistry"/>) with
/// <see cref="TaskTraining.Train"/> from the task family's preset (<see cref="TaskPresets.For"/>), the spec overriding
/// units, optimizer, batch sizes and step sizes. Training runs in checkpointed intervals (each resumes the previous
/// checkpoint, which <see cref="TaskTraining"/> continues exactly); the parameters with the lowest test error over the
/// whole run are kept beside the checkpoint, so the result is the same however often the run was interrupted.
/// </summary>
public sealed class TaskTrainingJob : ISweepJob
{
    /// <summary>The kind's name in specs.</summary>
    public const string KindName = "train-task";

    private const string BestFile = "best-parameters.bin";

    /// <inheritdoc/>
    public string Name => KindName;

    /// <inheritdoc/>
    public string Description => "train a rate RNN on a task (the task family's preset, with overrides); metrics: test accuracy, loss";

    /// <inheritdoc/>
    public IReadOnlyList<SweepParameter> Parameters { get; } =
    [
        new("task", SweepParameterType.Text, null, $"task name ({string.Join(", ", TaskRegistry.Names)})") { Required = true },
        new("length", SweepParameterType.Integer, null, "the task's length parameter (default: the task's)"),
        new("units", SweepParameterType.Integer, null, "network units N (default: the preset's)"),
        new("optimizer", SweepParameterType.Text, SweepValue.String("hf"), "hf or adam"),
        new("iterations", SweepParameterType.Integer, SweepValue.Number(30), "HF iterations or Adam steps"),
        new("batch", SweepParameterType.Integer, null, "trials per iteration (HF gradient batch or Adam batch; default: the preset's)"),
        new("curvature_batch", SweepParameterType.Integer, null, "HF curvature minibatch (default: the preset's)"),
        new("lambda", SweepParameterType.Number, null, "HF initial damping λ (default: the preset's)"),
        new("max_cg", SweepParameterType.Integer, null, "cap on CG steps per HF iteration (default: the preset's)"),
        new("learning_rate", SweepParameterType.Number, null, "Adam learning rate (default: the preset's)"),
        new("test_trials", SweepParameterType.Integer, SweepValue.Number(1000), "held-out test trials"),
        new("float32", SweepParameterType.Boolean, SweepValue.Boolean(false), "simulate and differentiate in float32"),
        new("dales_law", SweepParameterType.Boolean, SweepValue.Boolean(false), "excitatory and inhibitory units (Dale's law)"),
        new("weight_decay", SweepParameterType.Number, SweepValue.Number(0), "L2 penalty on the weights"),
        new("rate_l2", SweepParameterType.Number, SweepValue.Number(0), "penalty on the mean squared rate"),
    ];

    /// <summary>The task and training options of a run's parameters (iterations: the whole run).</summary>
    /// <exception cref="ArgumentException">A value is invalid (the message names the parameter).</exception>
    public static (ITask Task, TaskTrainingOptions Options) Options(SweepJobContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var task = TaskRegistry.Create(c.Text("task"), c.OptionalInteger("length"));
        var preset = TaskPresets.For(task);
        var optimizer = c.Text("optimizer") switch
        {
            "hf" => TaskOptimizer.HessianFree,
            "adam" => TaskOptimizer.Adam,
            var other => throw new ArgumentException($"Parameter optimizer must be hf or adam, not \"{other}\".", "optimizer"),
        };
        var hf = preset.HessianFree!;
        if (c.OptionalInteger("batch") is { } b) hf = hf with { GradientBatchSize = b, CurvatureBatchSize = Math.Min(hf.CurvatureBatchSize, b) };
        if (c.OptionalInteger("curvature_batch") is { } cb) hf = hf with { CurvatureBatchSize = cb };
        if (c.OptionalNumber("lambda") is { } l) hf = hf with { InitialLambda = l };
        if (c.OptionalInteger("max_cg") is { } m) hf = hf with { MaxCgIterations = m, MinCgIterations = Math.Min(hf.MinCgIterations, Math.Max(1, m)) };
        var adam = preset.Adam!;
        if (c.OptionalInteger("batch") is { } ab) adam = adam with { BatchSize = ab };
        if (c.OptionalNumber("learning_rate") is { } lr) adam = adam with { LearningRate = lr };
        var network = preset.Network! with
        {
            Precision = c.Boolean("float32") ? RnnPrecision.Float32 : RnnPrecision.Float64,
            DalesLaw = c.Boolean("dales_law"),
        };
        if (c.OptionalInteger("units") is { } units) network = network with { UnitCount = units };
        var options = preset with
        {
            Network = network,
            Optimizer = optimizer,
            HessianFree = hf,
            Adam = adam,
            Iterations = c.Integer("iterations"),
            TestTrials = c.Integer("test_trials"),
            Seed = c.Run.Seed,
            Loss = preset.Loss with { WeightDecay = c.Number("weight_decay"), ActivityL2 = c.Number("rate_l2") },
        };
        options.Validate();
        network.Validate();
        return (task, options);
    }

    /// <inheritdoc/>
    public SweepJobOutcome Run(SweepJobContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var (task, options) = Options(c);
        string bestPath = Path.Combine(c.Run.Folder, BestFile);
        var checkpoint = File.Exists(c.CheckpointPath) ? CheckpointFile.Load(c.CheckpointPath) : null;
        (double Error, double[] Parameters)? best = checkpoint is not null && File.Exists(bestPath) ? ReadBest(bestPath) : null;
        if (checkpoint is not null) c.Log($"resuming from {SweepRunFiles.Checkpoint} at iteration {checkpoint.Optimizer.Iteration}");
        int iteration = checkpoint?.Optimizer.Iteration ?? 0;
        TrainedNetwork? network = null;
        bool cancelled = false;
        while (iteration < options.Iterations)
        {
            int chunk = JobTraining.NextChunk(iteration, c.CheckpointEvery, options.Iterations);
            network = TaskTraining.Train(task, options with { Iterations = chunk }, s => c.Log(JobTraining.Line(s)), checkpoint, c.CancellationToken);
            if (network.Training.Statistics.Count > 0)
            {
                // The network holds this interval's best parameters; keep them if they beat every earlier interval's
                // (strictly, as the training loop itself does, so the first of equal errors wins).
                if (network.BestTestErrorRate is { } error && (best is null || error < best.Value.Error))
                {
                    best = (error, network.Model.GetParameters());
                    WriteBest(bestPath, best.Value);
                }
                checkpoint = network.ToCheckpoint();
                CheckpointFile.Save(c.CheckpointPath, checkpoint);
                JobTraining.WriteStatistics(c.StatisticsPath, network.Statistics);
            }
            iteration = checkpoint?.Optimizer.Iteration ?? iteration;
            if (network.Training.Cancelled) { cancelled = true; break; }
            if (network.StopReason.Kind != Training.StopKind.IterationsCompleted) break;
        }
        if (cancelled) return new SweepJobOutcome(new Dictionary<string, double>(), iteration, Cancelled: true);
        // A run finished in an earlier attempt (killed before its summary) is scored from its checkpoint.
        network ??= TaskTraining.Train(task, options with { Iterations = 0 }, null, checkpoint, c.CancellationToken);
        if (best is { } kept) network.Model.SetParameters(kept.Parameters);
        var score = network.Score(network.TestBatch);
        var stats = network.Statistics;
        return new SweepJobOutcome(new Dictionary<string, double>
        {
            ["test_accuracy"] = score.Accuracy,
            ["test_error_rate"] = score.ErrorRate,
            ["test_loss"] = JobTraining.Finite(score.Loss),
            ["final_loss"] = stats.Count == 0 ? double.NaN : JobTraining.Finite(stats[^1].LossAfter),
            ["parameter_count"] = network.Model.ParameterCount,
        }, iteration);
    }

    private static (double Error, double[] Parameters) ReadBest(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        double error = reader.ReadDouble();
        var values = new double[reader.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        return (error, values);
    }

    private static void WriteBest(string path, (double Error, double[] Parameters) best)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory))
        {
            writer.Write(best.Error);
            writer.Write(best.Parameters.Length);
            foreach (double v in best.Parameters) writer.Write(v);
        }
        AtomicFile.WriteAllBytes(path, memory.ToArray());
    }
}
