using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Tests.Fitting;

public class FitDatasetTests
{
    private static RecordingFitOptions Options => new()
    {
        UnitCount = 6, BinMs = 20, SmoothingMs = 0, TauMs = 40,
        Stimulus = new StimulusEncoding { OnsetMs = 0, OffsetMs = TinyRecording.StimulusOffsetMs },
    };

    [Fact]
    public void Batches_have_the_expected_shapes_inputs_and_masks()
    {
        var rec = TinyRecording.Create();
        var ds = RecordingFitter.Prepare(rec, Options);
        Assert.Equal(20, ds.Steps); // 400 ms / 20 ms
        Assert.Equal(["cos 2θ", "sin 2θ", "cos θ", "sin θ", "stimulus on"], ds.InputNames);
        Assert.Equal(["direction_deg", "contrast"], ds.ConditionColumns);
        var train = ds.TrainBatch;
        Assert.Equal(4, train.BatchSize); // one column per condition average
        Assert.Equal(4, train.OutputCount);
        Assert.Equal(5, train.InputCount);
        Assert.Equal(4, ds.TestBatch.BatchSize); // 5 trials × 0.2 per direction
        Assert.All(train.Mask, m => Assert.Equal(1.0, m));

        // Fit bins are centred at −90, −70, …; the stimulus is on in bins centred in [0, 200): steps 5..14.
        var times = ds.Processed.GetTimeMs();
        Assert.Equal(-90, times[0], 9);
        var keys = ds.TrainBatchTrials.GetDoubles("direction_deg");
        for (int b = 0; b < train.BatchSize; b++)
        {
            double theta = keys[b] * Math.PI / 180;
            for (int t = 0; t < train.Steps; t++)
            {
                bool on = t >= 5 && t < 15;
                Assert.Equal(on ? 1.0 : 0.0, train.Inputs[train.InputIndex(t, b, 4)]);
                Assert.Equal(on ? Math.Cos(2 * theta) : 0.0, train.Inputs[train.InputIndex(t, b, 0)], 12);
                Assert.Equal(on ? Math.Sin(theta) : 0.0, train.Inputs[train.InputIndex(t, b, 3)], 12);
            }
        }

        // Per-unit peak scaling: every unit's largest scaled training target is TargetPeak = 0.8.
        for (int o = 0; o < train.OutputCount; o++)
        {
            double max = 0;
            for (int t = 0; t < train.Steps; t++)
                for (int b = 0; b < train.BatchSize; b++) max = Math.Max(max, train.Targets[train.OutputIndex(t, b, o)]);
            Assert.Equal(0.8, max, 12);
        }
    }

    [Fact]
    public void Rebinning_averages_the_source_bins_and_targets_invert_the_scale()
    {
        var rec = TinyRecording.Create(units: 2);
        var ds = RecordingFitter.Prepare(rec, Options);
        // Fit bin j averages source bins 2j and 2j+1.
        for (int j = 0; j < ds.Steps; j++)
            Assert.Equal(0.5 * (rec[1, 2 * j, 3] + rec[1, 2 * j + 1, 3]), ds.Processed[1, j, 3], 12);
        var test = ds.TestBatch;
        int trial = ds.TestTrials[0];
        for (int t = 0; t < ds.Steps; t++)
            Assert.Equal(ds.Processed[1, t, trial], test.Targets[test.OutputIndex(t, 0, 1)] * ds.Scales[1], 10);
    }

    [Fact]
    public void Split_is_stratified_disjoint_and_seeded()
    {
        var rec = TinyRecording.Create(trialsPerDirection: 10);
        var a = RecordingFitter.Prepare(rec, Options with { TestFraction = 0.3, Seed = 5 });
        var b = RecordingFitter.Prepare(rec, Options with { TestFraction = 0.3, Seed = 5 });
        var c = RecordingFitter.Prepare(rec, Options with { TestFraction = 0.3, Seed = 6 });
        Assert.Equal(a.TestTrials, b.TestTrials);
        Assert.NotEqual(a.TestTrials, c.TestTrials);
        Assert.Empty(a.TestTrials.Intersect(a.TrainTrials));
        Assert.Equal(rec.TrialCount, a.TestTrials.Length + a.TrainTrials.Length);
        var direction = rec.Trials.GetDoubles("direction_deg");
        foreach (var group in a.TestTrials.GroupBy(k => direction[k])) Assert.Equal(3, group.Count());
        Assert.Equal(4, a.TestTrials.Select(k => direction[k]).Distinct().Count());
    }

    [Fact]
    public void Counts_become_rates_and_a_unit_subset_maps_to_chosen_network_units()
    {
        var counts = TinyRecording.Create(kind: RecordingValueKind.Counts);
        var ds = RecordingFitter.Prepare(counts, Options with { RecordedUnits = [3, 1], NetworkUnits = [5, 0] });
        Assert.Equal([3, 1], ds.FittedUnits);
        Assert.Equal(RecordingValueKind.RatesHz, ds.Processed.ValueKind);
        Assert.Equal(100 * 0.5 * (counts[3, 0, 0] + counts[3, 1, 0]), ds.Processed[0, 0, 0], 9); // 10 ms counts → Hz
        var network = RecordingFitter.NetworkOptions(ds, Options with { RecordedUnits = [3, 1], NetworkUnits = [5, 0] });
        Assert.Equal([5, 0], network.ReadoutUnits);
        Assert.Equal(20, network.Dt);
        Assert.Equal(40, network.Tau);
    }

    [Theory]
    [InlineData("units", "UnitCount")]
    [InlineData("condition", "not_a_column")]
    [InlineData("empty", "RecordedUnits")]
    [InlineData("range", "RecordedUnits[1]")]
    [InlineData("angles", "direction column")]
    [InlineData("bin", "BinMs")]
    [InlineData("mapping", "NetworkUnits")]
    public void Bad_input_throws_an_ArgumentException_naming_the_problem(string kind, string expected)
    {
        var rec = TinyRecording.Create();
        var options = kind switch
        {
            "units" => Options with { UnitCount = 3 },
            "condition" => Options with { ConditionColumns = ["not_a_column"] },
            "empty" => Options with { RecordedUnits = [] },
            "range" => Options with { RecordedUnits = [0, 9] },
            "angles" => Options with { Stimulus = Options.Stimulus with { DirectionColumn = "dir", OrientationColumn = "ori" } },
            "bin" => Options with { BinMs = 5, TauMs = 40 },
            "mapping" => Options with { NetworkUnits = [0, 1, 1, 2] },
            _ => throw new InvalidOperationException(),
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => RecordingFitter.Prepare(rec, options));
        Assert.Contains(expected, e.Message);
        Assert.False(string.IsNullOrEmpty(e.ParamName));
    }
}
