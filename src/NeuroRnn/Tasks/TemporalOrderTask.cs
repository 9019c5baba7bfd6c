using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// The 2-bit temporal-order problem: one-hot inputs over 8 symbols — distractors a, b, c, d (channels 0–3),
/// the specials X and Y (4, 5), start B (6) and end E (7). Length L ~ U{T..⌊1.1T⌋}; B at step 0, E at step L−1,
/// specials at t1 ~ U{⌊T/10⌋..⌊2T/10⌋} and t2 ~ U{⌊5T/10⌋..⌊6T/10⌋}, random distractors elsewhere. The answer —
/// class 2·[first is Y] + [second is Y] (XX, XY, YX, YY) — is a 4-way softmax at step L−1.
/// Conditions: "t1", "t2", "length", "class".
/// </summary>
public sealed class TemporalOrderTask : PathologicalTask
{
    /// <summary>Creates the task for minimum length <paramref name="length"/>.</summary>
    public TemporalOrderTask(int length = 100) : base(length) { }

    /// <inheritdoc/>
    public override string Name => "temporal-order";
    /// <inheritdoc/>
    public override int InputCount => 8;
    /// <inheritdoc/>
    public override int OutputCount => 4;
    /// <inheritdoc/>
    public override OutputKind OutputKind => OutputKind.SoftmaxCrossEntropy;
    /// <inheritdoc/>
    public override PathologicalTask WithLength(int length) => new TemporalOrderTask(length);
    /// <inheritdoc/>
    public override int Steps => (int)Math.Floor(1.1 * Length);

    private protected override void FillTrial(TrialBatchBuilder builder, int trial, SeededRandom random)
    {
        int length = random.NextInt(Length, Steps);
        int t1 = random.NextInt(Length / 10, 2 * Length / 10);
        int t2 = random.NextInt(5 * Length / 10, 6 * Length / 10);
        int s1 = random.NextDouble() < 0.5 ? 0 : 1, s2 = random.NextDouble() < 0.5 ? 0 : 1;
        for (int t = 0; t < length; t++)
        {
            int symbol = t == 0 ? 6 : t == length - 1 ? 7 : t == t1 ? 4 + s1 : t == t2 ? 4 + s2 : random.NextInt(0, 3);
            builder.SetInput(t, trial, symbol, 1);
        }
        int answer = 2 * s1 + s2;
        for (int o = 0; o < 4; o++) builder.SetTarget(length - 1, trial, o, o == answer ? 1 : 0);
        builder.Lengths[trial] = length;
        builder.Condition("t1")[trial] = t1;
        builder.Condition("t2")[trial] = t2;
        builder.Condition("length")[trial] = length;
        builder.Condition("class")[trial] = answer;
    }
}
