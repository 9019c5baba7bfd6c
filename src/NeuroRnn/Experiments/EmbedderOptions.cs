using NeuroRnn.Models;
using NeuroRnn.Training;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Experiments;

/// <summary>
/// The embedder network and how it is trained (<see cref="EmbedderTraining"/>). One bin of the circuit's recording is
/// one Euler step (Dt = the bin width). Defaults: N = 200 tanh units, τ = 50 ms, initial gain 1 and input weights of
/// standard deviation 1 (inputs strong enough to suppress the network's own activity, as in Salatiello &amp; Giese 2020);
/// full-FORCE with α = 10 and a target-generating network of gain 1 (chosen on seed 1 of the reaching circuit among
/// α ∈ {1, 10, 100} and J^D gains {0.5, 1, 1.5}: the best held-out output error with and without hints; see
/// bench/results/sparse-recordings.md).
/// </summary>
public sealed record EmbedderOptions
{
    /// <summary>Number of embedder units N. Default 200.</summary>
    public int UnitCount { get; init; } = 200;

    /// <summary>Time constant τ of the units in ms (at least the recording's bin width). Default 50.</summary>
    public double TauMs { get; init; } = 50;

    /// <summary>Rate function of the units. Default tanh.</summary>
    public Nonlinearity Nonlinearity { get; init; } = Nonlinearity.Tanh;

    /// <summary>Gain g of the initial recurrent weights N(0, g²/N). Default 1.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>Standard deviation of the input weights. Default 1.</summary>
    public double InputWeightStd { get; init; } = 1.0;

    /// <summary>
    /// Total drive of full-FORCE's target-generating network by the (normalised, see <see cref="EmbedderTraining.NormalizeHints"/>)
    /// hints, once there are at least <see cref="FullDriveHintCount"/> of them: each hint is multiplied by HintScale/√H for
    /// H hints, so each unit's hint drive Σ_h u_h·h_h has the same size whether 20 or 200 units are sampled (undivided,
    /// 200 hints scaled by 5 saturate every unit). Default 5 (Salatiello &amp; Giese 2020).
    /// </summary>
    public double HintScale { get; init; } = 5;

    /// <summary>
    /// Number of hints from which on they drive the target-generating network with the full <see cref="HintScale"/>. Fewer
    /// hints keep the per-hint factor HintScale/√FullDriveHintCount, so their total drive grows like √H: two sampled units
    /// span two of the circuit's directions and, at full drive, would fill the embedder's leading components with those two
    /// (SVCCA below output-only; see the hint-drive sweep in bench/results/sparse-recordings.md). 1: every hint count gets
    /// the full drive. Default 20.
    /// </summary>
    public int FullDriveHintCount { get; init; } = 20;

    /// <summary>
    /// Weight of each hint channel in the Hessian-free and Adam loss relative to an output channel. Default 1: every
    /// sampled unit counts as much as a muscle.
    /// </summary>
    public double HintWeight { get; init; } = 1;

    /// <summary>full-FORCE settings. Default: α = 10, an RLS update every 2 steps, J^D gain 1, trial order shuffled.</summary>
    public FullForceOptions FullForce { get; init; } = new() { Regularization = 10, TargetGain = 1 };

    /// <summary>full-FORCE passes over the training conditions. Default 30.</summary>
    public int FullForcePasses { get; init; } = 30;

    /// <summary>Hessian-free settings. Default: λ₀ = 0.1, at most 60 CG steps per iteration.</summary>
    public HessianFreeOptions HessianFree { get; init; } = new() { InitialLambda = 0.1, MaxCgIterations = 60 };

    /// <summary>
    /// Iteration budget of Hessian-free; training ends earlier on <see cref="LossPlateau"/>. Default 100: on the reaching
    /// circuit (N = 100) the training loss keeps falling by more than the plateau rule's 0.5 % per 5 iterations, so every run
    /// uses the budget, but doubling it to 200 moves SVCCA by at most 0.007 and the held-out muscle error by at most 0.007
    /// (bench/results/sparse-recordings-hf-200-iterations.md): the dynamics have converged although the loss has not.
    /// </summary>
    public int HessianFreeIterations { get; init; } = 100;

    /// <summary>Adam settings (the batch is always every training condition). Default: learning rate 3·10⁻³.</summary>
    public AdamOptions Adam { get; init; } = new() { LearningRate = 3e-3 };

    /// <summary>Iteration budget of Adam; training ends earlier on <see cref="LossPlateau"/>. Default 1500.</summary>
    public int AdamIterations { get; init; } = 1500;

    /// <summary>
    /// Plateau of the training loss for Hessian-free and Adam (the recording fitter's rule): training stops once the loss
    /// fell by less than this fraction over the last <see cref="LossPlateauWindow"/> iterations. Default 0.005 (0.5 %);
    /// null: run the whole iteration budget. There is deliberately no wall-time cap: results must not depend on the
    /// machine's load. full-FORCE always runs its <see cref="FullForcePasses"/> (RLS passes are cheap and the loss of one
    /// online pass is not monotone, so a plateau rule would fire on the first noisy pass).
    /// </summary>
    public double? LossPlateau { get; init; } = 0.005;

    /// <summary>Iterations over which <see cref="LossPlateau"/> is measured. Default 5.</summary>
    public int LossPlateauWindow { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"EmbedderOptions.{name} {problem}.", name);
        static bool PositiveFinite(double v) => v > 0 && double.IsFinite(v);
        if (UnitCount < 1) throw Bad(nameof(UnitCount), $"must be ≥ 1, got {UnitCount}");
        if (!PositiveFinite(TauMs)) throw Bad(nameof(TauMs), $"must be positive and finite, got {TauMs}");
        if (!Enum.IsDefined(Nonlinearity)) throw Bad(nameof(Nonlinearity), $"has the undefined value {(int)Nonlinearity}");
        if (!PositiveFinite(Gain)) throw Bad(nameof(Gain), $"must be positive and finite, got {Gain}");
        if (!PositiveFinite(InputWeightStd)) throw Bad(nameof(InputWeightStd), $"must be positive and finite, got {InputWeightStd}");
        if (!PositiveFinite(HintScale)) throw Bad(nameof(HintScale), $"must be positive and finite, got {HintScale}");
        if (FullDriveHintCount < 1) throw Bad(nameof(FullDriveHintCount), $"must be ≥ 1, got {FullDriveHintCount}");
        if (!PositiveFinite(HintWeight)) throw Bad(nameof(HintWeight), $"must be positive and finite, got {HintWeight}");
        if (FullForce is null) throw Bad(nameof(FullForce), "is null");
        if (HessianFree is null) throw Bad(nameof(HessianFree), "is null");
        if (Adam is null) throw Bad(nameof(Adam), "is null");
        if (FullForcePasses < 1) throw Bad(nameof(FullForcePasses), $"must be ≥ 1, got {FullForcePasses}");
        if (HessianFreeIterations < 1) throw Bad(nameof(HessianFreeIterations), $"must be ≥ 1, got {HessianFreeIterations}");
        if (AdamIterations < 1) throw Bad(nameof(AdamIterations), $"must be ≥ 1, got {AdamIterations}");
        if (LossPlateau is { } plateau && !(plateau > 0 && plateau < 1)) throw Bad(nameof(LossPlateau), $"must be in (0, 1), got {plateau}");
        if (LossPlateauWindow < 1) throw Bad(nameof(LossPlateauWindow), $"must be ≥ 1, got {LossPlateauWindow}");
        FullForce.Validate();
        HessianFree.Validate();
        Adam.Validate();
    }
}
