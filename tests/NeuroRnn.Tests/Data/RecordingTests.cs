using MathNet.Numerics.LinearAlgebra;
using NeuroRnn.Data;

namespace NeuroRnn.Tests.Data;

public class RecordingTests
{
    [Fact]
    public void Layout_is_units_time_trials_in_C_order()
    {
        var r = TestData.Small();
        Assert.Equal((3, 4, 6), (r.UnitCount, r.TimeCount, r.TrialCount));
        Assert.Equal(123, r[1, 2, 3]);
        Assert.Equal(123, r.Data[(1 * 4 + 2) * 6 + 3]);
        Assert.Equal(10, r.BinWidthMs);
    }

    [Fact]
    public void Create_copies_its_input_so_later_changes_do_not_leak_in()
    {
        var data = new double[1, 2, 1];
        var time = new double[] { 0, 10 };
        var r = Recording.Create(data, time);
        data[0, 0, 0] = 99;
        time[0] = -5;
        Assert.Equal(0, r[0, 0, 0]);
        Assert.Equal(0, r.TimeMs[0]);
    }

    [Fact]
    public void Create_rejects_mismatched_sizes_and_bad_time_axes()
    {
        var trials = Recording.DefaultTrials(2);
        var units = Recording.DefaultUnits(1);
        var e = Assert.Throws<ArgumentException>(() => Recording.Create(new double[3], new double[] { 0, 1 }, trials, units));
        Assert.Contains("1 units × 2 bins × 2 trials = 4", e.Message);
        Assert.Throws<ArgumentException>(() => Recording.Create(new double[4], new double[] { 1, 1 }, trials, units));
        Assert.Throws<ArgumentException>(() => Recording.Create(new double[4], new double[] { 0, double.NaN }, trials, units));
    }

    [Fact]
    public void Every_operation_leaves_the_source_frame_unchanged()
    {
        var r = TestData.Small();
        var before = r.ToFlatArray();
        var trialsBefore = r.Trials.GetDoubles("rt");
        _ = r.SelectUnits(new[] { 2, 0 });
        _ = r.SelectTrials("context", "a");
        _ = r.SelectTime(10, 30);
        _ = r.GroupTrials("orientation");
        _ = r.Smooth(10);
        _ = r.ZScoreUnits();
        _ = r.SoftNormalizeUnits(1);
        _ = r.ToRatesHz();
        _ = r.SplitTrials(new TrialSplitOptions { StratifyBy = new[] { "orientation" } });
        _ = r.WithTrials(r.Trials.With("rt", new double[6]));
        var copy = r.ToArray();
        copy[0, 0, 0] = -1;
        var fromGetter = r.Trials.GetDoubles("rt");
        fromGetter[0] = -1;
        Assert.Equal(before, r.ToFlatArray());
        Assert.Equal(trialsBefore, r.Trials.GetDoubles("rt"));
        Assert.True(TestData.Small().ContentEquals(r));
    }

    [Fact]
    public void SelectUnits_by_index_predicate_and_value()
    {
        var r = TestData.Small();
        var picked = r.SelectUnits(new[] { 2, 0 });
        Assert.Equal(2, picked.UnitCount);
        Assert.Equal(213, picked[0, 1, 3]);
        Assert.Equal(new[] { "n2", "n0" }, picked.Units.GetStrings("unit"));
        var excitatory = r.SelectUnits("cell_type", "E");
        Assert.Equal(new[] { "n0", "n2" }, excitatory.Units.GetStrings("unit"));
        var deep = r.SelectUnits(row => row.GetDouble("depth_um") > 150);
        Assert.Equal(2, deep.UnitCount);
        Assert.Equal(1, r.SelectUnits("depth_um", 200.0).UnitCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.SelectUnits(new[] { 3 }));
        Assert.Throws<ArgumentException>(() => r.SelectUnits("nope", "E"));
    }

