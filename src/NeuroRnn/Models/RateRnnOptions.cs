using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// Immutable description of a continuous-time rate RNN integrated with the Euler method:
/// <code>
/// x[t+1] = (1 − α)·x[t] + α·(W f(x[t]) + W_in (u[t] + σ_in η[t]) + b + σ_rec ξ[t]),   α = Dt / Tau
/// z[t]   = W_out f(x[t+1]) + b_out     (or z[t] = f(x[t+1])[ReadoutUnits] for a unit readout)
/// y[t]   = output nonlinearity of OutputKind applied to z[t]
/// </code>
/// The output of step t is read from the state after the update with input u[t] (so T inputs give T outputs).
/// W is the effective recurrent matrix: W = M ⊙ W̃, or with Dale's law W = M ⊙ |W̃| · s_pre, where M is the
/// connectivity mask (sparsity mask, autapses, area connections) and s_pre = +1 for excitatory and −1 for
/// inhibitory presynaptic (column) units. The optimizer sees the unconstrained W̃.
/// Entries outside the connectivity mask stay in the parameter vector (so the layout never depends on the mask)
/// but are set to zero, have zero gradient and a zero Gauss-Newton row and column, so they never move.
/// Frozen parameters (<see cref="FrozenParameters"/>) keep their values and likewise get zero gradient and curvature.
/// </summary>
public sealed record RateRnnOptions
{
    /// <summary>Number of hidden units N (positive). Default 100.</summary>
    public int UnitCount { get; init; } = 100;

    /// <summary>Number of input channels I (≥ 0). Default 1.</summary>
    public int InputCount { get; init; } = 1;

    /// <summary>Number of outputs O (positive). For a unit readout it must equal the number of readout units. Default 1.</summary>
    public int OutputCount { get; init; } = 1;

    /// <summary>Euler time step (positive, ≤ Tau). Default 1.</summary>
    public double Dt { get; init; } = 1.0;

    /// <summary>Time constant τ (positive). Default 10, so α = Dt/Tau = 0.1.</summary>
    public double Tau { get; init; } = 10.0;

    /// <summary>α = Dt / Tau, the fraction of the state replaced per step.</summary>
    public double Alpha => Dt / Tau;

    /// <summary>Rate function of the hidden units. Default tanh.</summary>
    public Nonlinearity Nonlinearity { get; init; } = Nonlinearity.Tanh;

    /// <summary>Output nonlinearity and matching loss. Default linear outputs with squared error.</summary>
    public OutputKind OutputKind { get; init; } = OutputKind.LinearSquaredError;

    /// <summary>
    /// When set, the outputs are the rates of these network units (output o = unit ReadoutUnits[o]) and there is no
    /// W_out or b_out; used to fit recorded neurons. Null (default): a linear readout W_out (O×N) and b_out.
    /// </summary>
    public IReadOnlyList<int>? ReadoutUnits { get; init; }

    /// <summary>Whether the initial state x₀ (one N-vector shared by all trials) is a trained parameter. Default false (x₀ = 0).</summary>
    public bool LearnInitialState { get; init; }

    /// <summary>Standard deviation of Gaussian noise added to the inputs (before W_in). Default 0.</summary>
    public double InputNoiseStd { get; init; }

    /// <summary>Standard deviation σ_rec of the recurrent noise ξ (inside the α(…) term). Default 0.</summary>
    public double RecurrentNoiseStd { get; init; }

    /// <summary>
    /// Seed of the noise. The noise of a batch is a deterministic function of (NoiseSeed, noise index, step, trial,
    /// unit), so a resumed run that replays the same noise indices is bit-identical.
    /// </summary>
    public int NoiseSeed { get; init; }

    /// <summary>Whether units obey Dale's law (each unit's outgoing weights share one sign). Default false.</summary>
    public bool DalesLaw { get; init; }

    /// <summary>Fraction of excitatory units in [0, 1] (per area: the first round(f·size) units of each area are excitatory). Default 0.8.</summary>
    public double ExcitatoryFraction { get; init; } = 0.8;

    /// <summary>With Dale's law: read out only excitatory units (W_out columns of inhibitory units are masked). Default false.</summary>
    public bool ReadoutFromExcitatoryOnly { get; init; }

    /// <summary>
    /// Optional O×N readout mask indexed [output, unit]; false = the unit does not reach the output (e.g. only the last
    /// area of a multi-area network is read out). Combined with <see cref="ReadoutFromExcitatoryOnly"/>. Linear readout only.
    /// </summary>
    public bool[,]? OutputMask { get; init; }

