using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// A task answered by a binary choice — the sign of output 0 at the trial's last masked step
/// (<see cref="TaskScoring.Choices"/>) — whose behaviour is summarised by psychometric functions.
/// </summary>
public interface IDecisionTask : ITask
{
    /// <summary>
    /// Fraction of +1 choices per signed coherence of every evidence stream, per context (see <see cref="PsychometricPoint"/>).
    /// </summary>
    /// <param name="batch">Trials sampled from this task (their conditions say the coherences and contexts).</param>
    /// <param name="outputs">Outputs on the batch, laid out like <see cref="TrialBatch.Targets"/>.</param>
    /// <exception cref="ArgumentException">The batch lacks this task's conditions or the outputs do not match it.</exception>
    IReadOnlyList<PsychometricPoint> Psychometric(TrialBatch batch, ReadOnlySpan<double> outputs);
}
