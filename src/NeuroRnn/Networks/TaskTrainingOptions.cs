using NeuroRnn.Models;
using NeuroRnn.Training;

namespace NeuroRnn.Networks;

/// <summary>
/// Everything <see cref="TaskTraining.Train"/> needs besides the task: the network, the loss, the optimizer and its
/// hyperparameters, how long to train and what to stop on. The network and the optimizers' hyperparameters default to
/// null, meaning the preset of the task's family (<see cref="TaskPresets.For"/>), so <c>new TaskTrainingOptions { Iterations
/// = 30 }</c> (F#: <c>TaskTrainingOptions(Iterations = 30)</c>) is the preset trained for 30 iterations; in C# a preset can
/// also be changed with <c>TaskPresets.For(task) with { … }</c>. The command-line <c>neurornn train</c> starts from the same
/// preset, so a notebook and the CLI train identical networks from identical settings.
/// </summary>
public sealed record TaskTrainingOptions
{
    /// <summary>
    /// The network; null: the preset's. <see cref="TaskTraining.Train"/> sets its input and output counts and output kind
    /// from the task and its <see cref="RateRnnOptions.Seed"/> from <see cref="Seed"/>; everything else (units, Dt and τ,
    /// nonlinearity, initialisation, spectral radius, noise, Dale's law, masks, precision) is taken as given. For a timed
    /// task (<see cref="Tasks.ITimedTask"/>) Dt must equal the task's step.
    /// </summary>
    public RateRnnOptions? Network { get; init; }

    /// <summary>Loss penalties (weight decay, rate L2). Default: the plain task loss.</summary>
    public RnnLossOptions Loss { get; init; } = new();

    /// <summary>The optimizer. Default Hessian-free.</summary>
    public TaskOptimizer Optimizer { get; init; } = TaskOptimizer.HessianFree;

    /// <summary>Hessian-free hyperparameters, including the gradient and curvature batch sizes; null: the preset's.</summary>
    public HessianFreeOptions? HessianFree { get; init; }

    /// <summary>Adam hyperparameters, including the batch size; null: the preset's.</summary>
    public AdamOptions? Adam { get; init; }

    /// <summary>Iterations to run (HF iterations or Adam steps); a resumed run runs this many more. Default 100.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Fixed held-out test trials (drawn from the seed) on which the error rate is tracked and the best parameters chosen. Default 1000.</summary>
    public int TestTrials { get; init; } = 1000;

    /// <summary>Score the test trials every this many iterations (and after the last); null: every HF iteration, every 20 Adam steps.</summary>
    public int? ValidateEvery { get; init; }

    /// <summary>
    /// Stop once the test error rate is below this (in (0, 1]); null: the task's success criterion
    /// (<see cref="TaskPresets.SuccessErrorRate"/>, e.g. 1 % for the pathological problems), if it has one. Checked
    /// whenever the test trials are scored (<see cref="ValidateEvery"/>).
    /// </summary>
    public double? TargetErrorRate { get; init; }

    /// <summary>
    /// Run exactly <see cref="Iterations"/> iterations (no stop when the task is solved; time limit and cancellation still
    /// apply). Default false: training stops once the target error rate holds on the test trials.
    /// </summary>
    public bool FixedIterations { get; init; }

    /// <summary>Wall-time budget; training stops after the iteration that exceeds it. Null: none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the initialisation, of the training data of every iteration and of the test trials. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Train the pathological problems on short sequences first (<see cref="LengthCurriculum"/>); null: train at the task's
    /// length throughout. Only for tasks derived from <see cref="Tasks.PathologicalTask"/>.
    /// </summary>
    public LengthCurriculumOptions? Curriculum { get; init; }

    /// <summary>These options with every null setting replaced by the preset of <paramref name="task"/>'s family.</summary>
    public TaskTrainingOptions ResolvedFor(Tasks.ITask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Network is not null && HessianFree is not null && Adam is not null) return this;
        var preset = TaskPresets.For(task);
        return this with { Network = Network ?? preset.Network, HessianFree = HessianFree ?? preset.HessianFree, Adam = Adam ?? preset.Adam };
    }

    /// <summary>Trials per iteration of the chosen optimizer (gradient batch for HF, batch for Adam); the options must be resolved.</summary>
    internal int BatchSize => Optimizer == TaskOptimizer.HessianFree ? HessianFree!.GradientBatchSize : Adam!.BatchSize;

    /// <summary>The curvature minibatch of HF; for Adam the whole batch. The options must be resolved.</summary>
    internal int CurvatureBatchSize => Optimizer == TaskOptimizer.HessianFree ? HessianFree!.CurvatureBatchSize : Adam!.BatchSize;

    /// <summary>How often the test trials are scored (<see cref="ValidateEvery"/> or its optimizer default).</summary>
    internal int EffectiveValidateEvery => ValidateEvery ?? (Optimizer == TaskOptimizer.HessianFree ? 1 : 20);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting (nested records name theirs).</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"TaskTrainingOptions.{name} {problem}.", name);
        if (Loss is null) throw Bad(nameof(Loss), "is null");
        if (!Enum.IsDefined(Optimizer)) throw Bad(nameof(Optimizer), $"has the undefined value {(int)Optimizer}");
        if (Iterations < 0) throw Bad(nameof(Iterations), $"must be ≥ 0, got {Iterations}");
        if (TestTrials < 1) throw Bad(nameof(TestTrials), $"must be ≥ 1, got {TestTrials}");
        if (ValidateEvery is < 1) throw Bad(nameof(ValidateEvery), $"must be ≥ 1, got {ValidateEvery}");
        if (TargetErrorRate is { } target && !(target > 0 && target <= 1)) throw Bad(nameof(TargetErrorRate), $"must be in (0, 1], got {target}");
        if (FixedIterations && TargetErrorRate is not null) throw Bad(nameof(TargetErrorRate), $"= {TargetErrorRate} contradicts FixedIterations = true (a fixed number of iterations has no target); set one of them");
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero) throw Bad(nameof(TimeLimit), $"must be positive, got {limit}");
        Loss.Validate();
        if (Optimizer == TaskOptimizer.HessianFree) HessianFree?.Validate(); else Adam?.Validate();
        Curriculum?.Validate();
    }
}
