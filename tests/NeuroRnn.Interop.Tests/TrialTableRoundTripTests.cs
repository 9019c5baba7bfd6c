using Deedle;
using NeuroRnn.Data;
using NeuroRnn.Interactive;
using NeuroRnn.Interop.Deedle;

namespace NeuroRnn.Interop.Tests;

public class TrialTableRoundTripTests
{
    /// <summary>A trials table with numbers, text (a category), missing values of both kinds and an all-missing text column.</summary>
    internal static ColumnTable MixedTrials() => new(5, new TableColumn[]
    {
        new DoubleColumn("direction_deg", [0, 30, double.NaN, 90, 120]),
        new StringColumn("condition", ["go", "nogo", "go", null, "catch"]),
        new DoubleColumn("reward_ml", [0.002, double.NaN, 0.0025, 1e-9, -3.5]),
        new StringColumn("note", [null, null, null, null, null]),
        new DoubleColumn("correct", [1, 0, 1, 1, 0]),
    });

    private static Recording SmallRecording(ColumnTable trials)
    {
        var data = new double[3, 4, trials.RowCount];
        for (int u = 0; u < 3; u++) for (int t = 0; t < 4; t++) for (int k = 0; k < trials.RowCount; k++) data[u, t, k] = u + 10 * t + 100 * k;
        var units = new ColumnTable(3, new TableColumn[] { new StringColumn("unit", ["a", "b", "c"]), new StringColumn("area", ["V1", null, "LM"]), new DoubleColumn("depth_um", [120, 340, double.NaN]) });
        return Recording.Create(data, [5, 15, 25, 35], trials, units, RecordingValueKind.Counts, "small");
    }

    [Fact]
    public void Trials_table_survives_a_round_trip_through_a_frame_with_types_and_missing_values()
    {
        var trials = MixedTrials();
        var frame = SmallRecording(trials).TrialsFrame();

        Assert.Equal(5, frame.RowCount);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, frame.RowKeys.ToArray());
        Assert.Equal(new[] { "direction_deg", "condition", "reward_ml", "note", "correct" }, frame.ColumnKeys.ToArray());
        Assert.Equal(new[] { typeof(double), typeof(string), typeof(double), typeof(string), typeof(double) }, frame.ColumnTypes.ToArray());
        // NaN and null are Deedle's missing values, not values.
        Assert.False(frame.GetColumn<double>("direction_deg").TryGetAt(2).HasValue);
        Assert.False(frame.GetColumn<string>("condition").TryGetAt(3).HasValue);
        Assert.Equal("catch", frame.GetColumn<string>("condition").Get(4));
        Assert.Equal(0, frame.GetColumn<string>("note").ValueCount);

