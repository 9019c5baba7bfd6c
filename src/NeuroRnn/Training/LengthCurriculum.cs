using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>A length the curriculum finished: fresh trials of <paramref name="Length"/> were solved after iteration <paramref name="Iteration"/>.</summary>
public sealed record CurriculumStage(int Length, int Iteration);

/// <summary>
/// Trains on short sequences first and lengthens them as the network solves them. Long-range problems such as the
/// addition problem at T = 100 can sit at the "predict the mean" plateau for hundreds of Hessian-free iterations when
/// trained at full length from the start (bench/results/hf.md), while from T = 30 upwards the same model and optimizer
/// solve T = 100 in a few dozen iterations. Use <see cref="Data"/> as the trainer's data and call <see cref="Observe"/>
/// from its per-iteration callback. Data depend only on (seed, iteration, current length), so a run resumed with
/// <see cref="LengthCurriculumOptions.StartLength"/> = the saved <see cref="CurrentLength"/> continues as the original would have.
/// </summary>
public sealed class LengthCurriculum
{
    /// <summary>Stream number of the curriculum's check trials in <see cref="SeededRandom.Derive"/>.</summary>
    public const int CheckStream = 3;

    private readonly Func<int, ITask> _taskOfLength;
    private readonly List<CurriculumStage> _stages = [];
    private readonly int _seed;
    private ITask _task;

    /// <summary>Creates a curriculum from <see cref="LengthCurriculumOptions.StartLength"/> up to <paramref name="finalLength"/>.</summary>
    /// <param name="taskOfLength">The task at a given length, e.g. <c>length => new AdditionTask(length)</c>.</param>
    /// <param name="finalLength">The length training should end at.</param>
    /// <param name="seed">Seed of the training and check data.</param>
    /// <param name="options">Settings (defaults: start 30, growth 1.25, advance below 1 % of 400 check trials wrong).</param>
    /// <exception cref="ArgumentException">An option or the final length is invalid, or the task factory fails at the start length.</exception>
    public LengthCurriculum(Func<int, ITask> taskOfLength, int finalLength, int seed, LengthCurriculumOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(taskOfLength);
        if (finalLength < 1) throw new ArgumentException($"The final length must be ≥ 1, got {finalLength}.", nameof(finalLength));
        Options = options ?? new LengthCurriculumOptions();
        Options.Validate();
        _taskOfLength = taskOfLength;
        _seed = seed;
        FinalLength = finalLength;
        CurrentLength = Math.Min(Options.StartLength, finalLength);
        _task = taskOfLength(CurrentLength) ?? throw new ArgumentException("The task factory returned null.", nameof(taskOfLength));
    }

    /// <summary>The settings.</summary>
    public LengthCurriculumOptions Options { get; }

    /// <summary>The length training ends at.</summary>
    public int FinalLength { get; }

    /// <summary>The length trained on now.</summary>
    public int CurrentLength { get; private set; }

    /// <summary>The task at <see cref="CurrentLength"/>.</summary>
    public ITask CurrentTask => _task;

    /// <summary>Lengths finished so far, in order.</summary>
    public IReadOnlyList<CurriculumStage> Stages => _stages;

    /// <summary>
    /// The trainer's data: iteration i draws <paramref name="gradientBatchSize"/> fresh trials of the current length from
    /// seed Derive(seed, <see cref="TrainingData.TrainingStream"/>, i); the first <paramref name="curvatureBatchSize"/> are the curvature minibatch.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive or the curvature batch is larger than the gradient batch.</exception>
    public Func<int, TrainingData> Data(int gradientBatchSize, int curvatureBatchSize)
    {
        TrainingData.CheckSizes(gradientBatchSize, curvatureBatchSize);
        return iteration =>
        {
            var batch = _task.Sample(gradientBatchSize, SeededRandom.Derive(_seed, TrainingData.TrainingStream, iteration));
            return new TrainingData(batch, curvatureBatchSize == gradientBatchSize ? batch : batch.Slice(0, curvatureBatchSize));
        };
    }

    /// <summary>
    /// Scores the objective's current parameters on fresh check trials of the current length (seed Derive(seed,
    /// <see cref="CheckStream"/>, <paramref name="iteration"/>)) and lengthens the sequences when the error rate is low enough.
    /// </summary>
    /// <returns>The check error rate at the length that was current when called.</returns>
    public double Observe(ICurvatureObjective objective, int iteration)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var check = _task.Sample(Options.CheckTrials, SeededRandom.Derive(_seed, CheckStream, iteration));
        double error = _task.Score(check, objective.Predict(check)).ErrorRate;
        if (error < Options.AdvanceBelowErrorRate && CurrentLength < FinalLength)
        {
            _stages.Add(new CurriculumStage(CurrentLength, iteration));
            CurrentLength = Math.Min(FinalLength, Math.Max(CurrentLength + 1, (int)Math.Ceiling(CurrentLength * Options.Growth)));
            _task = _taskOfLength(CurrentLength);
        }
        return error;
    }
}
