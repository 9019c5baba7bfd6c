using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Interactive;
using NeuroRnn.Training;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>The core→chart adapters, without running a notebook.</summary>
public class AdapterTests
{
    private static TuningCurve Curve(string id, double offset) =>
        new(0, id, [0, 90, 180, 270], [1 + offset, 5 + offset, 1 + offset, 5 + offset], [0.1, 0.2, 0.1, 0.2], [3, 3, 3, 3]);

    [Fact]
    public void Tuning_overlay_has_a_data_and_a_model_trace_per_unit()
    {
        var figure = TuningChart.FromCurves([Curve("a", 0), Curve("b", 1)], [Curve("a", 0.5), Curve("b", 1.5)]);
        Assert.Equal(4, figure.Data.Count);
        var model = (ScatterTrace)figure.Data[3];
        Assert.Equal("dash", model.Line!.Dash);
        var other = new TuningCurve(0, "c", [0, 45, 90, 135], [1, 2, 3, 4], [0, 0, 0, 0], [1, 1, 1, 1]);
        Assert.Throws<ArgumentException>(() => TuningChart.FromCurves([Curve("a", 0), other]));
        Assert.Throws<ArgumentException>(() => TuningChart.FromCurves([Curve("a", 0)], [Curve("a", 0), Curve("b", 0)]));
    }

    [Fact]
    public void Tuning_grid_puts_each_unit_on_its_own_axes()
    {
        var data = Enumerable.Range(0, 6).Select(u => Curve($"u{u}", u)).ToArray();
        var figure = TuningChart.Grid(data, data, [1, 3, 5], columns: 2);
        Assert.Equal(6, figure.Data.Count);
        var axes = figure.Data.Cast<ScatterTrace>().Select(t => (t.XAxis, t.YAxis)).Distinct().ToArray();
        Assert.Equal(3, axes.Length);
        Assert.Equal(["u1", "u3", "u5"], figure.Layout.Annotations.Select(a => a.Text));
        Assert.Throws<ArgumentException>(() => TuningChart.Grid(data, null, [6]));
        Assert.Throws<ArgumentException>(() => TuningChart.Grid(data, null, []));
    }

    [Fact]
    public void Training_progress_throttles_updates_and_draws_the_last_iteration_on_completion()
    {
        var drawn = new List<Figure>();
        var progress = new TrainingProgress(drawn.Add) { MinimumInterval = TimeSpan.FromHours(1) };
        for (int i = 0; i < 5; i++)
            progress.Report(new IterationStatistics(i, 1.0 / (i + 1), 1.0 / (i + 2), null, 0.5, true, 0.01, 0.01 * (i + 1), Details: new HessianFreeStepDetails(0.9, 0.1, 10, 0, 1)));
        Assert.Single(drawn); // the first report draws, the rest wait for the interval
        progress.Complete();
        Assert.Equal(2, drawn.Count);
        Assert.Contains("iteration 5", drawn[^1].Layout.Title);
        Assert.Equal(5, ((ScatterTrace)drawn[^1].Data[0]).Y!.Length);
        progress.Complete();
        Assert.Equal(2, drawn.Count); // nothing new to draw
        Assert.NotNull(TrainingChart.FromStatistics([]));
    }

    [Fact]
    public void Trajectory_chart_projects_trials_on_principal_components()
    {
        // Two conditions moving along different directions of a 4-unit space.
        int T = 10, K = 4, U = 4;
        var data = new double[U * T * K];
        for (int k = 0; k < K; k++)
            for (int t = 0; t < T; t++)
                data[((k % 2) * T + t) * K + k] = t; // condition 0 moves unit 0, condition 1 unit 1
        var trials = new ColumnTable(K, new TableColumn[] { new DoubleColumn("orientation_deg", [0, 90, 0, 90]) });
        var rec = Recording.Create(data, Enumerable.Range(0, T).Select(t => (double)t).ToArray(), trials, Recording.DefaultUnits(U), RecordingValueKind.Other);
        var figure = TrajectoryChart.FromRecording(rec, "orientation_deg", dimensions: 2);
        Assert.Equal(K + 2, figure.Data.Count); // one line per trial, plus start and end markers
        Assert.Equal("orientation_deg 0", figure.Data[0].Name);
        Assert.Equal("orientation_deg 90", figure.Data[2].Name);
        Assert.Throws<ArgumentException>(() => TrajectoryChart.FromRecording(rec, "nope"));
        Assert.Throws<ArgumentException>(() => TrajectoryChart.FromRecording(rec, "orientation_deg", dimensions: 4));
    }

    [Fact]
    public void Sample_data_loads_the_shipped_recording_or_its_identical_regeneration()
    {
        var path = SampleData.FindV1Gratings();
        if (path is not null) Assert.True(File.Exists(path));
        var recording = SampleData.V1Gratings();
        Assert.Equal(200, recording.UnitCount);
        Assert.Equal(240, recording.TrialCount);
        Assert.True(recording.Units.Contains("pref_orientation_deg"));
    }
}
