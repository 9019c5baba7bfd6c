using System.Globalization;
using Deedle;
using NeuroRnn.Fitting;
using NeuroRnn.Training;

namespace NeuroRnn.Interop.Deedle;

/// <summary>Fit results as Deedle frames and series: per-unit scores, headline numbers, training curves.</summary>
public static class FitFrames
{
    /// <summary>
    /// Held-out scores per fitted unit (keyed 0, 1, …): <c>unit</c> (the units-table column <c>unit</c>, else the index),
    /// <c>r2_trial_averaged</c>, <c>r2_single_trial</c>, <c>noise_ceiling</c>, <c>r2_training</c> (training-trial averages).
    /// A unit without variance has a missing R².
    /// </summary>
    public static Frame<int, string> PerUnit(RecordingFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var units = fit.HeldOutData.Units;
        int count = units.RowCount;
        var ids = units.Contains("unit")
            ? units.GetStrings("unit").Select((s, i) => s ?? i.ToString(CultureInfo.InvariantCulture)).ToArray()
            : Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return FrameColumns.Build(count)
            .Add("unit", ids)
            .Add("r2_trial_averaged", fit.TrialAveraged.PerUnit)
            .Add("r2_single_trial", fit.SingleTrial.PerUnit)
            .Add("noise_ceiling", fit.NoiseCeiling.PerUnit)
            .Add("r2_training", fit.TrainingTrialAveraged.PerUnit)
            .ToFrame();
    }

    /// <summary>
    /// The headline numbers of a fit as a series keyed by name: pooled held-out R² (trial-averaged, single-trial,
    /// normalised by the noise ceiling), the noise ceiling, training R², final loss, iterations, seconds, fitted units
    /// and network size.
    /// </summary>
    public static Series<string, double> Summary(RecordingFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var pairs = new (string Key, double Value)[]
        {
            ("r2_trial_averaged", fit.TrialAveraged.Overall),
            ("r2_single_trial", fit.SingleTrial.Overall),
            ("noise_ceiling", fit.NoiseCeiling.Overall),
            ("r2_normalized", fit.NormalizedRSquared),
            ("r2_training", fit.TrainingTrialAveraged.Overall),
            ("median_unit_r2_trial_averaged", fit.TrialAveraged.MedianPerUnit),
            ("final_loss", fit.FinalLoss),
            ("iterations", fit.Statistics.Count),
            ("seconds", fit.Seconds),
            ("fitted_units", fit.Dataset.FittedUnitCount),
            ("network_units", fit.Model.Options.UnitCount),
        };
        return new Series<string, double>(pairs.Select(p => p.Key), pairs.Select(p => p.Value));
    }

    /// <summary>
    /// One row per training iteration (keyed 0, 1, …): <c>iteration</c>, <c>loss</c>, <c>loss_after</c>, <c>validation</c>
    /// (missing without a validation split), <c>step_norm</c>, <c>accepted</c>, <c>seconds</c>, <c>elapsed_seconds</c>,
    /// <c>note</c> (missing when none).
    /// </summary>
    public static Frame<int, string> Training(IReadOnlyList<IterationStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var s = statistics;
        return FrameColumns.Build(s.Count)
            .Add("iteration", s.Select(x => x.Iteration))
            .Add("loss", s.Select(x => x.Loss))
            .Add("loss_after", s.Select(x => x.LossAfter))
            .Add("validation", s.Select(x => x.Validation ?? double.NaN))
            .Add("step_norm", s.Select(x => x.StepNorm))
            .Add("accepted", s.Select(x => x.Accepted))
            .Add("seconds", s.Select(x => x.Seconds))
            .Add("elapsed_seconds", s.Select(x => x.ElapsedSeconds))
            .Add("note", s.Select(x => x.Note))
            .ToFrame();
    }
}
