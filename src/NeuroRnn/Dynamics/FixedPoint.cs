using System.Globalization;

namespace NeuroRnn.Dynamics;

/// <summary>
/// A fixed or slow point of a network's dynamics under a constant input, found by <see cref="FixedPointFinder"/>.
/// <see cref="Linearize"/> computes (once) the linearised dynamics around it.
/// </summary>
public sealed class FixedPoint
{
    private readonly RateRnnDynamics _dynamics;
    private Linearization? _linearization;

    internal FixedPoint(RateRnnDynamics dynamics, double[] state, double[] input, double q, int iterations, FixedPointKind kind, int startIndex)
    {
        _dynamics = dynamics;
        State = state;
        Input = input;
        Q = q;
        Speed = Math.Sqrt(2 * q);
        Iterations = iterations;
        Kind = kind;
        StartIndex = startIndex;
    }

    /// <summary>The state x* (length N).</summary>
    public double[] State { get; }

    /// <summary>The constant input u it was found under (length I).</summary>
    public double[] Input { get; }

    /// <summary>q(x*) = ½‖F(x*; u)‖².</summary>
    public double Q { get; }

    /// <summary>‖F(x*; u)‖ = √(2q), state units per time unit.</summary>
    public double Speed { get; }

    /// <summary>Levenberg–Marquardt iterations the search took from its start.</summary>
    public int Iterations { get; }

    /// <summary>Fixed (q ≤ FixedPointTolerance) or slow point.</summary>
    public FixedPointKind Kind { get; }

    /// <summary>Index of the start (in the order the starts were drawn or given) the point was found from.</summary>
    public int StartIndex { get; }

    /// <summary>The linearisation at this point under its input, computed on the first call and then reused.</summary>
    public Linearization Linearize() => _linearization ??= new Linearization(_dynamics, State, Input);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Kind == FixedPointKind.Fixed ? "fixed" : "slow")} point: q = {Q:G3}, speed {Speed:G3}, {Iterations} iterations from start {StartIndex}");
}
