using NeuroRnn.Charts;
using NeuroRnn.Training;

namespace NeuroRnn.Interactive;

/// <summary>Training curves from optimizer statistics.</summary>
public static class TrainingChart
{
    /// <summary>
    /// Loss after each iteration on a log axis and, for Hessian-free runs, the damping λ on a right-hand axis.
    /// An empty list gives an empty chart with the axes in place (for live displays before the first iteration).
    /// </summary>
    public static Figure FromStatistics(IReadOnlyList<IterationStatistics> statistics, string title = "Training", string runName = "training loss")
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var loss = statistics.Select(s => s.LossAfter).ToArray();
        bool hf = statistics.Count > 0 && statistics.All(s => s.Details is HessianFreeStepDetails);
        int first = statistics.Count > 0 ? statistics[0].Iteration : 0;
        if (loss.Length == 0) loss = [double.NaN];
        return NeuroCharts.TrainingCurves([loss], new TrainingCurveOptions
        {
            Title = title,
            RunNames = [runName],
            Lambda = hf ? [statistics.Select(s => ((HessianFreeStepDetails)s.Details!).Lambda).ToArray()] : null,
            LossTitle = "loss (MSE)",
            FirstIteration = first,
        });
    }
}
