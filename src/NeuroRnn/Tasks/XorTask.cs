using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// The XOR problem: channel 0 holds random bits, channel 1 marks t1 ~ U{⌊T/100⌋..⌊T/10⌋} and
/// t2 ~ U{⌊0.15T⌋..⌊0.25T⌋}; length L ~ U{⌊T/2⌋..⌊0.55T⌋}; target bit_t1 XOR bit_t2 at step L−1 through a
/// logistic output with cross-entropy. Conditions: "t1", "t2", "length".
/// </summary>
public sealed class XorTask : PathologicalTask
{
    /// <summary>Creates the task for nominal length <paramref name="length"/>.</summary>
    public XorTask(int length = 100) : base(length)
    {
        if (length < 2 * MinimumLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The XOR problem needs T ≥ {2 * MinimumLength} (its trials last only T/2).");
    }

    /// <inheritdoc/>
    public override string Name => "xor";
    /// <inheritdoc/>
    public override int InputCount => 2;
    /// <inheritdoc/>
    public override int OutputCount => 1;
    /// <inheritdoc/>
    public override OutputKind OutputKind => OutputKind.LogisticCrossEntropy;
    /// <inheritdoc/>
    public override PathologicalTask WithLength(int length) => new XorTask(length);
    /// <inheritdoc/>
    public override int Steps => (int)Math.Floor(0.55 * Length);

    private protected override void FillTrial(TrialBatchBuilder builder, int trial, SeededRandom random)
    {
        int length = random.NextInt(Length / 2, Steps);
        int t1 = random.NextInt(Length / 100, Length / 10);
        int t2 = random.NextInt((int)Math.Floor(0.15 * Length), (int)Math.Floor(0.25 * Length));
        var bits = new int[length];
        for (int t = 0; t < length; t++)
        {
            bits[t] = random.NextDouble() < 0.5 ? 0 : 1;
            builder.SetInput(t, trial, 0, bits[t]);
        }
        builder.SetInput(t1, trial, 1, 1);
        builder.SetInput(t2, trial, 1, 1);
        builder.SetTarget(length - 1, trial, 0, bits[t1] ^ bits[t2]);
        builder.Lengths[trial] = length;
        builder.Condition("t1")[trial] = t1;
        builder.Condition("t2")[trial] = t2;
        builder.Condition("length")[trial] = length;
    }
}
