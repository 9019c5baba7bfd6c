using NeuroRnn.Networks;
using NeuroRnn.Tasks;

namespace NeuroRnn.Interactive.Magics;

/// <summary>
/// <c>#!train --task mante --iterations 30 --as net</c>: trains a task network (<see cref="TaskTraining"/>, settings from
/// <see cref="TaskPresets"/> with the options given replacing theirs) with a live training chart.
/// </summary>
internal static class TrainMagic
{
    public static MagicDefinition Definition { get; } = new(
        "#!train",
        "Trains a rate RNN on a task with a live training chart (defaults: the task family's preset): #!train --task mante --iterations 30 --as net",
        [
            new MagicOption("--task", "the task", typeof(string)) { Required = true, Choices = TaskRegistry.Names },
            new MagicOption("--length", "the task's length parameter (T of the pathological problems, stimulus ms of mante)", typeof(int)),
            new MagicOption("--optimizer", "hf (Hessian-free) or adam", typeof(string)) { Choices = ["hf", "adam"] },
            new MagicOption("--units", "hidden units N", typeof(int)),
            new MagicOption("--iterations", "iterations to run (HF iterations or Adam steps)", typeof(int)),
            new MagicOption("--batch", "trials per iteration", typeof(int)),
            new MagicOption("--test-size", "fixed test trials for the metrics", typeof(int)),
            new MagicOption("--seed", "seed of the initialisation and the data", typeof(int)),
            new MagicOption("--time-limit", "wall-time budget in seconds", typeof(double)),
            new MagicOption("--as", "the variable to define", typeof(string)) { Default = "network" },
        ],
        Run);

    private static Task Run(MagicCall call)
    {
        var name = ToolkitMagics.VariableName(call, "--as");
        ITask task;
        try
        {
            task = TaskRegistry.Create(call.Require<string>("--task"), call.Get<int?>("--length"));
        }
        catch (ArgumentException e)
        {
            throw new MagicUsageException($"#!train: {(call.Has("--length") ? "--task/--length" : "--task")}: {e.Message}", e);
        }
        var options = TaskPresets.For(task).ResolvedFor(task);
        if (call.Get<int?>("--units") is { } units) options = options with { Network = options.Network! with { UnitCount = Positive(units, "--units") } };
        if (call.Get<string>("--optimizer") is { } optimizer) options = options with { Optimizer = optimizer == "adam" ? TaskOptimizer.Adam : TaskOptimizer.HessianFree };
        if (call.Get<int?>("--iterations") is { } iterations) options = options with { Iterations = iterations >= 0 ? iterations : throw new MagicUsageException($"#!train: --iterations must be ≥ 0, got {iterations}.") };
        if (call.Get<int?>("--test-size") is { } test) options = options with { TestTrials = Positive(test, "--test-size") };
        if (call.Get<int?>("--seed") is { } seed) options = options with { Seed = seed };
        if (call.Get<double?>("--time-limit") is { } seconds) options = options with { TimeLimit = TimeSpan.FromSeconds(seconds > 0 ? seconds : throw new MagicUsageException($"#!train: --time-limit must be positive, got {seconds}.")) };
        if (call.Get<int?>("--batch") is { } batch)
        {
            Positive(batch, "--batch");
            options = options with
            {
                HessianFree = options.HessianFree! with { GradientBatchSize = batch, CurvatureBatchSize = Math.Max(1, Math.Min(options.HessianFree!.CurvatureBatchSize, batch / 5)) },
                Adam = options.Adam! with { BatchSize = batch },
            };
        }
        var chart = new LiveTrainingChart(call, $"Training {task.Name}");
        var trained = TaskTraining.Train(task, options, chart.Report, cancellationToken: call.CancellationToken);
        chart.Complete();
        call.SetVariable(name, trained);
        call.Display($"{name} = {trained}");
        return Task.CompletedTask;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new MagicUsageException($"#!train: {option} must be positive, got {value}.");
}
