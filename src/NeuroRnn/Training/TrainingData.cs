using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Training;

/// <summary>
/// The data of one training iteration: the batch the loss and gradient are computed on and the (usually
/// smaller) minibatch the curvature is estimated on. First-order trainers use only <see cref="GradientBatch"/>.
/// </summary>
/// <param name="GradientBatch">Batch for the loss, gradient, CG backtracking and line search.</param>
/// <param name="CurvatureBatch">Minibatch for Gauss-Newton products and the reduction ratio ρ.</param>
public sealed record TrainingData(TrialBatch GradientBatch, TrialBatch CurvatureBatch)
{
    /// <summary>Stream number of the training data in <see cref="SeededRandom.Derive"/>.</summary>
    public const int TrainingStream = 1;

    /// <summary>Stream number of held-out test data in <see cref="SeededRandom.Derive"/>.</summary>
    public const int TestStream = 2;

    /// <summary>
    /// Fresh data at every iteration, as the MATLAB HF addition example does: iteration i draws
    /// <paramref name="gradientBatchSize"/> new trials from seed Derive(seed, 1, i) and uses the first
    /// <paramref name="curvatureBatchSize"/> of them as the curvature minibatch. Depends only on (seed, i), so a
    /// resumed run sees exactly the data an uninterrupted run would have seen.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive or the curvature batch is larger than the gradient batch.</exception>
    public static Func<int, TrainingData> Fresh(ITask task, int seed, int gradientBatchSize, int curvatureBatchSize)
    {
        ArgumentNullException.ThrowIfNull(task);
        CheckSizes(gradientBatchSize, curvatureBatchSize);
        return iteration =>
        {
            var batch = task.Sample(gradientBatchSize, SeededRandom.Derive(seed, TrainingStream, iteration));
            return new TrainingData(batch, curvatureBatchSize == gradientBatchSize ? batch : batch.Slice(0, curvatureBatchSize));
        };
    }

    /// <summary>
    /// A fixed training set: the gradient is always taken on all of <paramref name="trainingSet"/>; the curvature
    /// minibatch cycles through it in consecutive blocks of <paramref name="curvatureBatchSize"/> trials.
    /// </summary>
    public static Func<int, TrainingData> Fixed(TrialBatch trainingSet, int curvatureBatchSize)
    {
        ArgumentNullException.ThrowIfNull(trainingSet);
        CheckSizes(trainingSet.BatchSize, curvatureBatchSize);
        int blocks = trainingSet.BatchSize / curvatureBatchSize;
        var slices = new TrialBatch[blocks];
        for (int k = 0; k < blocks; k++) slices[k] = blocks == 1 && curvatureBatchSize == trainingSet.BatchSize ? trainingSet : trainingSet.Slice(k * curvatureBatchSize, curvatureBatchSize);
        return iteration => new TrainingData(trainingSet, slices[((iteration % blocks) + blocks) % blocks]);
    }

    internal static void CheckSizes(int gradientBatchSize, int curvatureBatchSize)
    {
        if (gradientBatchSize <= 0)
            throw new ArgumentException($"The gradient batch size must be positive, got {gradientBatchSize}.", nameof(gradientBatchSize));
        if (curvatureBatchSize <= 0 || curvatureBatchSize > gradientBatchSize)
            throw new ArgumentException($"The curvature batch size must be in [1, {gradientBatchSize}] (the gradient batch size), got {curvatureBatchSize}.", nameof(curvatureBatchSize));
    }
}
