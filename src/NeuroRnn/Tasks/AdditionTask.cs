using NeuroRnn.Trials;

namespace NeuroRnn.Tasks;

/// <summary>
/// The addition problem, exactly as benchmark workload W1 defines it: length L ~ U{T..⌊1.1T⌋}; channel 0 holds
/// values v_t ~ U[0,1); channel 1 marks t1 ~ U{0..⌊0.1L⌋−1} and t2 ~ U{⌊0.1L⌋..⌊0.5L⌋−1}; the target
/// (v_t1 + v_t2)/2 is read at step L−1 with a linear output and squared error. Conditions: "t1", "t2", "length".
/// </summary>
public class AdditionTask : PathologicalTask
{
    /// <summary>Creates the task for minimum length <paramref name="length"/>.</summary>
    public AdditionTask(int length = 100) : base(length) { }

    /// <inheritdoc/>
    public override string Name => "addition";
    /// <inheritdoc/>
    public override int InputCount => 2;
    /// <inheritdoc/>
    public override int OutputCount => 1;
    /// <inheritdoc/>
    public override OutputKind OutputKind => OutputKind.LinearSquaredError;
    /// <inheritdoc/>
    public override PathologicalTask WithLength(int length) => new AdditionTask(length);
    /// <inheritdoc/>
    public override int Steps => (int)Math.Floor(1.1 * Length);

    /// <summary>The target from the two marked values.</summary>
    protected virtual double Combine(double first, double second) => (first + second) / 2;

    private protected override void FillTrial(TrialBatchBuilder builder, int trial, SeededRandom random)
    {
        int length = random.NextInt(Length, Steps);
        int t1 = random.NextInt(0, length / 10 - 1);
        int t2 = random.NextInt(length / 10, length / 2 - 1);
        for (int t = 0; t < length; t++) builder.SetInput(t, trial, 0, random.NextDouble());
        builder.SetInput(t1, trial, 1, 1);
        builder.SetInput(t2, trial, 1, 1);
        double v1 = builder.Inputs[((long)t1 * builder.BatchSize + trial) * 2];
        double v2 = builder.Inputs[((long)t2 * builder.BatchSize + trial) * 2];
        builder.SetTarget(length - 1, trial, 0, Combine(v1, v2));
        builder.Lengths[trial] = length;
        builder.Condition("t1")[trial] = t1;
        builder.Condition("t2")[trial] = t2;
        builder.Condition("length")[trial] = length;
    }
}
