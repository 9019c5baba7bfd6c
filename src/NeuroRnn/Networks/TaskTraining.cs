using System.Diagnostics;
using System.Globalization;
using NeuroRnn.Checkpoints;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;

namespace NeuroRnn.Networks;

/// <summary>
/// The front door of task training: one call trains a rate RNN on a task and returns a <see cref="TrainedNetwork"/>.
/// <code>
/// var task = new ContextIntegrationTask();
/// var network = TaskTraining.Train(task);                       // the preset of the task's family
/// var options = TaskPresets.For(task) with { Iterations = 30 }; // or a changed preset
/// var activity = TaskTraining.Train(task, options).Record(task.SampleBalanced(10, seed: 5));
/// </code>
/// Training draws fresh trials every iteration from (seed, iteration) and keeps the parameters with the lowest error on a
/// fixed set of held-out test trials, so a run resumed from its checkpoint continues exactly as an uninterrupted one.
/// </summary>
public static class TaskTraining
{
    /// <summary>Checkpoint metadata key holding the run's <see cref="TaskTrainingOptions"/> as JSON.</summary>
    public const string OptionsMetadataKey = "taskTrainingOptions";

    /// <summary>Checkpoint metadata key holding the length a length curriculum had reached.</summary>
    public const string CurriculumLengthMetadataKey = "curriculumLength";

