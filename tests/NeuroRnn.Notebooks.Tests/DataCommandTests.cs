using System.Security.Cryptography;
using System.Text.Json.Nodes;
using NeuroRnn.Data.Nwb;
using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>`neurornn data summary` and `neurornn fit` open every format through the front door, with the reading flags.</summary>
public class DataCommandTests
{
    private static string WriteNwb(string dir)
    {
        string path = Path.Combine(dir, "session.nwb");
        NwbWriter.WriteCounts(path, V1GratingGenerator.Generate(new V1GratingOptions { Units = 8, Directions = 4, TrialsPerDirection = 5, Seed = 2 }));
        return path;
    }

    private static readonly string[] NwbReading = ["--align-column", "stim_on_time", "--window-start-ms", "-300", "--window-end-ms", "1200", "--read-bin-ms", "10"];

    [Fact]
    public void Summary_describes_nwb_and_spike_tables_and_names_bad_input()
    {
        string dir = CliRunner.TempFolder("neurornn-data-summary");
        string nwb = WriteNwb(dir);
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(2), ["data", "summary", nwb, .. NwbReading]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("nwb (Neurodata Without Borders", run.Output);
        Assert.Contains("/units (units table)", run.Output);
        Assert.Contains("8 units × 150 time bins × 20 trials", run.Output);

        Assert.Equal(0, CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "generate-v1", "--out", Path.Combine(dir, "v1.npz"), "--units", "5", "--spike-table", Path.Combine(dir, "v1")).ExitCode);
        string spikes = Path.Combine(dir, "v1-spikes.csv");
        var before = SHA256.HashData(File.ReadAllBytes(spikes));
        var session = CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "summary", spikes);
        Assert.True(session.ExitCode == 0, session.Error);
        Assert.Contains("× 1 trials", session.Output);
        Assert.Contains("no trials file", session.Output);
        var trials = CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "summary", spikes, "--trials-file", Path.Combine(dir, "v1-trials.csv"), "--window-start-ms", "-300", "--window-end-ms", "1200");
        Assert.True(trials.ExitCode == 0, trials.Error);
        Assert.Contains("5 units × 150 time bins × 240 trials", trials.Output);

        var wrongColumn = CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "summary", spikes, "--format", "spike-times", "--unit-column", "cluster");
        Assert.Equal(1, wrongColumn.ExitCode);
        Assert.Contains("no column 'cluster' (RecordingColumns.Unit)", wrongColumn.Error);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(spikes))); // nothing modified on disk

        File.WriteAllText(Path.Combine(dir, "notes.xyz"), "hello");
        var unknown = CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "summary", Path.Combine(dir, "notes.xyz"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown format", unknown.Error);
        Assert.Contains("notes.xyz", unknown.Error);
    }

    [Fact]
    public void Fit_reads_nwb_and_keeps_a_per_trial_onset_column_through_condition_averages()
    {
        string dir = CliRunner.TempFolder("neurornn-fit-nwb");
        string nwb = WriteNwb(dir);
        // stim_on_time_ms is the grating onset on each trial's own axis (0 here); condition averages used to drop it.
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(3), ["fit", "--data", nwb, .. NwbReading, "--units", "10", "--iterations", "2",
            "--onset-column", "stim_on_time_ms", "--offset-ms", "900", "--loss", "poisson", "--validation-fraction", "0.25", "--out", Path.Combine(dir, "out")]);
        Assert.True(run.ExitCode == 0, $"{run.Output}\n{run.Error}");
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "fit-summary.json")))!;
        Assert.Equal("nwb", (string?)summary["data_format"]);
        Assert.Equal("stim_on_time_ms", (string?)summary["settings"]!["stimulus_onset_column"]);
        Assert.Equal("Poisson", (string?)summary["settings"]!["objective"]);
        Assert.True((int)summary["settings"]!["validation_trials"]! > 0);

        // A spike table's session-clock alignment column (onset_ms: 300, 3300, … ms) is refused as a stimulus onset, with the reason.
        Assert.Equal(0, CliRunner.Run(dir, TimeSpan.FromMinutes(2), "data", "generate-v1", "--out", Path.Combine(dir, "v1.npz"), "--units", "5", "--spike-table", Path.Combine(dir, "v1")).ExitCode);
        var absolute = CliRunner.Run(dir, TimeSpan.FromMinutes(3), "fit", "--data", Path.Combine(dir, "v1-spikes.csv"), "--trials-file", Path.Combine(dir, "v1-trials.csv"),
            "--window-start-ms", "-300", "--window-end-ms", "1200", "--units", "10", "--iterations", "1", "--onset-column", "onset_ms", "--out", Path.Combine(dir, "out2"));
        Assert.Equal(2, absolute.ExitCode);
        Assert.Contains("'onset_ms'", absolute.Error);
        Assert.Contains("relative to each trial's alignment", absolute.Error);
    }
}
