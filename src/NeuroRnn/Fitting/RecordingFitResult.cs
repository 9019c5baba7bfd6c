using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Models;
using NeuroRnn.Training;

namespace NeuroRnn.Fitting;

/// <summary>
/// A fitted network and how well it predicts held-out trials. Predictions are frames in Hz with the same units, time
/// bins and trials as the held-out data, so tuning-curve and other analyses run on model output unchanged.
/// </summary>
[TypeFormatterSource("NeuroRnn.Interactive.Formatting.RecordingFitResultFormatterSource")]
public sealed class RecordingFitResult
{
    internal RecordingFitResult(RecordingFitOptions options, FitDataset dataset, RateRnn model, TrainingResult training,
        double seconds, string backend)
    {
        Options = options;
        Dataset = dataset;
        Model = model;
        Training = training;
        Seconds = seconds;
        Backend = backend;
        HeldOutData = dataset.HeldOut;
        HeldOutPrediction = Predict(HeldOutData.Trials);
        TrialAveraged = FitMetrics.TrialAveraged(HeldOutData, HeldOutPrediction, dataset.ConditionColumns);
        SingleTrial = FitMetrics.SingleTrial(HeldOutData, HeldOutPrediction);
        NoiseCeiling = FitMetrics.ExplainableVariance(HeldOutData, dataset.ConditionColumns);
        var trainingAverages = dataset.Training.GroupTrials(dataset.ConditionColumns).Mean;
        TrainingTrialAveraged = FitMetrics.SingleTrial(trainingAverages, Predict(trainingAverages.Trials));
    }

    /// <summary>The settings of the fit.</summary>
    public RecordingFitOptions Options { get; }

    /// <summary>The iteration whose network was kept because it had the lowest validation loss (null without a validation split).</summary>
    public int? BestValidationIteration { get; init; }

    /// <summary>True when training stopped because the validation loss stopped improving.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>
    /// With <see cref="FreeUnitTyping.FitDecides"/>: the cell type ("E"/"I") the fit gave every fitted recorded unit (keyed by
    /// its index in the recording; listed units as given). Also in <see cref="Options"/>' <see cref="FitConstraints.UnitTypes"/>.
    /// Null when the types were given or positional.
    /// </summary>
    public IReadOnlyDictionary<int, string>? ChosenUnitTypes { get; init; }

    /// <summary>With <see cref="FreeUnitTyping.FitDecides"/>: each fitted unit's net outgoing weight (column sum of W) after the warm-up, in fitted-unit order.</summary>
    public IReadOnlyList<double>? WarmUpNetOutgoingWeights { get; init; }

    /// <summary>The prepared data (processed rates, split, scales, batches).</summary>
    public FitDataset Dataset { get; }

    /// <summary>The fitted network (outputs in scaled units; see <see cref="FitDataset.Scales"/>).</summary>
    public RateRnn Model { get; }

    /// <summary>The optimizer's result (state, statistics, stop reason).</summary>
    public TrainingResult Training { get; }

    /// <summary>Per-iteration statistics of the training.</summary>
    public IReadOnlyList<IterationStatistics> Statistics => Training.Statistics;

    /// <summary>Wall time of preparation, training and evaluation in seconds.</summary>
    public double Seconds { get; }

    /// <summary>Name of the numerics back-end the fit ran on.</summary>
    public string Backend { get; }

    /// <summary>The processed held-out trials (Hz).</summary>
    public Recording HeldOutData { get; }

    /// <summary>The model's prediction of the held-out trials (Hz; same shape and tables as <see cref="HeldOutData"/>).</summary>
    public Recording HeldOutPrediction { get; }

    /// <summary>Held-out R² on condition averages over (condition, time): the headline measure.</summary>
    public FitScore TrialAveraged { get; }

    /// <summary>Held-out R² on single trials (bounded well below 1 by trial-to-trial variability the stimulus cannot predict).</summary>
    public FitScore SingleTrial { get; }

    /// <summary>Noise ceiling of <see cref="TrialAveraged"/> (explainable variance of the held-out condition averages).</summary>
    public FitScore NoiseCeiling { get; }

    /// <summary>R² on the condition averages of the training trials (how well the network fits what it was trained on).</summary>
    public FitScore TrainingTrialAveraged { get; }

    /// <summary>
    /// Noise-corrected held-out R² (the fraction of explainable variance explained): (SST − SSE) / (SST − noise), where
    /// noise = Σ SEM² is the part of the held-out averages' variance that is trial-to-trial noise. Because that noise
    /// adds to the model's squared error on average, this estimates the R² of the model against the true (infinitely
    /// many trials) trial-averaged response. It equals <see cref="TrialAveraged"/> / <see cref="NoiseCeiling"/> (pooled).
    /// </summary>
    public double NormalizedRSquared => TrialAveraged.Overall / NoiseCeiling.Overall;

