using System.Globalization;
using NeuroRnn.Checkpoints;
using NeuroRnn.Data;
using NeuroRnn.Models;
using NeuroRnn.Numerics;
using NeuroRnn.Tasks;
using NeuroRnn.Training;
using NeuroRnn.Trials;

namespace NeuroRnn.Networks;

/// <summary>
/// A network trained on a task by <see cref="TaskTraining.Train"/>: the model at its best parameters (lowest error on the
/// held-out test trials), how training went and why it stopped, and the experiments one runs on a trained network —
/// scoring, psychometric curves, and recording its activity on any batch as a <see cref="Recording"/> (time in ms, the
/// batch's conditions in the trials table), so that PCA, tuning, TDR and choice probability apply to it as to data.
/// </summary>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.TrainedNetworkFormatterSource")]
public sealed class TrainedNetwork
{
    internal TrainedNetwork(ITask task, TaskTrainingOptions options, RateRnn model, TrainingResult training,
        IReadOnlyList<IterationStatistics> statistics, LengthCurriculum? curriculum, TrialBatch testBatch, double seconds, string backend)
    {
        Task = task;
        Options = options;
        Model = model;
        Training = training;
        Statistics = statistics;
        CurriculumLength = curriculum?.CurrentLength;
        CurriculumFinalLength = curriculum?.FinalLength;
        CurriculumStages = curriculum?.Stages.ToArray() ?? [];
        TestBatch = testBatch;
        Seconds = seconds;
        Backend = backend;
        TestScore = Score(testBatch);
    }

    /// <summary>The task the network was trained on.</summary>
    public ITask Task { get; }

    /// <summary>The settings of the run, with the network options actually used (counts, seed) and the run's seed.</summary>
    public TaskTrainingOptions Options { get; }

    /// <summary>The network at its best parameters. Changing its parameters changes what this object reports.</summary>
    public RateRnn Model { get; }

    /// <summary>The optimizer's result of this call: final state and parameters, best parameters, statistics of this call.</summary>
    public TrainingResult Training { get; }

    /// <summary>Per-iteration statistics of the whole run, including those of the checkpoint it was resumed from.</summary>
    public IReadOnlyList<IterationStatistics> Statistics { get; }

    /// <summary>Why training stopped (its <see cref="Training.StopReason.Kind"/> and a readable description).</summary>
    public StopReason StopReason => Training.StopReason;

    /// <summary>The lowest test error rate seen during this call (null when nothing was scored, e.g. zero iterations).</summary>
    public double? BestTestErrorRate => Training.BestValidation;

    /// <summary>The length a length curriculum had reached (null without a curriculum).</summary>
    public int? CurriculumLength { get; }

    /// <summary>The length a length curriculum trains towards (null without a curriculum).</summary>
    public int? CurriculumFinalLength { get; }

    /// <summary>The lengths a length curriculum finished in this call, in order (empty without one).</summary>
    public IReadOnlyList<CurriculumStage> CurriculumStages { get; }

    /// <summary>The held-out test trials (drawn from the run's seed) on which the best parameters were chosen.</summary>
    public TrialBatch TestBatch { get; }

    /// <summary>The score of <see cref="Model"/> on <see cref="TestBatch"/>.</summary>
    public TaskScore TestScore { get; }

    /// <summary>Wall time of the call in seconds (preparation, training, scoring).</summary>
    public double Seconds { get; }

    /// <summary>The numerics back-end training ran on.</summary>
    public string Backend { get; }

    /// <summary>Outputs of the network on <paramref name="batch"/> (after the output nonlinearity, laid out like its targets).</summary>
    /// <exception cref="ArgumentException">The batch does not fit the network.</exception>
    public double[] Predict(TrialBatch batch) => Run(batch).Outputs;

    /// <summary>The task's score of the network on <paramref name="batch"/>.</summary>
    /// <exception cref="ArgumentException">The batch does not fit the network.</exception>
    public TaskScore Score(TrialBatch batch) => Task.Score(batch, Predict(batch));

