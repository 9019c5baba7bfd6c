namespace NeuroRnn.Tasks;

/// <summary>
/// The multiplication problem: the addition problem's inputs and marker windows (see <see cref="AdditionTask"/>)
/// with target v_t1 · v_t2.
/// </summary>
public sealed class MultiplicationTask : AdditionTask
{
    /// <summary>Creates the task for minimum length <paramref name="length"/>.</summary>
    public MultiplicationTask(int length = 100) : base(length) { }

    /// <inheritdoc/>
    public override string Name => "multiplication";

    /// <inheritdoc/>
    public override PathologicalTask WithLength(int length) => new MultiplicationTask(length);

    /// <inheritdoc/>
    protected override double Combine(double first, double second) => first * second;
}