    [Fact]
    public void SelectTrials_keeps_table_and_data_aligned()
    {
        var r = TestData.Small();
        var b = r.SelectTrials("context", "b");
        Assert.Equal(new double[] { 2, 3 }, b.Trials.GetDoubles("trial"));
        Assert.Equal(132, b[1, 3, 0]);
        Assert.Equal(133, b[1, 3, 1]);
        var vertical = r.SelectTrials("orientation", 90.0);
        Assert.Equal(new double[] { 1, 3, 5 }, vertical.Trials.GetDoubles("trial"));
        var withRt = r.SelectTrials(row => !double.IsNaN(row.GetDouble("rt")));
        Assert.Equal(5, withRt.TrialCount);
        Assert.Equal(1, r.SelectTrials(row => row.GetString("context") is null).TrialCount);
    }

    [Fact]
    public void SelectTime_and_WindowMean_use_bin_centres()
    {
        var r = TestData.Small();
        var w = r.SelectTime(10, 30);
        Assert.Equal(new double[] { 15, 25 }, w.GetTimeMs());
        Assert.Equal(112, w[1, 0, 2]);
        var mean = r.WindowMean(10, 30);
        Assert.Equal((115 + 125) / 2.0, mean[1, 5]);
        Assert.Throws<ArgumentException>(() => r.WindowMean(100, 200));
        Assert.Throws<ArgumentException>(() => r.SelectTime(30, 10));
    }

    [Fact]
    public void GroupTrials_averages_each_condition_with_sem()
    {
        var r = TestData.Small();
        var g = r.GroupTrials("orientation");
        Assert.Equal(2, g.Mean.TrialCount);
        Assert.Equal(new double[] { 0, 90 }, g.Mean.Trials.GetDoubles("orientation"));
        Assert.Equal(new double[] { 3, 3 }, g.TrialCounts);
        // Orientation 0 = trials 0, 2, 4: values base + {0, 2, 4} → mean base + 2, SD 2, SEM 2/√3.
        Assert.Equal(100 + 10 + 2, g.Mean[1, 1, 0], 12);
        Assert.Equal(2 / Math.Sqrt(3), g.Sem[1, 1, 0], 12);
        var two = r.GroupTrials("orientation", "context");
        Assert.Equal(5, two.Mean.TrialCount); // (0,a) (90,a) (0,b) (90,b) (0,missing)
        Assert.True(double.IsNaN(two.Sem[0, 0, 2])); // a single trial has no SEM
        Assert.Throws<ArgumentException>(() => r.GroupTrials());
    }

    [Fact]
    public void Smooth_keeps_constants_constant_and_spreads_an_impulse_symmetrically()
    {
        var data = new double[2, 21, 1];
        for (int t = 0; t < 21; t++) data[0, t, 0] = 3;
        data[1, 10, 0] = 1;
        var r = Recording.Create(data, Enumerable.Range(0, 21).Select(t => t * 10.0).ToArray());
        var s = r.Smooth(20);
        for (int t = 0; t < 21; t++) Assert.Equal(3, s[0, t, 0], 12);
        Assert.Equal(s[1, 8, 0], s[1, 12, 0], 12);
        Assert.True(s[1, 10, 0] > s[1, 9, 0] && s[1, 9, 0] > s[1, 8, 0]);
        // σ = 2 bins: weight ratio of neighbours exp(-1/8).
        Assert.Equal(Math.Exp(-1.0 / 8), s[1, 9, 0] / s[1, 10, 0], 10);
        Assert.Throws<ArgumentException>(() => r.Smooth(0));
    }

    [Fact]
    public void ZScore_and_soft_normalisation_are_per_unit()
    {
        var r = TestData.Small();
        var z = r.ZScoreUnits();
        for (int u = 0; u < 3; u++)
        {
            var values = Enumerable.Range(0, 4).SelectMany(t => Enumerable.Range(0, 6).Select(k => z[u, t, k])).ToArray();
            Assert.Equal(0, values.Average(), 10);
            double sd = Math.Sqrt(values.Sum(v => v * v) / (values.Length - 1));
            Assert.Equal(1, sd, 10);
        }
        Assert.Equal(RecordingValueKind.Normalized, z.ValueKind);
        var soft = r.SoftNormalizeUnits(0);
        Assert.Equal(1, soft[1, 3, 5] - soft[1, 0, 0], 12); // range 35 → 1
        var flat = Recording.Create(new double[1, 2, 1] { { { 4 }, { 4 } } }, new double[] { 0, 1 }).ZScoreUnits();
        Assert.Equal(0, flat[0, 1, 0]);
    }