    /// <summary>Psychometric functions of the network on <paramref name="batch"/> (decision tasks only).</summary>
    /// <exception cref="InvalidOperationException">The task is not a decision task.</exception>
    /// <exception cref="ArgumentException">The batch does not fit the network or lacks the task's conditions.</exception>
    public IReadOnlyList<PsychometricPoint> Psychometric(TrialBatch batch) => Task is IDecisionTask decision
        ? decision.Psychometric(batch, Predict(batch))
        : throw new InvalidOperationException($"Task \"{Task.Name}\" is not a decision task ({nameof(IDecisionTask)}), so it has no psychometric function.");

    /// <summary>
    /// Simulates <paramref name="batch"/> and returns <paramref name="signal"/> as a recording: units × steps × trials, time
    /// in ms (the state after step t at (t + 1)·dt, zero at stimulus onset for timed tasks), the trials table holding
    /// <c>trial</c>, the batch's conditions and, for decision tasks, the network's <c>choice</c> and <c>correct</c>; the units
    /// table <c>unit</c>, <c>index</c> (and <c>type</c> E/I with Dale's law, <c>area</c> with areas). Steps after the end
    /// of a shorter trial are NaN.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit the network.</exception>
    public Recording Record(TrialBatch batch, RecordedSignal signal = RecordedSignal.Rates)
    {
        if (!Enum.IsDefined(signal)) throw new ArgumentException($"signal has the undefined value {(int)signal}.", nameof(signal));
        var trajectory = Run(batch);
        var (dt, onset) = ActivityRecordings.Timing(Task, Model);
        var trials = ActivityRecordings.TrialsTable(batch, Task, trajectory.Outputs);
        string name = $"{Task.Name} network {signal.ToString().ToLowerInvariant()}";
        return ActivityRecordings.FromTrajectory(trajectory, batch, signal, trials, ActivityRecordings.UnitsTable(Model), dt, onset, name);
    }