    /// <summary>
    /// With Dale's law: scale each unit's initial inhibitory input weights so that its summed |E| and |I| input weights are
    /// equal, so the network starts balanced (mean recurrent input zero at equal rates) instead of excitation-dominated by
    /// the 4:1 E:I count. Default false.
    /// </summary>
    public bool BalanceInhibition { get; init; }

    /// <summary>Optional N×N recurrent connectivity mask indexed [postsynaptic, presynaptic]; false = no connection.</summary>
    public bool[,]? RecurrentMask { get; init; }

    /// <summary>Whether a unit may connect to itself. Default true.</summary>
    public bool AllowAutapses { get; init; } = true;

    /// <summary>Optional N×I input mask indexed [unit, input]; false = the input does not reach the unit.</summary>
    public bool[,]? InputMask { get; init; }

    /// <summary>Optional per-parameter flags (length <see cref="RateRnnParameterLayout.Count"/>): true = frozen at its value.</summary>
    public bool[]? FrozenParameters { get; init; }

    /// <summary>Optional areas (consecutive unit blocks) whose sizes sum to <see cref="UnitCount"/>.</summary>
    public IReadOnlyList<NetworkArea>? Areas { get; init; }

    /// <summary>
    /// Optional A×A area connection mask indexed [target area, source area] (A = number of areas). Null with areas:
    /// every area projects to every area.
    /// </summary>
    public bool[,]? AreaConnections { get; init; }

    /// <summary>With Dale's law and areas: only excitatory units project between areas. Default false.</summary>
    public bool InterAreaExcitatoryOnly { get; init; }

    /// <summary>Distribution of the initial W̃. Default Gaussian.</summary>
    public WeightInitialization Initialization { get; init; } = WeightInitialization.Gaussian;

    /// <summary>Gain g of the recurrent initialisation (positive). Default 1.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>Incoming nonzero weights per unit of the sparse initialisation. Default 15 (Martens).</summary>
    public int SparseConnectionCount { get; init; } = 15;

    /// <summary>When set, the initial effective W is rescaled to this spectral radius (positive).</summary>
    public double? SpectralRadius { get; init; }

    /// <summary>Standard deviation of the initial W_in entries; null (default): 1/√I.</summary>
    public double? InputWeightStd { get; init; }

    /// <summary>Standard deviation of the initial W_out entries; null (default): 1/√N.</summary>
    public double? OutputWeightStd { get; init; }

    /// <summary>Seed of the initialisation.</summary>
    public int Seed { get; init; }

    /// <summary>Precision of the simulation and derivatives. Default float64.</summary>
    public RnnPrecision Precision { get; init; } = RnnPrecision.Float64;

