using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>Input checks shared by the trainers, so bad data fails before the first step with a clear message.</summary>
internal static class TrainerChecks
{
    /// <summary>
    /// <paramref name="data"/> with every iteration's batches validated; the data of <paramref name="firstIteration"/>
    /// is also evaluated once on the objective (see <see cref="CheckedData"/>).
    /// </summary>
    public static Func<int, TrainingData> Checked(ICurvatureObjective objective, Func<int, TrainingData> data, int firstIteration) =>
        iteration => CheckedData(objective, data, iteration, checkFit: iteration == firstIteration);

    /// <summary>Throws unless <paramref name="objective"/> has parameters.</summary>
    public static void CheckParameterCount(ICurvatureObjective objective)
    {
        int n = objective.ParameterCount;
        if (n <= 0) throw new ArgumentException($"The objective has {n} parameters.", nameof(objective));
    }

    /// <summary>
    /// Gets the data of <paramref name="iteration"/> and validates both batches; with <paramref name="checkFit"/>
    /// also evaluates the loss once so a task/model shape mismatch surfaces as an <see cref="ArgumentException"/>
    /// naming "data" before training starts.
    /// </summary>
    public static TrainingData CheckedData(ICurvatureObjective objective, Func<int, TrainingData> data, int iteration, bool checkFit = true)
    {
        var batches = data(iteration) ?? throw new ArgumentException($"The data function returned null for iteration {iteration}.", nameof(data));
        if (batches.GradientBatch is null || batches.CurvatureBatch is null)
            throw new ArgumentException($"The data of iteration {iteration} lacks a gradient or curvature batch.", nameof(data));
        Validate(batches.GradientBatch, "gradient", iteration);
        if (!ReferenceEquals(batches.CurvatureBatch, batches.GradientBatch)) Validate(batches.CurvatureBatch, "curvature", iteration);
        var g = batches.GradientBatch; var c = batches.CurvatureBatch;
        if (g.InputCount != c.InputCount || g.OutputCount != c.OutputCount)
            throw new ArgumentException($"The gradient batch has {g.InputCount} inputs/{g.OutputCount} outputs but the curvature batch {c.InputCount}/{c.OutputCount}.", nameof(data));
        if (checkFit)
        {
            try
            {
                double loss = objective.Loss(c);
                _ = loss;
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"The training data does not fit the model: {e.Message}", nameof(data), e);
            }
        }
        return batches;
    }

    private static void Validate(TrialBatch batch, string which, int iteration)
    {
        try
        {
            batch.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The {which} batch of iteration {iteration} is invalid: {e.Message}", "data", e);
        }
    }
}
