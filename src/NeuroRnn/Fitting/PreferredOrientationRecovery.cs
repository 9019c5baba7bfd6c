using NeuroRnn.Analysis;
using NeuroRnn.Data;

namespace NeuroRnn.Fitting;

/// <summary>
/// How well a fit recovers each unit's preferred orientation, judged against ground truth (a units-table column, as in
/// synthetic data). Preferred orientations come from von Mises fits to tuning curves (mean rate in the stimulus window
/// per stimulus angle) of the model and, for reference, of the recorded data itself; selectivity is the data's
/// vector-sum OSI.
/// </summary>
/// <param name="UnitIds">Ids of the fitted units.</param>
/// <param name="TrueDeg">Ground-truth preferred orientation per unit.</param>
/// <param name="ModelDeg">Preferred orientation of the model's tuning curve per unit.</param>
/// <param name="DataDeg">Preferred orientation of the recorded tuning curve per unit (all trials).</param>
/// <param name="DataOsi">Vector-sum OSI of the recorded tuning curve.</param>
/// <param name="OsiThreshold">Units with DataOsi ≥ this count as selective.</param>
/// <param name="ToleranceDeg">A recovery is correct when within this many degrees of the truth.</param>
public sealed record PreferredOrientationRecovery(string[] UnitIds, double[] TrueDeg, double[] ModelDeg, double[] DataDeg, double[] DataOsi,
    double OsiThreshold, double ToleranceDeg)
{
    /// <summary>Indices of the selective units.</summary>
    public int[] SelectiveUnits => Enumerable.Range(0, DataOsi.Length).Where(u => DataOsi[u] >= OsiThreshold).ToArray();

    /// <summary>|model − truth| per unit in [0, 90].</summary>
    public double[] ModelErrorDeg => TrueDeg.Zip(ModelDeg, (t, m) => Math.Abs(TuningComparison.OrientationDifferenceDeg(t, m))).ToArray();

    /// <summary>|data − truth| per unit in [0, 90].</summary>
    public double[] DataErrorDeg => TrueDeg.Zip(DataDeg, (t, d) => Math.Abs(TuningComparison.OrientationDifferenceDeg(t, d))).ToArray();

    /// <summary>Fraction of selective units whose model preference is within tolerance of the truth (NaN when none is selective).</summary>
    public double ModelFractionWithinTolerance => Fraction(ModelErrorDeg);

    /// <summary>The same for the data's own tuning curves: what the recording allows at best with this analysis.</summary>
    public double DataFractionWithinTolerance => Fraction(DataErrorDeg);

    /// <summary>Median model error over selective units, degrees.</summary>
    public double ModelMedianErrorDeg
    {
        get
        {
            var e = ModelErrorDeg;
            var sel = SelectiveUnits.Select(u => e[u]).Order().ToArray();
            return sel.Length == 0 ? double.NaN : sel.Length % 2 == 1 ? sel[sel.Length / 2] : 0.5 * (sel[sel.Length / 2 - 1] + sel[sel.Length / 2]);
        }
    }

    private double Fraction(double[] errors)
    {
        var selective = SelectiveUnits;
        return selective.Length == 0 ? double.NaN : selective.Count(u => errors[u] <= ToleranceDeg) / (double)selective.Length;
    }

    /// <summary>
    /// Computes the recovery of a fit whose recording's units table holds the truth in <paramref name="truthColumn"/>.
    /// Returns null when that column is missing.
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="recording">The recording that was fitted (for its units table).</param>
    /// <param name="truthColumn">Units-table column with the true preferred orientation in degrees.</param>
    /// <param name="osiThreshold">Selectivity threshold on the data's OSI.</param>
    /// <param name="toleranceDeg">Tolerance in degrees.</param>
    public static PreferredOrientationRecovery? Compute(RecordingFitResult fit, Recording recording, string truthColumn = "pref_orientation_deg",
        double osiThreshold = 0.2, double toleranceDeg = 10)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(recording);
        if (!recording.Units.Contains(truthColumn)) return null;
        var truthAll = recording.Units.GetDoubles(truthColumn);
        var truth = fit.Dataset.FittedUnits.Select(u => truthAll[u]).ToArray();
        var (data, model) = TuningOf(fit);
        var ids = data.Select(c => c.UnitId).ToArray();
        var dataDeg = data.Select(c => VonMisesFitter.Fit(c).PreferredOrientationDeg).ToArray();
        var modelDeg = model.Select(c => VonMisesFitter.Fit(c).PreferredOrientationDeg).ToArray();
        var osi = data.Select(OrientationSelectivity.Osi).ToArray();
        return new PreferredOrientationRecovery(ids, truth, modelDeg, dataDeg, osi, osiThreshold, toleranceDeg);
    }

    /// <summary>
    /// Tuning curves (mean rate in the stimulus window per stimulus angle, Hz) of the recorded data (all trials, processed as
    /// for the fit) and of the model (one simulated trial per condition), unit by unit.
    /// </summary>
    public static (TuningCurve[] Data, TuningCurve[] Model) TuningOf(RecordingFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var options = TuningOptionsOf(fit);
        var data = TuningCurves.Compute(fit.Dataset.Processed, options);
        var conditions = fit.Dataset.Processed.GroupTrials(fit.Dataset.ConditionColumns).Mean.Trials;
        var model = TuningCurves.Compute(fit.Predict(conditions), options);
        return (data, model);
    }

    /// <summary>The tuning-curve options matching a fit: its angle column and stimulus window.</summary>
    public static TuningCurveOptions TuningOptionsOf(RecordingFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var s = fit.Options.Stimulus;
        var trials = fit.Dataset.Processed.Trials;
        string angle = s.DirectionColumn is { } d && trials.Contains(d) ? d
            : s.OrientationColumn is { } o && trials.Contains(o) ? o
            : fit.Dataset.ConditionColumns[0];
        return new TuningCurveOptions { AngleColumn = angle, WindowStartMs = s.OnsetMs, WindowEndMs = s.OffsetMs };
    }
}
