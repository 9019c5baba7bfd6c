using System.Diagnostics;
using System.Globalization;
using NeuroRnn.Charts;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive;

/// <summary>
/// A live training display for notebooks: pass <see cref="Report"/> as the trainer's per-iteration callback and it
/// redraws the training curve through the update function you give it, e.g. in C#
/// <code>
/// var live = LiveOutput.Show(TrainingChart.FromStatistics([]));
/// var progress = new TrainingProgress(live.Update);
/// var fit = RecordingFitter.Fit(recording, options, progress.Report);
/// </code>
/// Updates are throttled (<see cref="MinimumInterval"/>) so a fast run does not flood the front end; the last
/// iteration is always drawn when <see cref="Complete"/> is called.
/// </summary>
public sealed class TrainingProgress
{
    private readonly Action<Figure> _update;
    private readonly List<IterationStatistics> _statistics = [];
    private long _lastDraw;
    private bool _pending;

    /// <summary>Creates a display that calls <paramref name="update"/> with a new figure.</summary>
    public TrainingProgress(Action<Figure> update, string title = "Training")
    {
        _update = update ?? throw new ArgumentNullException(nameof(update));
        Title = title;
    }

    /// <summary>Figure title (the latest loss is appended).</summary>
    public string Title { get; }

    /// <summary>Minimum time between redraws. Default 0.5 s.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The statistics seen so far.</summary>
    public IReadOnlyList<IterationStatistics> Statistics => _statistics;

    /// <summary>The current figure.</summary>
    public Figure Figure => TrainingChart.FromStatistics(_statistics, CurrentTitle());

    /// <summary>The per-iteration callback: records the statistics and redraws when due.</summary>
    public void Report(IterationStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        _statistics.Add(statistics);
        _pending = true;
        long now = Stopwatch.GetTimestamp();
        if (_lastDraw == 0 || Stopwatch.GetElapsedTime(_lastDraw, now) >= MinimumInterval) Draw(now);
    }

    /// <summary>Draws the last iteration if it has not been drawn yet (call after training).</summary>
    public void Complete()
    {
        if (_pending) Draw(Stopwatch.GetTimestamp());
    }

    private void Draw(long now)
    {
        _lastDraw = now;
        _pending = false;
        _update(Figure);
    }

    private string CurrentTitle()
    {
        if (_statistics.Count == 0) return Title;
        var s = _statistics[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"{Title}: iteration {s.Iteration + 1}, loss {s.LossAfter:G4}{(s.Details is HessianFreeStepDetails hf ? $", λ {hf.Lambda:G3}" : "")}, {s.ElapsedSeconds:0.0} s");
    }
}
