using NeuroRnn.Models;
using NeuroRnn.Numerics;

namespace NeuroRnn.Dynamics;

/// <summary>
/// The continuous-time vector field of a <see cref="RateRnn"/>, frozen at the parameters it had when
/// <see cref="Of"/> was called:
/// <code>
/// F(x; u) = dx/dt = (−x + W f(x) + W_in u + b) / τ,      J(x) = ∂F/∂x = (−I + W diag f′(x)) / τ
/// </code>
/// W is the effective recurrent matrix exactly as the simulator forms it (connectivity mask, autapses, area
/// connections and Dale's law applied: <see cref="RateRnn.EffectiveRecurrentWeights"/>) and W_in the input weights
/// with the input mask applied. Noise is left out (these are the deterministic dynamics).
/// <para>Relation to the simulation: the model integrates x[t+1] = x[t] + Dt·F(x[t]; u[t]) (Euler with α = Dt/τ),
/// so its fixed points are exactly those of F, and the Jacobian of one step is I + Dt·J, with eigenvalues
/// μ_k = 1 + Dt·λ_k and the same eigenvectors. Time is in the units of <see cref="RateRnnOptions.Tau"/> (ms for the
/// shipped tasks). The analysis is always float64, even for a model simulated in float32.</para>
/// Immutable and thread-safe.
/// </summary>
public sealed class RateRnnDynamics
{
    // Column-major N×N and N×I, as the numerics back-ends expect.
    private readonly double[] _w, _win, _b;

    private RateRnnDynamics(RateRnn model)
    {
        var s = model.Structure;
        UnitCount = s.N;
        InputCount = s.I;
        Tau = s.Options.Tau;
        Dt = s.Options.Dt;
        Nonlinearity = s.Options.Nonlinearity;
        _w = model.EffectiveRecurrentWeights();
        var layout = s.Layout;
        var parameters = model.ParameterSpan;
        _win = layout.Slice(parameters, ParameterBlock.InputWeights).ToArray();
        if (s.InputMask is { } mask)
            for (int k = 0; k < _win.Length; k++) _win[k] *= mask[k];
        _b = layout.Slice(parameters, ParameterBlock.RecurrentBias).ToArray();
    }

    /// <summary>A snapshot of the vector field of <paramref name="model"/> at its current parameters.</summary>
    public static RateRnnDynamics Of(RateRnn model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new RateRnnDynamics(model);
    }

    /// <summary>Number of units N (the state dimension).</summary>
    public int UnitCount { get; }

    /// <summary>Number of input channels I.</summary>
    public int InputCount { get; }

    /// <summary>Time constant τ.</summary>
    public double Tau { get; }

    /// <summary>Euler step of the simulation (the discrete-time map is x ↦ x + Dt·F(x)).</summary>
    public double Dt { get; }

    /// <summary>The rate function f.</summary>
    public Nonlinearity Nonlinearity { get; }

    /// <summary>Input weight of unit <paramref name="unit"/> from channel <paramref name="input"/> (mask applied).</summary>
    public double InputWeight(int unit, int input) => _win[input * UnitCount + unit];

    /// <summary>Column <paramref name="input"/> of W_in (mask applied): how input channel <paramref name="input"/> drives each unit.</summary>
    public double[] InputWeights(int input)
    {
        if ((uint)input >= (uint)InputCount)
            throw new ArgumentException($"Input channel {input} is outside [0, {InputCount}).", nameof(input));
        return _win.AsSpan(input * UnitCount, UnitCount).ToArray();
    }

    /// <summary>F(x; u). A null <paramref name="input"/> means u = 0 (the autonomous system).</summary>
    /// <exception cref="ArgumentException">A length differs from the network's or a value is not finite.</exception>
    public double[] Velocity(double[] state, double[]? input = null)
    {
        CheckState(state, nameof(state));
        var drive = ConstantDrive(input);
        var velocity = new double[UnitCount];
        var rates = new double[UnitCount];
        Velocity(NumericsBackend.Current, state, drive, rates, velocity);
        return velocity;
    }

