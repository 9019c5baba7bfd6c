using NeuroRnn.Analysis;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Analysis;

/// <summary>Tuning curves say what their numbers are, and never return counts labelled as rates.</summary>
public class TuningUnitTests
{
    private static Recording OneBinCounts(bool declareWidth)
    {
        // One 500 ms response window per trial (a single bin), 4 directions × 2 trials, unit 0 fires 5 spikes at 90°.
        var direction = new double[] { 0, 90, 180, 270, 0, 90, 180, 270 };
        var data = direction.Select(d => d == 90 ? 5.0 : 1.0).ToArray();
        var trials = new ColumnTable(8, new TableColumn[] { new DoubleColumn("direction_deg", direction) });
        var recording = Recording.Create(data, new double[] { 250 }, trials, Recording.DefaultUnits(1), RecordingValueKind.Counts);
        return declareWidth ? recording.WithBinWidth(500) : recording;
    }

    [Fact]
    public void A_single_bin_of_counts_with_its_width_becomes_hz()
    {
        var curve = TuningCurves.Compute(OneBinCounts(declareWidth: true))[0];
        Assert.Equal("Hz", curve.ResponseUnit);
        Assert.Equal(new double[] { 2, 10, 2, 2 }, curve.Mean); // 5 spikes in 0.5 s = 10 Hz
    }

    [Fact]
    public void A_single_bin_of_counts_without_a_width_is_an_error_not_counts_called_hz()
    {
        var e = Assert.Throws<ArgumentException>(() => TuningCurves.Compute(OneBinCounts(declareWidth: false)));
        Assert.Contains("WithBinWidth", e.Message);
        var counts = TuningCurves.Compute(OneBinCounts(declareWidth: false), new TuningCurveOptions { CountsToHz = false })[0];
        Assert.Equal("spikes per bin", counts.ResponseUnit);
        Assert.Equal(new double[] { 1, 5, 1, 1 }, counts.Mean);
    }
}