    /// <summary>
    /// Trains a network on <paramref name="task"/>.
    /// </summary>
    /// <param name="task">The task (it sets the network's input and output counts and output kind).</param>
    /// <param name="options">Settings; null settings (or null options): the preset of the task's family, <see cref="TaskPresets.For"/>.</param>
    /// <param name="onIteration">Called after every iteration (progress display, live charts).</param>
    /// <param name="resumeFrom">
    /// A checkpoint written by <see cref="TrainedNetwork.ToCheckpoint"/> (or <c>neurornn train</c>) to continue: its network,
    /// parameters, optimizer state, seed and statistics are used, and <paramref name="options"/> supplies the rest
    /// (iterations, stop rules, batch sizes, optimizer hyperparameters). Continue bit-identically by passing
    /// <see cref="OptionsFrom"/> of the checkpoint as <paramref name="options"/>.
    /// </param>
    /// <param name="cancellationToken">Stops between optimizer steps; the result then describes the last completed iteration.</param>
    /// <exception cref="ArgumentException">An option is invalid, the network does not fit the task, or the checkpoint
    /// belongs to another task, network shape or optimizer (the message names the setting).</exception>
    public static TrainedNetwork Train(ITask task, TaskTrainingOptions? options = null, Action<IterationStatistics>? onIteration = null,
        Checkpoint? resumeFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var started = Stopwatch.GetTimestamp();
        options = (options ?? new TaskTrainingOptions()).ResolvedFor(task);
        options.Validate();
        var network = NetworkOptions(task, options, resumeFrom);
        int seed = resumeFrom?.Seed ?? options.Seed;
        var curriculum = Curriculum(task, options, resumeFrom, seed);
        ITrainer trainer = options.Optimizer == TaskOptimizer.HessianFree ? new HessianFreeTrainer(options.HessianFree) : new AdamTrainer(options.Adam);
        if (resumeFrom is not null && resumeFrom.Optimizer.Optimizer != trainer.Name)
            throw new ArgumentException($"The checkpoint was trained with the \"{resumeFrom.Optimizer.Optimizer}\" optimizer but the options choose \"{trainer.Name}\" ({options.Optimizer}).", nameof(resumeFrom));

        var backend = NumericsBackend.Current;
        var model = resumeFrom is null ? new RateRnn(network) : new RateRnn(network, resumeFrom.Parameters);
        var objective = new RnnObjective(model, options.Loss, backend);
        var test = task.Sample(options.TestTrials, SeededRandom.Derive(seed, TrainingData.TestStream, 0));
        var data = curriculum?.Data(options.BatchSize, options.CurvatureBatchSize)
                   ?? TrainingData.Fresh(task, seed, options.BatchSize, options.CurvatureBatchSize);
        double? target = options.FixedIterations ? null : options.TargetErrorRate ?? TaskPresets.SuccessErrorRate(task);
        var run = new TrainingRun
        {
            Iterations = options.Iterations,
            Validate = o => task.Score(test, o.Predict(test)).ErrorRate,
            ValidateEvery = options.EffectiveValidateEvery,
            TargetValidation = target,
            MaxWallTime = options.TimeLimit,
        };
        var result = trainer.Train(objective, data, run, resumeFrom?.Optimizer, stats =>
        {
            // The curriculum scores fresh trials of the current length and may lengthen the next iteration's trials.
            if (curriculum is not null)
            {
                int before = curriculum.CurrentLength;
                curriculum.Observe(objective, stats.Iteration);
                if (curriculum.CurrentLength != before)
                    stats = stats with { Note = Join(stats.Note, string.Create(CultureInfo.InvariantCulture, $"curriculum: T = {before} solved, next T = {curriculum.CurrentLength}")) };
            }
            onIteration?.Invoke(stats);
        }, cancellationToken);
        if (result.StopReason.Kind == StopKind.TargetReached && result.BestValidation is { } reached)
            result = result with
            {
                StopReason = result.StopReason with
                {
                    Description = string.Create(CultureInfo.InvariantCulture,
                        $"solved: test error {reached:0.0%} < {target:0.0%}{(options.TargetErrorRate is null ? " (the task's success criterion)" : "")}"),
                },
            };
        model.SetParameters(result.BestParameters);
        var statistics = resumeFrom is null ? result.Statistics : [.. resumeFrom.Statistics, .. result.Statistics];
        return new TrainedNetwork(task, options with { Network = network, Seed = seed }, model, result, statistics, curriculum,
            test, Stopwatch.GetElapsedTime(started).TotalSeconds, backend.Description);
    }

    /// <summary>
    /// The options of the run that wrote <paramref name="checkpoint"/>, so that <see cref="Train"/> with them continues it
    /// exactly. Checkpoints written before options were stored get the preset of <paramref name="task"/> with the
    /// checkpoint's network, loss, optimizer and hyperparameters, and seed.
    /// </summary>
    /// <exception cref="ArgumentException">The checkpoint's options cannot be read.</exception>
    public static TaskTrainingOptions OptionsFrom(Checkpoint checkpoint, ITask task)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            if (checkpoint.Metadata.TryGetValue(OptionsMetadataKey, out var json))
                return CheckpointJson.Deserialize<TaskTrainingOptions>(json);
            var preset = TaskPresets.For(task);
            bool hf = checkpoint.Optimizer.Optimizer == "hf";
            return preset with
            {
                Network = checkpoint.RateRnnOptions(),
                Loss = checkpoint.LossOptionsJson is { } loss ? CheckpointJson.Deserialize<RnnLossOptions>(loss) : preset.Loss,
                Optimizer = hf ? TaskOptimizer.HessianFree : TaskOptimizer.Adam,
                HessianFree = hf && checkpoint.OptimizerOptionsJson is { } h ? CheckpointJson.Deserialize<HessianFreeOptions>(h) : preset.HessianFree,
                Adam = !hf && checkpoint.OptimizerOptionsJson is { } a ? CheckpointJson.Deserialize<AdamOptions>(a) : preset.Adam,
                Seed = checkpoint.Seed,
                Curriculum = checkpoint.Metadata.ContainsKey(CurriculumLengthMetadataKey) ? new LengthCurriculumOptions() : null,
            };
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"The checkpoint's training options cannot be read: {e.Message}", nameof(checkpoint), e);
        }
    }

    private static RateRnnOptions NetworkOptions(ITask task, TaskTrainingOptions options, Checkpoint? resumeFrom)
    {
        RateRnnOptions network;
        if (resumeFrom is not null)
        {
            if (resumeFrom.TaskName is { } name && !string.Equals(name, task.Name, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"The checkpoint was trained on task \"{name}\", not \"{task.Name}\".", nameof(resumeFrom));
            try
            {
                network = resumeFrom.RateRnnOptions();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(e.Message, nameof(resumeFrom), e);
            }
            if (network.InputCount != task.InputCount || network.OutputCount != task.OutputCount || network.OutputKind != task.OutputKind)
                throw new ArgumentException($"The checkpoint's network has {network.InputCount} inputs and {network.OutputCount} {network.OutputKind} outputs but task \"{task.Name}\" needs {task.InputCount} inputs and {task.OutputCount} {task.OutputKind} outputs.", nameof(resumeFrom));
        }
        else
        {
            network = options.Network! with { InputCount = task.InputCount, OutputCount = task.OutputCount, OutputKind = task.OutputKind, Seed = options.Seed };
            try
            {
                network.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"TaskTrainingOptions.Network: {e.Message}", nameof(options), e);
            }
        }
        if (task is ITimedTask timed && Math.Abs(network.Dt - timed.DtMs) > 1e-9 * timed.DtMs)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"TaskTrainingOptions.Network.Dt = {network.Dt} ms but the steps of task \"{task.Name}\" last {timed.DtMs} ms; use the same step (TaskPresets.For(task) does)."), nameof(options));
        return network;
    }

    private static LengthCurriculum? Curriculum(ITask task, TaskTrainingOptions options, Checkpoint? resumeFrom, int seed)
    {
        if (options.Curriculum is not { } curriculumOptions) return null;
        if (task is not PathologicalTask pathological)
            throw new ArgumentException($"TaskTrainingOptions.Curriculum lengthens the sequences of the pathological problems (addition, multiplication, xor, temporal-order); task \"{task.Name}\" is not one.", nameof(options));
        if (resumeFrom is not null && resumeFrom.Metadata.TryGetValue(CurriculumLengthMetadataKey, out var saved))
        {
            if (!int.TryParse(saved, NumberStyles.Integer, CultureInfo.InvariantCulture, out int length) || length < 1)
                throw new ArgumentException($"The checkpoint's curriculum length \"{saved}\" is not a positive integer.", nameof(resumeFrom));
            curriculumOptions = curriculumOptions with { StartLength = length };
        }
        return new LengthCurriculum(pathological.WithLength, pathological.Length, seed, curriculumOptions);
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first}; {second}";
}
