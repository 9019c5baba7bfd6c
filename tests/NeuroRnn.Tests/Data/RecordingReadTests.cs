using System.Security.Cryptography;
using NeuroRnn.Data;
using NeuroRnn.Data.Io;

namespace NeuroRnn.Tests.Data;

/// <summary>The front door <see cref="Recording.Read(string, RecordingReadOptions?)"/>: sniffing, mapping, provenance and bad input.</summary>
public class RecordingReadTests
{
    private static string Write(string extension, string text)
    {
        string path = TestData.TempFile(extension);
        File.WriteAllText(path, text);
        return path;
    }

    private static byte[] Hash(string path) => SHA256.HashData(File.ReadAllBytes(path));

    [Fact]
    public void Magic_bytes_decide_before_the_extension()
    {
        // An NPZ recording saved under a misleading name is still read as NPZ; a MAT file named .dat as MAT.
        string npz = TestData.TempFile(".csv");
        RecordingNpz.Write(TestData.Small(), npz);
        var recording = Recording.Read(npz);
        Assert.Equal("npz", recording.Provenance!.Reader);
        Assert.True(recording.ContentEquals(TestData.Small()));
        string mat = TestData.TempFile(".dat");
        File.Copy(TestData.MatFixture("recording_v7.mat"), mat);
        Assert.Equal("mat", Recording.Read(mat).Provenance!.Reader);
        Assert.Equal("mat", RecordingFormats.Detect(mat).Name);
    }

    [Fact]
    public void Unknown_format_names_the_file_and_lists_the_formats()
    {
        string path = Write(".xyz", "just some text\n");
        var before = Hash(path);
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("unknown format", e.Message);
        Assert.Contains("nwb", e.Message);
        Assert.Equal(before, Hash(path));
        e = Assert.Throws<RecordingFormatException>(() => Recording.Read(path, new RecordingReadOptions { Format = "parquet" }));
        Assert.Contains("unknown format 'parquet'", e.Message);
        Assert.Contains("mat73", e.Message);
        e = Assert.Throws<RecordingFormatException>(() => Recording.Read(Path.Combine(Path.GetTempPath(), "no-such-file.nwb")));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Csv_column_mapping_reports_every_missing_column_with_its_option()
    {
        string path = Write(".csv", "cluster,t_s\n3,0.0125\n3,0.5\n7,0.25\n");
        var before = Hash(path);
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(path, new RecordingReadOptions { Format = "spike-times" }));
        Assert.Contains("no column 'unit' (RecordingColumns.Unit)", e.Message); // both missing columns, not only the first
        Assert.Contains("no column 'time_ms' (RecordingColumns.SpikeTime)", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(before, Hash(path));

        var mapped = Recording.Read(path, new RecordingReadOptions
        {
            Columns = new() { Unit = "cluster", SpikeTime = "t_s" },
            TimeUnit = TimeUnit.Seconds,
            Binning = new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 600, BinMs = 100 },
        });
        Assert.Equal("csv", mapped.Provenance!.Reader);
        Assert.Contains(mapped.Provenance.Warnings, w => w.Contains("no trials file"));
        Assert.Equal(new[] { "3", "7" }, mapped.Units.GetStrings("unit"));
        Assert.Equal(1, mapped[0, 0, 0]); // 12.5 ms
        Assert.Equal(1, mapped[0, 5, 0]); // 500 ms
        Assert.Equal(1, mapped[1, 2, 0]); // 250 ms
        Assert.Contains("TimeUnit=Seconds", mapped.Provenance.Options);
    }

    [Fact]
    public void A_spike_table_with_a_trials_file_needs_no_trial_column()
    {
        string spikes = Write(".csv", "unit,time_ms\na,1005\na,1020\nb,2003\n");
        string trials = Write(".csv", "stim_onset,orientation\n1000,0\n2000,90\n"); // no 'trial' column: rows are the trials
        var recording = Recording.Read(spikes, new RecordingReadOptions
        {
            TrialsPath = trials,
            Columns = new() { AlignTo = "stim_onset" },
            Binning = new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 50, BinMs = 10 },
        });
        Assert.Equal((2, 5, 2), (recording.UnitCount, recording.TimeCount, recording.TrialCount));
        Assert.Equal(new double[] { 0, 90 }, recording.Trials.GetDoubles("orientation"));
        Assert.Equal(1, recording[0, 0, 0]);
        Assert.Equal(1, recording[0, 2, 0]);
        Assert.Equal(1, recording[1, 0, 1]);
        Assert.Equal(10, recording.BinWidthMs);
    }

    [Fact]
    public void An_empty_spike_table_is_an_error_naming_the_file()
    {
        string path = Write(".csv", "unit,time_ms\n");
        var e = Assert.Throws<RecordingFormatException>(() => Recording.Read(path, new RecordingReadOptions { Format = "spike-times" }));
        Assert.Contains(path, e.Message);
        Assert.Contains("no spikes", e.Message);
    }

    [Fact]
    public void A_mat_file_without_a_time_vector_warns_instead_of_inventing_ms_silently()
    {
        // recording_v7.mat read with another time variable name: the axis falls back to bin numbers, with a warning.
        var recording = Recording.Read(TestData.MatFixture("recording_v7.mat"), new RecordingReadOptions { Time = "t_absent" });
        Assert.Contains(recording.Provenance!.Warnings, w => w.Contains("'t_absent'") && w.Contains("recording_v7.mat"));
        var withBins = Recording.Read(TestData.MatFixture("recording_v7.mat"), new RecordingReadOptions { Time = "t_absent", Binning = new() { BinMs = 25 } });
        Assert.Equal(12.5, withBins.TimeMs[0]);
        Assert.Equal(25, withBins.BinWidthMs);
    }

    [Fact]
    public void A_single_bin_recording_keeps_its_declared_bin_width()
    {
        var binned = SpikeBinner.Bin(new[] { new double[] { 10, 20, 30 } }, new double[] { 0 }, new SpikeBinningOptions { WindowStartMs = 0, WindowEndMs = 500, BinMs = 500 });
        Assert.Equal(1, binned.TimeCount);
        Assert.Equal(500, binned.BinWidthMs); // was NaN: one bin centre says nothing about the width
        Assert.Equal(6, binned.ToRatesHz()[0, 0, 0], 12); // 3 spikes in 0.5 s
        Assert.Equal(500, binned.SelectUnits(new[] { 0 }).BinWidthMs);
    }
}
