using NeuroRnn.Data;
using NeuroRnn.Data.Hdf5;
using PureHDF;

namespace NeuroRnn.Tests.Data.Hdf5;

/// <summary>NWB files written by h5py in the NWB 2.x layout, read through the front door and compared with what h5py wrote.</summary>
public class NwbReaderTests
{
    private static string Full => Hdf5TestFiles.Path("full.nwb");

    [Theory]
    [InlineData("/units/spike_times")]
    [InlineData("/units/spike_times_index")]
    [InlineData("/units/depth_um")]
    [InlineData("/intervals/trials/start_time")]
    [InlineData("/acquisition/lfp/data")]
    [InlineData("/processing/ecephys/binned/data")]
    public void Raw_arrays_are_bit_exact_with_h5py(string objectPath)
    {
        using var h5 = Hdf5Source.Open(Full);
        var dataset = (IH5Dataset)h5.TryGet(objectPath.TrimStart('/'))!;
        var read = h5.ReadDoubles(dataset, objectPath);
        var expected = Hdf5TestFiles.Expected("full.nwb", objectPath).ToDoubleArray();
        Assert.Equal(expected.Length, read.Length);
        for (int i = 0; i < read.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(read[i]));
    }

    [Fact]
    public void Units_table_is_binned_around_the_trials_and_keeps_its_columns()
    {
        var recording = Recording.Read(Full);
        Assert.Equal("nwb", recording.Provenance!.Reader);
        Assert.Equal(Path.GetFullPath(Full), recording.Provenance.SourcePath);
        Assert.Equal((5, 100, 24), (recording.UnitCount, recording.TimeCount, recording.TrialCount)); // 0–1000 ms in 10 ms bins
        Assert.Equal(RecordingValueKind.Counts, recording.ValueKind);
        Assert.Equal(10, recording.BinWidthMs);
        Assert.Equal(new[] { "100", "101", "102", "103", "104" }, recording.Units.GetStrings("unit"));
        Assert.Equal(new[] { "good", "good", "mua", "good", "noise" }, recording.Units.GetStrings("quality"));
        Assert.Equal(new double[] { 0, 1, 2, 5, 7 }, recording.Units.GetDoubles("electrode")); // first electrode of each unit's region
        Assert.Equal(new[] { "VISp", "VISp", "VISp", "VISl", "VISl" }, recording.Units.GetStrings("electrode_location"));
        Assert.Equal(new double[] { 120.5, 240.0, 310.25, 400.0, 515.75 }, recording.Units.GetDoubles("depth_um"));
        Assert.Equal(45, recording.Trials.GetDoubles("direction_deg")[1]);
        // Event times relative to the alignment, in ms: stim_on_time is 100 ms after start_time.
        Assert.All(recording.Trials.GetDoubles("stim_on_time_ms"), v => Assert.Equal(100, v, 9));

        // Counts equal an independent binning of the spike times h5py wrote.
        var times = Hdf5TestFiles.Expected("full.nwb", "units/spike_times").ToDoubleArray();
        var ends = Hdf5TestFiles.Expected("full.nwb", "units/spike_times_index").ToDoubleArray();
        var starts = Hdf5TestFiles.Expected("full.nwb", "intervals/trials/start_time").ToDoubleArray();
        for (int u = 0; u < 5; u++)
            for (int k = 0; k < 24; k++)
            {
                int from = u == 0 ? 0 : (int)ends[u - 1];
                int count = 0;
                for (int i = from; i < (int)ends[u]; i++)
                {
                    double rel = times[i] * 1000 - starts[k] * 1000;
                    if (rel >= 0 && rel < 1000) count++;
                }
                double total = 0;
                for (int t = 0; t < 100; t++) total += recording[u, t, k];
                Assert.Equal(count, total);
            }
    }