    [Fact]
    public void SplitTrials_is_stratified_seeded_and_disjoint()
    {
        var r = TestData.Small();
        var options = new TrialSplitOptions { TestFraction = 1.0 / 3, Seed = 7, StratifyBy = new[] { "orientation" } };
        var a = r.SplitTrials(options);
        var b = r.SplitTrials(options);
        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.Equal(2, a.Test.TrialCount);
        Assert.Equal(new double[] { 0, 90 }, a.Test.Trials.GetDoubles("orientation").Order());
        Assert.Empty(a.TrainIndices.Intersect(a.TestIndices));
        Assert.Equal(6, a.TrainIndices.Length + a.TestIndices.Length);
        var seeds = Enumerable.Range(0, 20).Select(s => string.Join(",", r.SplitTrials(options with { Seed = (ulong)s }).TestIndices)).Distinct().Count();
        Assert.True(seeds > 1);
        Assert.Throws<ArgumentException>(() => r.SplitTrials(options with { TestFraction = 1.5 }));
    }

    [Fact]
    public void Conversions_to_arrays_and_matrices_round_trip()
    {
        var r = TestData.Small();
        var ttu = r.ToTrialTimeUnitArray();
        Assert.Equal(r[2, 1, 4], ttu[4, 1, 2]);
        var back = Recording.FromTrialTimeUnitArray(ttu, r.TimeMs, r.Trials, r.Units, RecordingValueKind.Counts);
        Assert.True(back.ContentEquals(r));
        Matrix<double> m = r.ToMatrix(3);
        Assert.Equal(r[1, 2, 3], m[1, 2]);
        var fromMatrices = Recording.FromTrialMatrices(r.ToTrialMatrices(), r.TimeMs, r.Trials, r.Units, RecordingValueKind.Counts);
        Assert.True(fromMatrices.ContentEquals(r));
        var concatenated = r.ToConcatenatedMatrix();
        Assert.Equal(3, concatenated.RowCount);
        Assert.Equal(24, concatenated.ColumnCount);
        Assert.Equal(r[2, 3, 5], concatenated[2, 5 * 4 + 3]);
        Assert.True(Recording.Create(r.ToArray(), r.TimeMs, r.Trials, r.Units).ContentEquals(r));
        Assert.Throws<ArgumentException>(() => Recording.FromTrialMatrices(new[] { Matrix<double>.Build.Dense(2, 4) }, r.TimeMs, Recording.DefaultTrials(1), r.Units));
    }

    [Fact]
    public void ToRatesHz_divides_by_the_bin_width_in_seconds()
    {
        var rates = TestData.Small().ToRatesHz();
        Assert.Equal(RecordingValueKind.RatesHz, rates.ValueKind);
        Assert.Equal(123 * 100, rates[1, 2, 3], 9);
        Assert.Throws<InvalidOperationException>(() => rates.ToRatesHz());
    }

    [Fact]
    public void Summary_and_ToString_describe_shape_and_columns()
    {
        var r = TestData.Small();
        Assert.Equal("Recording 'small' (3 units × 4 bins × 6 trials, Counts)", r.ToString());
        var summary = r.Summary();
        Assert.Contains("3 units × 4 time bins × 6 trials", summary);
        Assert.Contains("context (text)", summary);
        Assert.Contains("depth_um (number)", summary);
        Assert.Contains("bin width 10 ms", summary);
    }

    [Fact]
    public void Tables_reject_duplicate_names_and_wrong_lengths()
    {
        Assert.Throws<ArgumentException>(() => new ColumnTable(2, new TableColumn[] { new DoubleColumn("a", new double[2]), new DoubleColumn("a", new double[2]) }));
        Assert.Throws<ArgumentException>(() => new ColumnTable(2, new TableColumn[] { new DoubleColumn("a", new double[3]) }));
        var t = TestData.Small().Trials;
        var e = Assert.Throws<ArgumentException>(() => t.GetDoubles("context"));
        Assert.Contains("holds strings", e.Message);
        Assert.Equal(new[] { "0", "90", "0", "90", "0", "90" }, t.GetStrings("orientation"));
    }
}
