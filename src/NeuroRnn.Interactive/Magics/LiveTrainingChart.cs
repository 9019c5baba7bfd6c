using NeuroRnn.Training;

namespace NeuroRnn.Interactive.Magics;

/// <summary>Shows an empty training chart and redraws it in place (throttled) as iterations arrive; the last iteration is always drawn.</summary>
internal sealed class LiveTrainingChart
{
    private readonly TrainingProgress _progress;

    public LiveTrainingChart(MagicCall call, string title)
    {
        var update = call.Display(TrainingChart.FromStatistics([], title));
        _progress = new TrainingProgress(update, title);
    }

    public void Report(IterationStatistics statistics) => _progress.Report(statistics);

    /// <summary>Draws the final iteration if it has not been drawn.</summary>
    public void Complete() => _progress.Complete();
}