    /// <summary>J(x) = ∂F/∂x as an N×N array [row i = ∂F_i, column j = ∂x_j]. It does not depend on the input, which enters F additively.</summary>
    /// <exception cref="ArgumentException">The length differs from the network's or a value is not finite.</exception>
    public double[,] Jacobian(double[] state)
    {
        CheckState(state, nameof(state));
        var j = new double[UnitCount * UnitCount];
        var slopes = new double[UnitCount];
        Jacobian(state, slopes, j);
        return ToRowMajor(j, UnitCount);
    }

    /// <summary>The linearisation (Jacobian, eigenmodes, time constants, selection vector) at <paramref name="state"/> under <paramref name="input"/> (null: u = 0).</summary>
    /// <exception cref="ArgumentException">A length differs from the network's or a value is not finite.</exception>
    public Linearization Linearize(double[] state, double[]? input = null)
    {
        CheckState(state, nameof(state));
        var u = CheckInput(input);
        return new Linearization(this, (double[])state.Clone(), u);
    }

    // ------------------------------------------------------------------ allocation-free kernels for the solvers

    /// <summary>W_in u + b for the constant input (a copy; u validated), the part of τF that does not depend on x.</summary>
    internal double[] ConstantDrive(double[]? input)
    {
        var u = CheckInput(input);
        var drive = (double[])_b.Clone();
        for (int i = 0; i < InputCount; i++)
        {
            double ui = u[i];
            if (ui == 0) continue;
            for (int n = 0; n < UnitCount; n++) drive[n] += _win[i * UnitCount + n] * ui;
        }
        return drive;
    }

    /// <summary>F = (−x + W f(x) + drive)/τ into <paramref name="velocity"/>; <paramref name="rates"/> is scratch (length N).</summary>
    internal void Velocity(INumericsBackend backend, ReadOnlySpan<double> state, ReadOnlySpan<double> drive, Span<double> rates, Span<double> velocity)
    {
        int n = UnitCount;
        for (int i = 0; i < n; i++) rates[i] = NonlinearityFunctions.Apply(Nonlinearity, state[i]);
        backend.Gemv(Transpose.None, n, n, 1.0, _w, n, rates, 0.0, velocity);
        double inverseTau = 1 / Tau;
        for (int i = 0; i < n; i++) velocity[i] = (velocity[i] - state[i] + drive[i]) * inverseTau;
    }

    /// <summary>J into the column-major N×N <paramref name="jacobian"/>; <paramref name="slopes"/> is scratch (length N).</summary>
    internal void Jacobian(ReadOnlySpan<double> state, Span<double> slopes, Span<double> jacobian)
    {
        int n = UnitCount;
        double inverseTau = 1 / Tau;
        for (int i = 0; i < n; i++) slopes[i] = NonlinearityFunctions.Derivative(Nonlinearity, state[i]) * inverseTau;
        for (int j = 0; j < n; j++)
        {
            double s = slopes[j];
            var column = jacobian.Slice(j * n, n);
            var wColumn = _w.AsSpan(j * n, n);
            for (int i = 0; i < n; i++) column[i] = wColumn[i] * s;
            column[j] -= inverseTau;
        }
    }

    internal void CheckState(double[] state, string name)
    {
        ArgumentNullException.ThrowIfNull(state, name);
        if (state.Length != UnitCount)
            throw new ArgumentException($"{name} has {state.Length} values but the network has {UnitCount} units.", name);
        for (int i = 0; i < state.Length; i++)
            if (!double.IsFinite(state[i]))
                throw new ArgumentException($"{name}[{i}] is {state[i]}; states must be finite.", name);
    }

    /// <summary>A validated copy of the input (zeros for null).</summary>
    internal double[] CheckInput(double[]? input)
    {
        if (input is null) return new double[InputCount];
        if (input.Length != InputCount)
            throw new ArgumentException($"input has {input.Length} values but the network has {InputCount} input channels.", nameof(input));
        for (int i = 0; i < input.Length; i++)
            if (!double.IsFinite(input[i]))
                throw new ArgumentException($"input[{i}] is {input[i]}; the constant input must be finite.", nameof(input));
        return (double[])input.Clone();
    }

    internal static double[,] ToRowMajor(ReadOnlySpan<double> columnMajor, int n)
    {
        var result = new double[n, n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) result[i, j] = columnMajor[j * n + i];
        return result;
    }
}
