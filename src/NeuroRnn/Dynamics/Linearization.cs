using System.Globalization;
using System.Numerics;
using NeuroRnn.Models;
using NeuroRnn.Numerics;

namespace NeuroRnn.Dynamics;

/// <summary>
/// The linearised dynamics dδx/dt ≈ F(x*; u) + J δx at a state x* under a constant input u (Sussillo &amp; Barak 2013):
/// the Jacobian J = (−I + W diag f′(x*))/τ, its eigenvalues λ_k (sorted by descending real part), right
/// eigenvectors v_k (J v_k = λ_k v_k, unit norm, largest entry real and positive) and left eigenvectors u_k
/// (u_kᴴ J = λ_k u_kᴴ, scaled so that u_kᴴ v_k = 1).
/// <para>Each mode's time constant is τ_k = −1/Re λ_k in the units of the model's τ (negative for a growing mode:
/// its e-folding time with a minus sign). In discrete time the Euler map x ↦ x + Dt·F(x) has the eigenvalues
/// μ_k = 1 + Dt·λ_k (<see cref="DiscreteEigenvalues"/>) with the same eigenvectors, and the mode decays as |μ_k|^step,
/// i.e. with time constant −Dt/ln|μ_k| ≈ τ_k when Dt·|λ_k| ≪ 1.</para>
/// <para>The slowest mode is the one with the smallest |Re λ|. Its right eigenvector is the direction along which the
/// state moves least (the line of an approximate line attractor) and its left eigenvector is the
/// <b>selection vector</b> (Mante et al. 2013): an input pulse δu changes the state along the slow mode by
/// u_slowᵀ W_in δu · Dt/τ per step, so u_slowᵀ W_in[:, i] (<see cref="InputProjections"/>) says how strongly input
/// channel i is integrated.</para>
/// </summary>
public sealed class Linearization
{
    internal Linearization(RateRnnDynamics dynamics, double[] state, double[] input)
    {
        int n = dynamics.UnitCount;
        State = state;
        Input = input;
        Tau = dynamics.Tau;
        Dt = dynamics.Dt;
        var backend = NumericsBackend.Current;
        var drive = dynamics.ConstantDrive(input);
        Velocity = new double[n];
        dynamics.Velocity(backend, state, drive, new double[n], Velocity);
        Speed = Norm(Velocity);
        var jacobian = new double[n * n];
        dynamics.Jacobian(state, new double[n], jacobian);
        Jacobian = RateRnnDynamics.ToRowMajor(jacobian, n);

        var values = new Complex[n];
        var left = new Complex[n * n];
        var right = new Complex[n * n];
        backend.GeneralEigen(n, jacobian, values, left, right);
        Eigenvalues = values;
        RightEigenvectors = Split(right, n);
        LeftEigenvectors = Split(left, n);
        DiscreteEigenvalues = values.Select(l => 1 + Dt * l).ToArray();
        TimeConstants = values.Select(l => -1 / l.Real).ToArray();
        UnstableModeCount = values.Count(l => l.Real > 0);
        SlowestMode = 0;
        for (int k = 1; k < n; k++)
            if (Math.Abs(values[k].Real) < Math.Abs(values[SlowestMode].Real)) SlowestMode = k;
        if (values[SlowestMode].Imaginary == 0)
        {
            SlowDirection = RightEigenvectors[SlowestMode].Select(c => c.Real).ToArray();
            SelectionVector = LeftEigenvectors[SlowestMode].Select(c => c.Real).ToArray();
            InputProjections = new double[dynamics.InputCount];
            for (int i = 0; i < dynamics.InputCount; i++)
            {
                double s = 0;
                for (int unit = 0; unit < n; unit++) s += SelectionVector[unit] * dynamics.InputWeight(unit, i);
                InputProjections[i] = s;
            }
        }
    }

    /// <summary>The state x* linearised around.</summary>
    public double[] State { get; }

    /// <summary>The constant input u.</summary>
    public double[] Input { get; }

    /// <summary>The model's time constant τ.</summary>
    public double Tau { get; }

    /// <summary>The model's Euler step.</summary>
    public double Dt { get; }

    /// <summary>F(x*; u), zero at a fixed point.</summary>
    public double[] Velocity { get; }

