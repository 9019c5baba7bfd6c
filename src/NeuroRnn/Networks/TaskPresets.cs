using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Training;

namespace NeuroRnn.Networks;

/// <summary>
/// The default training settings of each task family — the one source of defaults for notebooks, the
/// <c>neurornn train</c> command and the benchmarks. Change a preset with <c>with { … }</c>.
/// </summary>
public static class TaskPresets
{
    /// <summary>Time constant of the units of the neuroscience tasks: τ = 10 ms (Mante et al. 2013).</summary>
    public const double NeuroscienceTauMs = 10;

    /// <summary>
    /// The preset of <paramref name="task"/>'s family: <see cref="PathologicalProblems"/> for the long-term-dependency
    /// problems, <see cref="Neuroscience"/> at the task's step for timed tasks (<see cref="ITimedTask"/>), and
    /// <see cref="Neuroscience"/> with 1 ms steps for any other task.
    /// </summary>
    public static TaskTrainingOptions For(ITask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task switch
        {
            PathologicalTask => PathologicalProblems(),
            CheckerboardTask checkerboard => Checkerboard(checkerboard.DtMs),
            ITimedTask timed => Neuroscience(timed.DtMs),
            _ => Neuroscience(1),
        };
    }

    /// <summary>
    /// The success criterion of <paramref name="task"/>: the held-out error rate below which it counts as solved, or null
    /// when the task has none. The pathological problems are solved when fewer than 1 % of fresh test sequences are
    /// answered wrongly (Martens &amp; Sutskever 2011); the neuroscience tasks have no such threshold (their ideal observer
    /// errs on low-coherence trials), so they train for their iterations unless a target is given.
    /// <see cref="TaskTraining.Train"/> stops once the criterion holds on the test trials (unless
    /// <see cref="TaskTrainingOptions.FixedIterations"/>).
    /// </summary>
    public static double? SuccessErrorRate(ITask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task is PathologicalTask ? 0.01 : null;
    }

    /// <summary>
    /// The pathological problems as Martens &amp; Sutskever (2011) pose them: a discrete-time tanh network (α = 1) of 100
    /// units with their sparse initialisation (15 incoming connections per unit) rescaled to spectral radius 1.2, input
    /// weights of standard deviation 1; HF with λ₀ = 0.1, μ = 1/30, up to 250 CG steps, 2,000 fresh sequences per
    /// iteration and a curvature minibatch of 400; Adam with learning rate 10⁻³ on batches of 64; 100 iterations.
    /// </summary>
    public static TaskTrainingOptions PathologicalProblems() => new()
    {
        Network = new RateRnnOptions
        {
            UnitCount = 100, Dt = 1, Tau = 1,
            Initialization = WeightInitialization.Sparse, SparseConnectionCount = 15, SpectralRadius = 1.2, InputWeightStd = 1,
        },
        HessianFree = new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 250, GradientBatchSize = 2000, CurvatureBatchSize = 400 },
        Adam = new AdamOptions { LearningRate = 1e-3, BatchSize = 64 },
        Iterations = 100,
        TestTrials = 1000,
    };

    /// <summary>
    /// The neuroscience tasks (decisions, context-dependent integration, working memory): a leaky rate network of 100 tanh
    /// units, τ = 10 ms integrated in steps of <paramref name="dtMs"/> (α = dt/τ), Gaussian recurrent weights of gain 1;
    /// HF with λ₀ = 0.1, up to 100 CG steps, 500 fresh trials per iteration and a curvature minibatch of 100 (Mante's task
    /// reaches its ideal observer's accuracy to within a few points in ~30 such iterations); Adam with learning rate
    /// 3·10⁻³ on batches of 64; 100 iterations.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dtMs"/> is not in (0, τ].</exception>
    public static TaskTrainingOptions Neuroscience(double dtMs)
    {
        if (!(dtMs > 0 && dtMs <= NeuroscienceTauMs))
            throw new ArgumentException($"dtMs must be in (0, {NeuroscienceTauMs}] ms (the Euler step may not exceed τ), got {dtMs}.", nameof(dtMs));
        return new TaskTrainingOptions
        {
            Network = new RateRnnOptions { UnitCount = 100, Dt = dtMs, Tau = NeuroscienceTauMs, Initialization = WeightInitialization.Gaussian, Gain = 1 },
            HessianFree = new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 100, GradientBatchSize = 500, CurvatureBatchSize = 100 },
            Adam = new AdamOptions { LearningRate = 3e-3, BatchSize = 64 },
            Iterations = 100,
            TestTrials = 1000,
        };
    }

    /// <summary>Time constant of the checkerboard networks: τ = 50 ms (Kleinman et al. 2021 use a slow τ of tens of ms).</summary>
    public const double CheckerboardTauMs = 50;

    /// <summary>
    /// The checkerboard task (Kleinman, Chandrasekaran &amp; Kao 2021): three areas of 50 units (<see cref="MultiAreaOptions"/>
    /// defaults: Dale's law with 80 % excitatory units, sparse excitatory feed-forward 10 % / feedback 5 % connections,
    /// inputs to area 1, readout from area 3's excitatory units), rectified-tanh rates (non-negative, as Dale's law needs),
    /// τ = 50 ms in steps of <paramref name="dtMs"/>, recurrent noise σ = 0.05, initial spectral radius 1; HF with up to 25
    /// CG steps, 300 trials per iteration and a curvature minibatch of 50 (the task is easy; the budget goes to iterations); 40 iterations. Pass <paramref name="areas"/> to
    /// change the architecture, e.g. <c>new MultiAreaOptions { AreaSizes = [150] }</c> for the single-area control of the
    /// same size.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dtMs"/> is not in (0, τ] or <paramref name="areas"/> is invalid.</exception>
    public static TaskTrainingOptions Checkerboard(double dtMs = 20, MultiAreaOptions? areas = null)
    {
        if (!(dtMs > 0 && dtMs <= CheckerboardTauMs))
            throw new ArgumentException($"dtMs must be in (0, {CheckerboardTauMs}] ms (the Euler step may not exceed τ), got {dtMs}.", nameof(dtMs));
        areas ??= new MultiAreaOptions();
        var network = new RateRnnOptions
        {
            UnitCount = areas.AreaSizes?.Sum() ?? 0, InputCount = 4, Dt = dtMs, Tau = CheckerboardTauMs,
            Nonlinearity = Nonlinearity.RectifiedTanh, Initialization = WeightInitialization.Gaussian, Gain = 1, SpectralRadius = 1,
            RecurrentNoiseStd = 0.05,
        };
        return new TaskTrainingOptions
        {
            Network = areas.Apply(network),
            HessianFree = new HessianFreeOptions { InitialLambda = 0.1, MaxCgIterations = 25, GradientBatchSize = 300, CurvatureBatchSize = 50 },
            Adam = new AdamOptions { LearningRate = 3e-3, BatchSize = 64 },
            Iterations = 40,
            TestTrials = 500,
        };
    }
}
