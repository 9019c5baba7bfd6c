using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// A task produces batches of trials (inputs, targets, loss masks) deterministically from a seed and scores
/// a network's outputs on them. Tasks know nothing of models or trainers.
/// </summary>
public interface ITask
{
    /// <summary>Short name used on the command line, e.g. "addition" or "mante".</summary>
    string Name { get; }

    /// <summary>Input channels per time step.</summary>
    int InputCount { get; }

    /// <summary>Output channels per time step.</summary>
    int OutputCount { get; }

    /// <summary>The output nonlinearity and loss the task is posed with.</summary>
    OutputKind OutputKind { get; }

    /// <summary>Draws <paramref name="batchSize"/> trials; the same seed always gives the same batch.</summary>
    TrialBatch Sample(int batchSize, int seed);

    /// <summary>
    /// Scores network outputs (same layout as <see cref="TrialBatch.Targets"/>, after the output nonlinearity)
    /// against the batch the outputs were produced from.
    /// </summary>
    TaskScore Score(TrialBatch batch, ReadOnlySpan<double> outputs);
}

/// <summary>How well a network did on a batch of trials.</summary>
/// <param name="ErrorRate">Fraction of trials answered wrongly by the task's success criterion.</param>
/// <param name="Loss">The task loss (mean over masked entries).</param>
/// <param name="Criterion">What counts as wrong, e.g. "|error| &gt; 0.04 at the last step".</param>
public sealed record TaskScore(double ErrorRate, double Loss, string Criterion)
{
    /// <summary>1 − ErrorRate.</summary>
    public double Accuracy => 1 - ErrorRate;
}