    /// <summary>
    /// R² on held-out trial averages against a noise-free reference of the same recording — for synthetic data the
    /// generator's expected response (<c>V1GratingOptions.ExpectedCounts</c>). The reference goes through the fit's
    /// preprocessing; its held-out trials are averaged by condition and compared with the model's prediction.
    /// </summary>
    /// <exception cref="ArgumentException">The reference's shape differs from the fitted recording's.</exception>
    public FitScore ScoreAgainstTruth(Recording truth)
    {
        var processed = Dataset.ProcessLike(truth).SelectTrials(Dataset.TestTrials);
        return FitMetrics.TrialAveraged(processed, HeldOutPrediction.WithTrials(processed.Trials), Dataset.ConditionColumns);
    }

    /// <summary>The final training loss (mean squared error in scaled units).</summary>
    public double FinalLoss => Statistics.Count == 0 ? double.NaN : Statistics[^1].LossAfter;

    /// <summary>
    /// The model's responses (Hz) of the fitted units to the stimuli of any trials table with the columns the encoding
    /// reads — e.g. orientations that were never recorded. Same time bins as the fit; units table of the fitted units.
    /// </summary>
    /// <exception cref="ArgumentException">A column the encoding needs is missing or the table is empty.</exception>
    public Recording Predict(ColumnTable trials)
    {
        var batch = Dataset.InputsFor(trials);
        var trajectory = Model.Run(batch);
        int U = Dataset.FittedUnitCount, T = batch.Steps, B = batch.BatchSize;
        var values = new double[U * T * B];
        var scales = Dataset.Scales;
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
                for (int b = 0; b < B; b++)
                    values[(u * T + t) * B + b] = trajectory.Outputs[(t * B + b) * U + u] * scales[u];
        return Recording.Create(values, Dataset.Processed.TimeMs, trials, Dataset.Processed.Units, RecordingValueKind.RatesHz, "model prediction");
    }

    /// <summary>
    /// The rates f(x) of all N network units (model units, not Hz) to the stimuli of <paramref name="trials"/>, as a frame
    /// (units table: <c>unit</c> = net_000…, <c>recorded</c> = the recorded unit a network unit stands for, or empty).
    /// Useful for state-space analyses such as PCA.
    /// </summary>
    public Recording NetworkRates(ColumnTable trials)
    {
        var batch = Dataset.InputsFor(trials);
        var trajectory = Model.Run(batch);
        int N = Model.Options.UnitCount, T = batch.Steps, B = batch.BatchSize;
        var values = new double[N * T * B];
        for (int n = 0; n < N; n++)
            for (int t = 0; t < T; t++)
                for (int b = 0; b < B; b++)
                    values[(n * T + t) * B + b] = trajectory.Rates[((t + 1) * B + b) * N + n]; // rates after each update
        var recordedNames = new string?[N];
        if (Model.Options.ReadoutUnits is { } readout)
        {
            var names = Dataset.Processed.Units.Contains("unit") ? Dataset.Processed.Units.GetStrings("unit") : null;
            for (int k = 0; k < readout.Count; k++) recordedNames[readout[k]] = names?[k] ?? k.ToString(CultureInfo.InvariantCulture);
        }
        var units = new ColumnTable(N, new TableColumn[]
        {
            new StringColumn("unit", Enumerable.Range(0, N).Select(n => (string?)("net_" + n.ToString("D3", CultureInfo.InvariantCulture)))),
            new StringColumn("recorded", recordedNames),
        });
        return Recording.Create(values, Dataset.Processed.TimeMs, trials, units, RecordingValueKind.Other, "network rates");
    }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fit of {Dataset.FittedUnitCount} units with N = {Model.Options.UnitCount}: held-out trial-averaged R² = {TrialAveraged.Overall:F3} (noise ceiling {NoiseCeiling.Overall:F3}), single-trial R² = {SingleTrial.Overall:F3}, {Statistics.Count} HF iterations in {Seconds:F1} s on {Backend}") + (Options.Constraints.Any ? "; constraints: " + string.Join("; ", Options.Constraints.Describe()) : "")
        + (ChosenUnitTypes is { } chosen ? string.Create(CultureInfo.InvariantCulture, $"; chosen types: {chosen.Count(p => p.Value == "E")} E, {chosen.Count(p => p.Value == "I")} I") : "");
}
