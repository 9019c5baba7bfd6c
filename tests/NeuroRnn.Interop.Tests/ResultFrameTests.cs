using Deedle;
using NeuroRnn.Analysis;
using NeuroRnn.Fitting;
using NeuroRnn.Interactive;
using NeuroRnn.Interop.Deedle;
using NeuroRnn.Training;

namespace NeuroRnn.Interop.Tests;

public class ResultFrameTests
{
    [Fact]
    public void Tuning_curves_in_long_and_wide_form_hold_the_curves_values()
    {
        var curves = TuningCurves.Compute(SampleData.V1Gratings(), new TuningCurveOptions { WindowStartMs = 0, WindowEndMs = 900 }).Take(5).ToArray();
        var angles = curves[0].AnglesDeg.Length;

        var frame = TuningFrames.ToFrame(curves);
        Assert.Equal(5 * angles, frame.RowCount);
        Assert.Equal(new[] { "unit_index", "unit", "angle_deg", "mean", "sem", "trials", "response_unit" }, frame.ColumnKeys.ToArray());
        Assert.Equal(typeof(int), frame.ColumnTypes.ElementAt(5));
        var row = angles * 3 + 2; // unit 3, third angle
        Assert.Equal(curves[3].UnitId, frame.GetColumn<string>("unit").Get(row));
        Assert.Equal(curves[3].AnglesDeg[2], frame.GetColumn<double>("angle_deg").Get(row));
        Assert.Equal(curves[3].Mean[2], frame.GetColumn<double>("mean").Get(row));
        Assert.Equal(curves[3].TrialCounts[2], frame.GetColumn<int>("trials").Get(row));

        var wide = TuningFrames.MeansByAngle(curves);
        Assert.Equal(curves[0].AnglesDeg, wide.RowKeys.ToArray());
        Assert.Equal(curves.Select(c => c.UnitId), wide.ColumnKeys);
        Assert.Equal(curves[4].Mean[7], wide.GetColumn<double>(curves[4].UnitId).Get(curves[4].AnglesDeg[7]));
    }

    [Fact]
    public void Wide_tuning_frame_refuses_curves_with_different_angles_naming_the_unit()
    {
        var a = new TuningCurve(0, "u0", [0, 90], [1, 2], [0.1, 0.1], [5, 5]);
        var b = new TuningCurve(1, "u1", [0, 45], [1, 2], [0.1, 0.1], [5, 5]);
        var e = Assert.Throws<ArgumentException>(() => TuningFrames.MeansByAngle([a, b]));
        Assert.Contains("Unit 'u1'", e.Message);
        var twice = Assert.Throws<ArgumentException>(() => TuningFrames.MeansByAngle([a, a]));
        Assert.Contains("'u0' appears twice", twice.Message);
    }

    [Fact]
    public void Tuning_statistics_frame_has_one_row_per_unit_with_intervals()
    {
        var recording = SampleData.V1Gratings().SelectUnits([0, 1, 2]);
        var stats = TuningStatistics.Compute(recording, new TuningStatisticsOptions { Permutations = 50, BootstrapSamples = 50, Curve = new() { WindowStartMs = 0, WindowEndMs = 900 } });
        var frame = TuningFrames.ToFrame(stats);
        Assert.Equal(3, frame.RowCount);
        Assert.Equal(stats[1].Osi, frame.GetColumn<double>("osi").Get(1));
        Assert.Equal(stats[2].PreferredDirectionInterval.High, frame.GetColumn<double>("pref_direction_high").Get(2));
        Assert.Equal(stats[0].UnitId, frame.GetColumn<string>("unit").Get(0));
    }

    [Fact]
    public void Fit_result_gives_per_unit_scores_a_summary_and_a_training_frame()
    {
        var recording = SampleData.V1Gratings();
        var fit = RecordingFitter.Fit(recording, new RecordingFitOptions
        {
            UnitCount = 16, RecordedUnits = [0, 1, 2, 3, 4, 5], Iterations = 3, Seed = 2,
            Optimizer = new HessianFreeOptions { InitialLambda = 0.01, MaxCgIterations = 20 },
        });

        var perUnit = FitFrames.PerUnit(fit);
        Assert.Equal(6, perUnit.RowCount);
        Assert.Equal(fit.TrialAveraged.PerUnit[4], perUnit.GetColumn<double>("r2_trial_averaged").Get(4));
        Assert.Equal(fit.NoiseCeiling.PerUnit[0], perUnit.GetColumn<double>("noise_ceiling").Get(0));
        Assert.Equal(recording.Units.GetStrings("unit")[0], perUnit.GetColumn<string>("unit").Get(0));

        var summary = FitFrames.Summary(fit);
        Assert.Equal(fit.TrialAveraged.Overall, summary.Get("r2_trial_averaged"));
        Assert.Equal(fit.NormalizedRSquared, summary.Get("r2_normalized"));
        Assert.Equal(fit.Statistics.Count, summary.Get("iterations"));
        Assert.Equal(16, summary.Get("network_units"));

        var training = FitFrames.Training(fit.Statistics);
        Assert.Equal(fit.Statistics.Count, training.RowCount);
        Assert.Equal(fit.Statistics[^1].LossAfter, training.GetColumn<double>("loss_after").Get(fit.Statistics.Count - 1));
        Assert.Equal(typeof(bool), training.ColumnTypes.ElementAt(5));
        Assert.Equal(0, training.GetColumn<double>("validation").ValueCount); // no validation split: all missing
    }

    [Fact]
    public void Training_frame_marks_missing_validation_and_notes()
    {
        IterationStatistics[] stats =
        [
            new(0, 2.0, 1.5, 1.7, 0.3, true, 0.1, 0.1),
            new(1, 1.5, 1.6, null, 0.2, false, 0.1, 0.2, "rejected"),
        ];
        var frame = FitFrames.Training(stats);
        var validation = frame.GetColumn<double>("validation");
        Assert.Equal(1.7, validation.Get(0));
        Assert.False(validation.TryGet(1).HasValue);
        Assert.False(frame.GetColumn<string>("note").TryGet(0).HasValue);
        Assert.Equal("rejected", frame.GetColumn<string>("note").Get(1));
        Assert.False(frame.GetColumn<bool>("accepted").Get(1));
    }
}
