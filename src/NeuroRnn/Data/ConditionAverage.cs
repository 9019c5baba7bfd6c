namespace NeuroRnn.Data;

/// <summary>
/// Trial-averaged responses per condition (PSTHs): <see cref="Mean"/> and <see cref="Sem"/> are frames whose "trials" are the
/// conditions; their trials table holds the grouping columns plus <c>n_trials</c>.
/// </summary>
/// <param name="Mean">Mean over the trials of each condition (NaN values ignored).</param>
/// <param name="Sem">Standard error of the mean (sample SD / √n; NaN when fewer than two trials).</param>
public sealed record ConditionAverage(Recording Mean, Recording Sem)
{
    /// <summary>The number of trials averaged per condition.</summary>
    public double[] TrialCounts => Mean.Trials.GetDoubles("n_trials");
}
