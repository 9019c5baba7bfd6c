using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Tests.Fitting;

/// <summary>Per-trial stimulus onset/offset columns with condition averages, and the trial-axis meaning of "onset".</summary>
public class StimulusColumnTests
{
    private static Recording WithColumns(Recording recording, Func<int, double> onset, Func<int, double> offset) =>
        recording.WithTrials(recording.Trials
            .With(new DoubleColumn("stim_on_ms", Enumerable.Range(0, recording.TrialCount).Select(onset)))
            .With(new DoubleColumn("stim_off_ms", Enumerable.Range(0, recording.TrialCount).Select(offset))));

    [Fact]
    public void Onset_and_offset_columns_survive_condition_averaging()
    {
        // Onsets differ between directions but not within one: the averaged batch must switch the input on at each
        // condition's own onset (the averaging used to drop the column and every column failed).
        var recording = WithColumns(TinyRecording.Create(), k => 20 * (k % 4), k => 200);
        var options = new RecordingFitOptions
        {
            UnitCount = 8, BinMs = 10, SmoothingMs = 0, TauMs = 20,
            Stimulus = new StimulusEncoding { OnsetColumn = "stim_on_ms", OffsetColumn = "stim_off_ms" },
        };
        var dataset = RecordingFitter.Prepare(recording, options);
        Assert.True(options.TrainOnConditionAverages);
        var batch = dataset.TrainBatch;
        var trials = dataset.TrainBatchTrials;
        int on = dataset.InputNames.ToList().IndexOf("stimulus on");
        var time = dataset.Processed.GetTimeMs();
        for (int b = 0; b < batch.BatchSize; b++)
        {
            double onset = trials.GetDoubles("stim_on_ms")[b];
            Assert.Equal(20 * ((trials.GetDoubles("direction_deg")[b] / 90) % 4), onset);
            for (int t = 0; t < batch.Steps; t++)
                Assert.Equal(time[t] >= onset && time[t] < 200 ? 1.0 : 0.0, batch.Inputs[(t * batch.BatchSize + b) * batch.InputCount + on]);
        }
    }

    [Fact]
    public void An_onset_that_varies_within_a_condition_is_named_with_the_way_out()
    {
        var recording = WithColumns(TinyRecording.Create(), k => k, k => 200);
        var options = new RecordingFitOptions { UnitCount = 8, BinMs = 10, SmoothingMs = 0, TauMs = 20, Stimulus = new StimulusEncoding { OnsetColumn = "stim_on_ms" } };
        var e = Assert.Throws<ArgumentException>(() => RecordingFitter.Prepare(recording, options));
        Assert.Contains("'stim_on_ms'", e.Message);
        Assert.Contains("TrainOnConditionAverages = false", e.Message);
        Assert.NotNull(RecordingFitter.Prepare(recording, options with { TrainOnConditionAverages = false }));
    }

    [Fact]
    public void A_session_clock_onset_is_refused_instead_of_giving_a_silent_zero_input()
    {
        // The trials file's alignment column (absolute time, e.g. 125 000 ms into the session) used as the stimulus onset.
        var recording = WithColumns(TinyRecording.Create(), k => 125_000 + 1500 * k, k => 125_200 + 1500 * k);
        var options = new RecordingFitOptions
        {
            UnitCount = 8, BinMs = 10, SmoothingMs = 0, TauMs = 20, TrainOnConditionAverages = false,
            Stimulus = new StimulusEncoding { OnsetColumn = "stim_on_ms", OffsetColumn = "stim_off_ms" },
        };
        var e = Assert.Throws<ArgumentException>(() => RecordingFitter.Prepare(recording, options));
        Assert.Contains("'stim_on_ms'", e.Message);
        Assert.Contains("relative to each trial's alignment", e.Message);
    }
}