    /// <summary>‖F(x*; u)‖ (state units per time unit).</summary>
    public double Speed { get; }

    /// <summary>J = ∂F/∂x at x*, [row i, column j] = ∂F_i/∂x_j, per time unit.</summary>
    public double[,] Jacobian { get; }

    /// <summary>Eigenvalues λ_k of J, by descending real part (the member of a complex pair with positive imaginary part first).</summary>
    public Complex[] Eigenvalues { get; }

    /// <summary>Eigenvalues 1 + Dt·λ_k of the one-step (Euler) map; compare with the unit circle.</summary>
    public Complex[] DiscreteEigenvalues { get; }

    /// <summary>RightEigenvectors[k] = v_k (length N).</summary>
    public Complex[][] RightEigenvectors { get; }

    /// <summary>LeftEigenvectors[k] = u_k (length N), with u_kᴴ v_k = 1.</summary>
    public Complex[][] LeftEigenvectors { get; }

    /// <summary>τ_k = −1/Re λ_k per mode (same order as <see cref="Eigenvalues"/>; negative for growing modes, ∞ for Re λ = 0).</summary>
    public double[] TimeConstants { get; }

    /// <summary>Number of modes with Re λ &gt; 0.</summary>
    public int UnstableModeCount { get; }

    /// <summary>Index of the slowest mode (smallest |Re λ|).</summary>
    public int SlowestMode { get; }

    /// <summary>Right eigenvector of the slowest mode (unit norm), or null when that mode is oscillatory (complex).</summary>
    public double[]? SlowDirection { get; }

    /// <summary>
    /// The selection vector: left eigenvector of the slowest mode, scaled so that selectionᵀ·<see cref="SlowDirection"/> = 1;
    /// null when the slowest mode is oscillatory (then use <see cref="LeftEigenvectors"/>[<see cref="SlowestMode"/>]).
    /// </summary>
    public double[]? SelectionVector { get; }

    /// <summary>selectionᵀ W_in[:, i] for each input channel i (null when <see cref="SelectionVector"/> is).</summary>
    public double[]? InputProjections { get; }

    /// <summary>
    /// How much slower the slowest mode is than the next: |Re λ_next| / |Re λ_slowest|, where λ_next is the mode with
    /// the next smallest |Re λ| (the conjugate partner of an oscillatory slowest mode does not count). For stable modes
    /// this is τ_slowest / τ_next. NaN for fewer than two modes.
    /// </summary>
    public double SlowModeSeparation
    {
        get
        {
            if (Eigenvalues.Length < 2) return double.NaN;
            var slow = Eigenvalues[SlowestMode];
            double next = double.PositiveInfinity;
            for (int k = 0; k < Eigenvalues.Length; k++)
            {
                if (k == SlowestMode || (slow.Imaginary != 0 && Eigenvalues[k] == Complex.Conjugate(slow))) continue;
                next = Math.Min(next, Math.Abs(Eigenvalues[k].Real));
            }
            return double.IsInfinity(next) ? double.NaN : next / Math.Abs(slow.Real);
        }
    }

    /// <summary>One line: speed, modes, stability, the slowest mode and its time constant.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var slow = Eigenvalues.Length == 0 ? Complex.Zero : Eigenvalues[SlowestMode];
        string slowText = slow.Imaginary == 0 ? slow.Real.ToString("G4", ci) : $"{slow.Real.ToString("G4", ci)}±{Math.Abs(slow.Imaginary).ToString("G4", ci)}i";
        return string.Create(ci,
            $"Linearization: {Eigenvalues.Length} modes, {UnstableModeCount} unstable, speed {Speed:G3}; slowest λ = {slowText} (τ = {(Eigenvalues.Length == 0 ? double.NaN : TimeConstants[SlowestMode]):G4}), {SlowModeSeparation:G3}× slower than the next");
    }

    private static Complex[][] Split(Complex[] columnMajor, int n)
    {
        var result = new Complex[n][];
        for (int k = 0; k < n; k++) result[k] = columnMajor.AsSpan(k * n, n).ToArray();
        return result;
    }

    private static double Norm(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v * v;
        return Math.Sqrt(s);
    }
}