        var back = ColumnTableFrames.ToColumnTable(frame);
        Assert.True(back.ContentEquals(trials), $"round trip changed the table: {back}");
        Assert.IsType<StringColumn>(back["note"]);
        Assert.Equal(1e-9, back.GetDoubles("reward_ml")[3]); // exact, not formatted
    }

    [Fact]
    public void Units_table_round_trips_and_the_recording_is_unchanged()
    {
        var recording = SmallRecording(MixedTrials());
        var before = recording.Units;
        var units = recording.UnitsFrame();
        var again = recording.WithUnitsFrame(units);
        Assert.True(again.Units.ContentEquals(before));
        Assert.True(again.ContentEquals(recording));
        Assert.Same(before, recording.Units);
    }

    [Fact]
    public void Shipped_v1_recording_trials_and_units_round_trip()
    {
        var recording = SampleData.V1Gratings();
        var trials = ColumnTableFrames.ToColumnTable(recording.TrialsFrame());
        var units = ColumnTableFrames.ToColumnTable(recording.UnitsFrame());
        Assert.True(trials.ContentEquals(recording.Trials));
        Assert.True(units.ContentEquals(recording.Units));
        Assert.Equal(recording.TrialCount, recording.TrialsFrame().RowCount);
    }

    [Fact]
    public void A_sorted_frame_with_an_added_column_lines_up_with_the_trials_again()
    {
        var recording = SmallRecording(MixedTrials());
        var frame = recording.TrialsFrame();
        var sorted = frame.SortRows("reward_ml"); // row keys keep the trial index
        Assert.NotEqual(frame.RowKeys.ToArray(), sorted.RowKeys.ToArray());
        sorted.AddColumn("rank", sorted.RowKeys.Select((_, i) => (double)i));

        var updated = recording.WithTrialsFrame(sorted);
        Assert.True(updated.Trials.Without("rank").ContentEquals(recording.Trials));
        var rank = updated.Trials.GetDoubles("rank");
        // reward_ml = [0.002, NaN, 0.0025, 1e-9, -3.5]: Deedle sorts the missing trial 1 first, then trials 4, 3, 0, 2.
        Assert.Equal(new double[] { 3, 0, 4, 2, 1 }, rank);
        Assert.False(recording.Trials.Contains("rank"));
    }

    private enum Choice { Left, Right }

    [Fact]
    public void Typed_frame_columns_become_number_and_text_columns()
    {
        var keys = new[] { 10, 11, 12 };
        var frame = new Frame<int, string>(
            ["count", "big", "flag", "ratio", "price", "choice", "grade", "label"],
            new ISeries<int>[]
            {
                new Series<int, int>(keys, [3, -1, 7]),
                new Series<int, long>(keys, [1L << 40, 2, 3]),
                new Series<int, bool>(keys, [true, false, true]),
                new Series<int, float>(keys, [0.5f, float.NaN, 2.25f]),
                new Series<int, decimal>(keys, [1.25m, 2m, 0.1m]),
                new Series<int, Choice>(keys, [Choice.Left, Choice.Right, Choice.Left]),
                new Series<int, char>(keys, ['A', 'B', 'C']),
                new Series<int, string?>(keys, ["x", null, "z"]),
            });
        var table = ColumnTableFrames.ToColumnTable(frame);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(new double[] { 3, -1, 7 }, table.GetDoubles("count"));
        Assert.Equal(new double[] { 1L << 40, 2, 3 }, table.GetDoubles("big"));
        Assert.Equal(new double[] { 1, 0, 1 }, table.GetDoubles("flag"));
        Assert.Equal(
            new[] { NumberKind.Integer, NumberKind.Integer, NumberKind.Boolean, NumberKind.Real, NumberKind.Real },
            new[] { "count", "big", "flag", "ratio", "price" }.Select(c => ((DoubleColumn)table[c]).Kind).ToArray());
        var ratio = table.GetDoubles("ratio");
        Assert.Equal(0.5, ratio[0]);
        Assert.True(double.IsNaN(ratio[1]));
        Assert.Equal(0.1, table.GetDoubles("price")[2]);
        Assert.Equal(new string?[] { "Left", "Right", "Left" }, ((StringColumn)table["choice"]).ToArray());
        Assert.Equal(new string?[] { "A", "B", "C" }, ((StringColumn)table["grade"]).ToArray());
        Assert.Equal(new string?[] { "x", null, "z" }, ((StringColumn)table["label"]).ToArray());
    }

    [Fact]
    public void Object_columns_are_accepted_when_all_numbers_or_all_text()
    {
        var keys = new[] { 0, 1, 2 };
        var frame = new Frame<int, string>(["n", "s"], new ISeries<int>[]
        {
            new Series<int, object?>(keys, [1, 2.5, null]),
            new Series<int, object?>(keys, ["a", null, "c"]),
        });
        var table = ColumnTableFrames.ToColumnTable(frame);
        Assert.Equal(1, table.GetDoubles("n")[0]);
        Assert.Equal(2.5, table.GetDoubles("n")[1]);
        Assert.True(double.IsNaN(table.GetDoubles("n")[2]));
        Assert.Equal(new string?[] { "a", null, "c" }, ((StringColumn)table["s"]).ToArray());
    }

    [Fact]
    public void Integer_and_boolean_frame_columns_come_back_with_their_types_values_and_missing_values()
    {
        var keys = new[] { 0, 1, 2, 3 };
        var frame = new Frame<int, string>(
            ["choice", "spikes_total", "correct", "rt_ms", "condition"],
            new ISeries<int>[]
            {
                new Series<int, int>(keys, [1, -2, 0, 5]).SelectOptional(kv => kv.Key == 2 ? OptionalValue<int>.Missing : kv.Value),
                new Series<int, long>(keys, [3_000_000_000L, 7, -1, 0]),
                new Series<int, bool>(keys, [true, false, true, false]).SelectOptional(kv => kv.Key == 3 ? OptionalValue<bool>.Missing : kv.Value),
                new Series<int, double>(keys, [312.5, double.NaN, 280, 301.25]),
                new Series<int, string?>(keys, ["go", "nogo", null, "go"]),
            });
        var recording = SmallRecording(ColumnTableFrames.ToColumnTable(new Frame<int, string>(["trial"], new ISeries<int>[] { new Series<int, int>(keys, keys) })));

        // frame → recording's trials table → frame, the way a notebook goes back and forth.
        var back = recording.WithTrialsFrame(frame).TrialsFrame();

        Assert.Equal(frame.ColumnKeys.ToArray(), back.ColumnKeys.ToArray());
        Assert.Equal(new[] { typeof(int), typeof(long), typeof(bool), typeof(double), typeof(string) }, back.ColumnTypes.ToArray());
        var choice = back.GetColumn<int>("choice");
        Assert.Equal(new[] { 1, -2, 5 }, choice.Values.ToArray());
        Assert.False(choice.TryGet(2).HasValue);
        Assert.Equal(new[] { 3_000_000_000L, 7, -1, 0 }, back.GetColumn<long>("spikes_total").Values.ToArray());
        var correct = back.GetColumn<bool>("correct");
        Assert.Equal(new[] { true, false, true }, correct.Values.ToArray());
        Assert.False(correct.TryGet(3).HasValue);
        Assert.False(back.GetColumn<double>("rt_ms").TryGet(1).HasValue);
        Assert.Equal(301.25, back.GetColumn<double>("rt_ms").Get(3));
        Assert.False(back.GetColumn<string>("condition").TryGet(2).HasValue);
        // and once more: a fixed point, table and frame alike.
        Assert.True(ColumnTableFrames.ToColumnTable(back).ContentEquals(ColumnTableFrames.ToColumnTable(frame)));
    }

    [Fact]
    public void Number_kinds_reject_values_they_cannot_hold_naming_column_and_row()
    {
        var integer = Assert.Throws<ArgumentException>(() => new DoubleColumn("choice", [1, 2.5], NumberKind.Integer));
        Assert.Contains("'choice' row 1", integer.Message);
        var boolean = Assert.Throws<ArgumentException>(() => new DoubleColumn("correct", [1, double.NaN, 2], NumberKind.Boolean));
        Assert.Contains("'correct' row 2", boolean.Message);
        Assert.Throws<ArgumentException>(() => new DoubleColumn("huge", [1e300], NumberKind.Integer));
        // Kinds survive row selection and renaming, and take part in table equality.
        var kinded = new DoubleColumn("choice", [1, 0, double.NaN], NumberKind.Integer);
        Assert.Equal(NumberKind.Integer, ((DoubleColumn)kinded.Take([2, 0])).Kind);
        Assert.Equal(NumberKind.Integer, ((DoubleColumn)kinded.Rename("c")).Kind);
        Assert.False(new ColumnTable(3, [kinded]).ContentEquals(new ColumnTable(3, [new DoubleColumn("choice", [1, 0, double.NaN])])));
    }
}