    /// <summary>Whether the outputs come from a list of units rather than a linear readout.</summary>
    public bool HasUnitReadout => ReadoutUnits is not null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property and its value.</summary>
    public void Validate()
    {
        if (UnitCount <= 0) throw Bad(nameof(UnitCount), $"must be positive, got {UnitCount}");
        if (InputCount < 0) throw Bad(nameof(InputCount), $"must be ≥ 0, got {InputCount}");
        if (OutputCount <= 0) throw Bad(nameof(OutputCount), $"must be positive, got {OutputCount}");
        if (!double.IsFinite(Tau) || Tau <= 0) throw Bad(nameof(Tau), $"must be positive and finite, got {Tau}");
        if (!double.IsFinite(Dt) || Dt <= 0) throw Bad(nameof(Dt), $"must be positive and finite, got {Dt}");
        if (Dt > Tau) throw Bad(nameof(Dt), $"= {Dt} exceeds Tau = {Tau}; Euler integration needs Dt ≤ Tau (α = Dt/Tau ≤ 1)");
        if (!Enum.IsDefined(Nonlinearity)) throw Bad(nameof(Nonlinearity), $"has the undefined value {(int)Nonlinearity}");
        if (!Enum.IsDefined(OutputKind)) throw Bad(nameof(OutputKind), $"has the undefined value {(int)OutputKind}");
        if (!Enum.IsDefined(Initialization)) throw Bad(nameof(Initialization), $"has the undefined value {(int)Initialization}");
        if (!Enum.IsDefined(Precision)) throw Bad(nameof(Precision), $"has the undefined value {(int)Precision}");
        if (!double.IsFinite(InputNoiseStd) || InputNoiseStd < 0) throw Bad(nameof(InputNoiseStd), $"must be ≥ 0 and finite, got {InputNoiseStd}");
        if (!double.IsFinite(RecurrentNoiseStd) || RecurrentNoiseStd < 0) throw Bad(nameof(RecurrentNoiseStd), $"must be ≥ 0 and finite, got {RecurrentNoiseStd}");
        if (!(ExcitatoryFraction >= 0 && ExcitatoryFraction <= 1)) throw Bad(nameof(ExcitatoryFraction), $"must be in [0, 1], got {ExcitatoryFraction}");
        if (!double.IsFinite(Gain) || Gain <= 0) throw Bad(nameof(Gain), $"must be positive and finite, got {Gain}");
        if (SparseConnectionCount <= 0) throw Bad(nameof(SparseConnectionCount), $"must be positive, got {SparseConnectionCount}");
        if (SpectralRadius is { } rho && (!double.IsFinite(rho) || rho <= 0)) throw Bad(nameof(SpectralRadius), $"must be positive and finite, got {rho}");
        if (InputWeightStd is { } si && (!double.IsFinite(si) || si < 0)) throw Bad(nameof(InputWeightStd), $"must be ≥ 0 and finite, got {si}");
        if (OutputWeightStd is { } so && (!double.IsFinite(so) || so < 0)) throw Bad(nameof(OutputWeightStd), $"must be ≥ 0 and finite, got {so}");
        if (ReadoutUnits is { } units)
        {
            if (units.Count != OutputCount)
                throw Bad(nameof(ReadoutUnits), $"lists {units.Count} units but OutputCount is {OutputCount}; a unit readout has one output per listed unit");
            for (int o = 0; o < units.Count; o++)
                if (units[o] < 0 || units[o] >= UnitCount)
                    throw Bad(nameof(ReadoutUnits), $"[{o}] = {units[o]} is not a unit index in [0, {UnitCount})");
        }
        if (ReadoutFromExcitatoryOnly && !DalesLaw) throw Bad(nameof(ReadoutFromExcitatoryOnly), "requires DalesLaw = true");
        if (ReadoutFromExcitatoryOnly && ReadoutUnits is not null) throw Bad(nameof(ReadoutFromExcitatoryOnly), "applies to a linear readout, but ReadoutUnits is set");
        if (InterAreaExcitatoryOnly && !DalesLaw) throw Bad(nameof(InterAreaExcitatoryOnly), "requires DalesLaw = true");
        if (InterAreaExcitatoryOnly && Areas is null) throw Bad(nameof(InterAreaExcitatoryOnly), "requires Areas");
        CheckShape(RecurrentMask, UnitCount, UnitCount, nameof(RecurrentMask), "N×N");
        CheckShape(InputMask, UnitCount, InputCount, nameof(InputMask), "N×I");
        CheckShape(OutputMask, OutputCount, UnitCount, nameof(OutputMask), "O×N");
        if (OutputMask is not null && ReadoutUnits is not null) throw Bad(nameof(OutputMask), "applies to a linear readout, but ReadoutUnits is set");
        if (BalanceInhibition && !DalesLaw) throw Bad(nameof(BalanceInhibition), "requires DalesLaw = true");
        if (Areas is { } areas)
        {
            if (areas.Count == 0) throw Bad(nameof(Areas), "is empty; use null for a single-area network");
            long total = 0;
            for (int k = 0; k < areas.Count; k++)
            {
                if (areas[k] is null) throw Bad(nameof(Areas), $"[{k}] is null");
                if (areas[k].Size <= 0) throw Bad(nameof(Areas), $"[{k}] ('{areas[k].Name}') has size {areas[k].Size}; sizes must be positive");
                total += areas[k].Size;
            }
            if (total != UnitCount) throw Bad(nameof(Areas), $"sizes sum to {total} but UnitCount is {UnitCount}");
            CheckShape(AreaConnections, areas.Count, areas.Count, nameof(AreaConnections), "A×A (A = number of areas)");
        }
        else if (AreaConnections is not null) throw Bad(nameof(AreaConnections), "is set but Areas is null");
        int parameterCount = RateRnnParameterLayout.For(this).Count;
        if (FrozenParameters is { } frozen && frozen.Length != parameterCount)
            throw Bad(nameof(FrozenParameters), $"has {frozen.Length} flags but the model has {parameterCount} parameters");
    }

    private static void CheckShape(bool[,]? mask, int rows, int columns, string name, string shape)
    {
        if (mask is null) return;
        if (mask.GetLength(0) != rows || mask.GetLength(1) != columns)
            throw Bad(name, $"is {mask.GetLength(0)}×{mask.GetLength(1)} but must be {shape} = {rows}×{columns}");
    }

    private static ArgumentException Bad(string property, string problem) =>
        new($"RateRnnOptions.{property} {problem}.", property);
}