    [Fact]
    public void Stimulus_intervals_serve_as_trials_and_series_are_cut_into_them()
    {
        var gratings = Recording.Read(Full, new RecordingReadOptions { Trials = "intervals/gratings" });
        Assert.Equal(6, gratings.TrialCount);
        Assert.Equal(80, gratings.TimeCount); // 800 ms presentations in 10 ms bins
        Assert.Equal(new[] { 0.1, 0.2, 0.4, 0.8, 1.0, 0.05 }, gratings.Trials.GetDoubles("contrast"));

        var lfp = Recording.Read(Full, new RecordingReadOptions { Data = "acquisition/lfp" });
        Assert.Equal((3, 100, 24), (lfp.UnitCount, lfp.TimeCount, lfp.TrialCount));
        var samples = Hdf5TestFiles.Expected("full.nwb", "acquisition/lfp/data").ToDoubleArray(); // time × 3 at 1 kHz
        var starts = Hdf5TestFiles.Expected("full.nwb", "intervals/trials/start_time").ToDoubleArray();
        // Bin 0 of trial 3, channel 2: the mean of the 10 samples from start_time, times the conversion factor.
        int first = (int)Math.Round(starts[3] * 1000);
        double mean = Enumerable.Range(first, 10).Average(i => samples[i * 3 + 2] * 2.5e-6);
        Assert.Equal(mean, lfp[2, 0, 3], 15);
        Assert.Contains(lfp.Provenance!.Warnings, w => w.Contains("volts"));

        var binned = Recording.Read(Full, new RecordingReadOptions { Data = "/processing/ecephys/binned", Trials = "intervals/gratings", Binning = new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 100, BinMs = 10 } });
        var counts = Hdf5TestFiles.Expected("full.nwb", "processing/ecephys/binned/data").ToDoubleArray();
        Assert.Equal((2, 10, 6), (binned.UnitCount, binned.TimeCount, binned.TrialCount));
        // starting_time 1 s at 100 Hz: sample i is at 1 + i/100 s; the gratings start at 2.1 s, so bin 0 of trial 0 is sample 110.
        Assert.Equal(counts[110 * 2 + 1], binned[1, 0, 0]);
    }

    [Fact]
    public void Missing_optional_groups_read_with_warnings_naming_file_and_group()
    {
        string path = Hdf5TestFiles.Path("minimal.nwb");
        var recording = Recording.Read(path);
        Assert.Equal((2, 1, 1), (recording.UnitCount, recording.TrialCount, recording.TrialCount == 1 ? 1 : 0));
        var warnings = recording.Provenance!.Warnings;
        Assert.Contains(warnings, w => w.Contains(path) && w.Contains("/intervals/trials"));
        Assert.Contains(warnings, w => w.Contains(path) && w.Contains("general/extracellular_ephys/electrodes"));
        Assert.Contains(warnings, w => w.Contains(path) && w.Contains("no id column"));
        Assert.Equal(new double[] { 0, 3 }, recording.Units.GetDoubles("electrode"));
        // Session binned in 10 ms bins from 0: unit 0 has spikes at 10.5, 500, 510, 1200 ms.
        Assert.Equal(1, recording[0, 1, 0]);
        Assert.Equal(1, recording[0, 50, 0]);
        Assert.Equal(1, recording[0, 51, 0]);
        Assert.Equal(4, Enumerable.Range(0, recording.TimeCount).Sum(t => recording[0, t, 0]));
    }

    [Fact]
    public void Plain_hdf5_is_refused_as_not_nwb()
    {
        string path = Hdf5TestFiles.Path("plain.h5");
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not NWB", e.Message);
    }

    [Fact]
    public void A_named_series_or_table_that_does_not_exist_is_named()
    {
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(Full, new RecordingReadOptions { Data = "acquisition/nothing" }));
        Assert.Contains("/acquisition/nothing", e.Message);
        Assert.Contains("/acquisition/lfp", e.Message); // lists what there is
        e = Assert.Throws<RecordingFormatException>(() => Recording.Read(Full, new RecordingReadOptions { Trials = "intervals/nope" }));
        Assert.Contains("/intervals/nope", e.Message);
        e = Assert.Throws<RecordingFormatException>(() => Recording.Read(Full, new RecordingReadOptions { Columns = new() { AlignTo = "go_cue_time" } }));
        Assert.Contains("'go_cue_time'", e.Message);
    }
}