    /// <summary>
    /// Runs <paramref name="batch"/> twice, without and with <paramref name="perturbations"/> (applied in list order at every
    /// step of their windows), and returns both runs' rates and outputs as recordings with the trials table of
    /// <see cref="Record"/>, the task's score of each, and for decision tasks the fraction of choices changed and both
    /// psychometric functions.
    /// </summary>
    /// <exception cref="ArgumentException">A perturbation names units the network does not have, lists a unit twice, has an
    /// empty window or an out-of-range strength, or filters by cell type without Dale's law (the message names
    /// <c>perturbations[i]</c> and the field); or the batch does not fit the network.</exception>
    public PerturbationResult Perturb(TrialBatch batch, IReadOnlyList<Perturbation> perturbations)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(perturbations);
        if (perturbations.Count == 0) throw new ArgumentException("perturbations is empty; give at least one.", nameof(perturbations));
        var (dt, onset) = ActivityRecordings.Timing(Task, Model);
        var time = ActivityRecordings.TimeAxis(batch.Steps, dt, onset);
        var items = new UnitIntervention[perturbations.Count];
        for (int k = 0; k < items.Length; k++)
            items[k] = (perturbations[k] ?? throw new ArgumentException($"perturbations[{k}] is null.", nameof(perturbations)))
                .Compile(Model, time, $"{nameof(perturbations)}[{k}]");
        // Only outputs are kept: the scores, choices and psychometric functions come from them, and the rate recordings
        // are simulated again if and when they are read, from a copy of the parameters of this call (see PerturbationResult).
        var model = new RateRnn(Model.Options, Model.GetParameters());
        var backend = NumericsBackend.Current;
        var interventions = new UnitInterventions(items);
        var outputs = model.RunOutputs(batch, [null, interventions], backend);
        double[] control = outputs[0], perturbed = outputs[1];
        var units = ActivityRecordings.UnitsTable(Model);
        Func<Recording> Rates(UnitInterventions? applied, ColumnTable trials, string name) => () =>
            ActivityRecordings.FromUnitBlocks(model.RunRates(batch, applied, backend), model.Options.UnitCount, batch, trials, units, dt, onset, name);
        Recording Outputs(double[] run, ColumnTable trials, string name) =>
            ActivityRecordings.FromOutputs(run, model.Options.OutputCount, batch, trials, dt, onset, name);
        var controlTrials = ActivityRecordings.TrialsTable(batch, Task, control);
        var perturbedTrials = ActivityRecordings.TrialsTable(batch, Task, perturbed);
        double squares = 0;
        for (int k = 0; k < control.Length; k++)
        {
            double d = perturbed[k] - control[k];
            squares += d * d;
        }
        double? flips = null;
        IReadOnlyList<PsychometricPoint>? controlCurves = null, perturbedCurves = null;
        if (Task is IDecisionTask decision)
        {
            var before = TaskScoring.Choices(batch, control);
            var after = TaskScoring.Choices(batch, perturbed);
            flips = (double)Enumerable.Range(0, before.Length).Count(b => before[b] != after[b]) / before.Length;
            if (batch.Conditions is not null)
            {
                controlCurves = decision.Psychometric(batch, control);
                perturbedCurves = decision.Psychometric(batch, perturbed);
            }
        }
        return new PerturbationResult([.. perturbations],
            Rates(null, controlTrials, $"{Task.Name} network rates"), Rates(interventions, perturbedTrials, $"{Task.Name} network rates, perturbed"),
            Outputs(control, controlTrials, $"{Task.Name} network outputs"), Outputs(perturbed, perturbedTrials, $"{Task.Name} network outputs, perturbed"),
            Task.Score(batch, control), Task.Score(batch, perturbed), Math.Sqrt(squares / Math.Max(1, control.Length)),
            flips, controlCurves, perturbedCurves);
    }

    /// <summary>
    /// A checkpoint to continue this run with <see cref="TaskTraining.Train"/> (<c>resumeFrom</c>) or to save with
    /// <see cref="CheckpointFile.Save"/>: the parameters and optimizer state after the last completed iteration (not the
    /// best ones — continuing needs the former), the seed, the statistics, and the options as metadata.
    /// </summary>
    public Checkpoint ToCheckpoint()
    {
        var inv = CultureInfo.InvariantCulture;
        var metadata = new Dictionary<string, string>
        {
            [TaskTraining.OptionsMetadataKey] = CheckpointJson.Serialize(Options),
            ["batch"] = Options.BatchSize.ToString(inv),
            ["curvatureBatch"] = Options.CurvatureBatchSize.ToString(inv),
            ["testSize"] = Options.TestTrials.ToString(inv),
            ["backend"] = Backend,
        };
        if (BestTestErrorRate is { } best) metadata["bestTestErrorRate"] = best.ToString("R", inv);
        if (CurriculumLength is { } length) metadata[TaskTraining.CurriculumLengthMetadataKey] = length.ToString(inv);
        return new Checkpoint
        {
            ModelType = nameof(RateRnn),
            ModelOptionsJson = CheckpointJson.Serialize(Model.Options),
            LossOptionsJson = CheckpointJson.Serialize(Options.Loss),
            Parameters = Training.Parameters,
            Optimizer = Training.State,
            OptimizerOptionsJson = Options.Optimizer == TaskOptimizer.HessianFree ? CheckpointJson.Serialize(Options.HessianFree) : CheckpointJson.Serialize(Options.Adam),
            Seed = Options.Seed,
            TaskName = Task.Name,
            TaskLength = TaskRegistry.LengthOf(Task),
            Statistics = Statistics,
            Metadata = metadata,
        };
    }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Task.Name}: N = {Model.Options.UnitCount}, {Options.Optimizer} for {Training.Statistics.Count} iterations ({StopReason}) in {Seconds:F1} s; test accuracy {TestScore.Accuracy:P1} on {TestBatch.BatchSize} trials ({TestScore.Criterion})");

    internal RnnTrajectory Run(TrialBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Model.Run(batch);
    }
}
