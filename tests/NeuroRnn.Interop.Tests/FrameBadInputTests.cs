using Deedle;
using NeuroRnn.Data;
using NeuroRnn.Interop.Deedle;

namespace NeuroRnn.Interop.Tests;

public class FrameBadInputTests
{
    private static readonly int[] Keys = [0, 1, 2];

    private static Recording ThreeTrials() =>
        Recording.Create(new double[1, 2, 3], [0, 10]);

    [Fact]
    public void A_date_column_is_refused_naming_the_column_and_its_type()
    {
        var frame = new Frame<int, string>(["trial", "session_date"], new ISeries<int>[]
        {
            new Series<int, double>(Keys, [0, 1, 2]),
            new Series<int, DateTime>(Keys, [new DateTime(2026, 1, 1), new DateTime(2026, 1, 2), new DateTime(2026, 1, 3)]),
        });
        var e = Assert.Throws<ArgumentException>(() => ColumnTableFrames.ToColumnTable(frame));
        Assert.Contains("'session_date'", e.Message);
        Assert.Contains("System.DateTime", e.Message);
        Assert.Equal("frame", e.ParamName);
    }

    [Fact]
    public void A_column_mixing_numbers_and_text_is_refused_naming_column_and_row()
    {
        var frame = new Frame<int, string>(["stimulus"], new ISeries<int>[] { new Series<int, object>(Keys, [1.0, "grating", 3.0]) });
        var e = Assert.Throws<ArgumentException>(() => ColumnTableFrames.ToColumnTable(frame));
        Assert.Contains("'stimulus'", e.Message);
        Assert.Contains("row 1", e.Message);
    }

    [Fact]
    public void A_long_that_a_double_cannot_hold_is_refused()
    {
        var frame = new Frame<int, string>(["id"], new ISeries<int>[] { new Series<int, long>(Keys, [1, (1L << 53) + 1, 3]) });
        var e = Assert.Throws<ArgumentException>(() => ColumnTableFrames.ToColumnTable(frame));
        Assert.Contains("'id' row 1", e.Message);
    }

    [Fact]
    public void Column_keys_that_collide_as_text_are_refused()
    {
        var frame = new Frame<int, object>([1, "1"], new ISeries<int>[] { new Series<int, double>(Keys, [0, 1, 2]), new Series<int, double>(Keys, [0, 1, 2]) });
        var e = Assert.Throws<ArgumentException>(() => ColumnTableFrames.ToColumnTable(frame));
        Assert.Contains("'1' appears twice", e.Message);
    }

    [Fact]
    public void A_trials_frame_missing_a_trial_is_refused_naming_the_trial()
    {
        var recording = ThreeTrials();
        var frame = recording.TrialsFrame().Where(row => row.Key != 1);
        var e = Assert.Throws<ArgumentException>(() => recording.WithTrialsFrame(frame));
        Assert.Contains("none for trial 1", e.Message);
    }

    [Fact]
    public void A_trials_frame_with_a_key_outside_the_trials_is_refused()
    {
        var recording = ThreeTrials();
        var frame = new Frame<int, string>(["x"], new ISeries<int>[] { new Series<int, double>([0, 1, 7], [1, 2, 3]) });
        var e = Assert.Throws<ArgumentException>(() => recording.WithTrialsFrame(frame));
        Assert.Contains("row keyed 7", e.Message);
        Assert.Contains("0 … 2", e.Message);
    }

    [Fact]
    public void A_units_frame_is_checked_the_same_way()
    {
        var recording = ThreeTrials();
        var frame = new Frame<int, string>(["area"], new ISeries<int>[] { new Series<int, string>([0, 1], ["V1", "V1"]) });
        var e = Assert.Throws<ArgumentException>(() => recording.WithUnitsFrame(frame));
        Assert.Contains("row keyed 1", e.Message);
        Assert.Contains("units", e.Message);
    }
}
