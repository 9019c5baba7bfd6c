using NeuroRnn.Data;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Fitting;

/// <summary>
/// A recording prepared for fitting (see <see cref="RecordingFitOptions"/> for the preprocessing): the processed
/// rates, the train/test split, the per-unit scales and the network batches. Built by <see cref="RecordingFitter.Prepare"/>.
/// </summary>
public sealed record FitDataset
{
    /// <summary>Indices (into the original recording) of the fitted units, in fitting order.</summary>
    public required int[] FittedUnits { get; init; }

    /// <summary>The fitted units of all trials after rate conversion, smoothing and binning, in Hz (one bin = one step).</summary>
    public required Recording Processed { get; init; }

    /// <summary>Trials (indices into the recording) used for training.</summary>
    public required int[] TrainTrials { get; init; }

    /// <summary>Held-out trials (indices into the recording).</summary>
    public required int[] TestTrials { get; init; }

    /// <summary>Trials-table columns that define a condition.</summary>
    public required string[] ConditionColumns { get; init; }

    /// <summary>Hz per model unit of each fitted unit: model value × scale = predicted rate in Hz.</summary>
    public required double[] Scales { get; init; }

    /// <summary>Names of the input channels, e.g. <c>cos 2θ</c>.</summary>
    public required string[] InputNames { get; init; }

    /// <summary>
    /// The training batch in scaled units: one column per condition average of the training trials (mask weight =
    /// the condition's trial count over the mean count), or one per training trial.
    /// </summary>
    public required TrialBatch TrainBatch { get; init; }

    /// <summary>The held-out trials as a batch in scaled units (one column per trial, in <see cref="TestTrials"/> order).</summary>
    public required TrialBatch TestBatch { get; init; }

    /// <summary>The trials table of the training batch's columns (condition keys with <c>n_trials</c>, or the training trials).</summary>
    public required ColumnTable TrainBatchTrials { get; init; }

    /// <summary>Indices (into the recording) of the training trials set aside for validation (empty without a validation split).</summary>
    public int[] ValidationTrials { get; init; } = [];

    /// <summary>Single validation trials in the network's scaled units, or null without a validation split.</summary>
    public TrialBatch? ValidationBatch { get; init; }

    internal Func<ColumnTable, double[]> EncodeInputs { get; init; } = _ => throw new InvalidOperationException("The dataset has no stimulus encoder.");

    // Checks that the recording has the fitted recording's shape before processing it.
    internal Func<Recording, Recording> Preprocess { get; init; } = _ => throw new InvalidOperationException("The dataset has no preprocessing.");

    /// <summary>
    /// Applies this dataset's preprocessing (unit selection, counts → Hz, smoothing, binning) to another recording of the
    /// same units, bins and trials — e.g. the noise-free ground truth of a synthetic recording — so it can be compared
    /// with <see cref="Processed"/> and with model predictions entry by entry.
    /// </summary>
    /// <exception cref="ArgumentException">The recording's shape differs from the fitted recording's.</exception>
    public Recording ProcessLike(Recording other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Preprocess(other);
    }

    /// <summary>Number of time steps (bins).</summary>
    public int Steps => Processed.TimeCount;

    /// <summary>Number of input channels.</summary>
    public int InputCount => InputNames.Length;

    /// <summary>Number of fitted units.</summary>
    public int FittedUnitCount => FittedUnits.Length;

    /// <summary>The processed rates of the held-out trials (Hz).</summary>
    public Recording HeldOut => Processed.SelectTrials(TestTrials);

    /// <summary>The processed rates of the training trials (Hz).</summary>
    public Recording Training => Processed.SelectTrials(TrainTrials);

    /// <summary>
    /// Network inputs for any trials table with the columns the encoding reads (e.g. orientations never recorded):
    /// a batch with zero targets and mask, one column per row.
    /// </summary>
    /// <exception cref="ArgumentException">A column the encoding needs is missing.</exception>
    public TrialBatch InputsFor(ColumnTable trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.RowCount == 0) throw new ArgumentException("The trials table has no rows.", nameof(trials));
        var inputs = EncodeInputs(trials);
        int size = Steps * FittedUnitCount * trials.RowCount;
        return new TrialBatch(Steps, trials.RowCount, InputCount, FittedUnitCount, inputs, new double[size], new double[size]);
    }
}
