namespace NeuroRnn.Training.Force;

/// <summary>Argument handling the FORCE and full-FORCE trainers share.</summary>
internal static class RlsTraining
{
    /// <summary>The objective as the rate RNN objective RLS needs.</summary>
    public static RnnObjective RequireRnn(ICurvatureObjective objective, string method)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective as RnnObjective ?? throw new ArgumentException(
            $"{method} trains the weights of a rate RNN directly; pass an RnnObjective, not a {objective.GetType().Name}.", nameof(objective));
    }

    /// <summary>Each iteration's gradient batch as a pass of hint-free targets, checked against the model.</summary>
    public static Func<int, FullForceTargets> Passes(RnnObjective objective, Func<int, TrainingData> data, int firstIteration) => iteration =>
    {
        var batches = TrainerChecks.CheckedData(objective, data, iteration, checkFit: iteration == firstIteration);
        return FullForceTargets.FromTrials(batches.GradientBatch);
    };

    /// <summary>The same targets every pass, checked against the model once.</summary>
    public static Func<int, FullForceTargets> Fixed(RnnObjective objective, FullForceTargets targets)
    {
        var model = objective.Model.Options;
        var trials = targets.Trials;
        if (trials.InputCount != model.InputCount || trials.OutputCount != model.OutputCount)
            throw new ArgumentException($"The targets have {trials.InputCount} inputs and {trials.OutputCount} outputs but the model has " +
                $"{model.InputCount} and {model.OutputCount}.", nameof(targets));
        return _ => targets;
    }
}
