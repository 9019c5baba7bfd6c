using NeuroRnn.Models;
using NeuroRnn.Training;

namespace NeuroRnn.Fitting;

/// <summary>
/// Settings of a fit of a rate RNN to recorded responses (<see cref="RecordingFitter"/>). Defaults suit the shipped
/// synthetic V1 gratings data: all units, 20 ms bins smoothed with a 20 ms Gaussian, τ = 50 ms, 20% of each condition's
/// trials held out.
/// </summary>
/// <remarks>
/// Preprocessing, in order: select <see cref="RecordedUnits"/>; spike counts become rates in Hz; Gaussian smoothing
/// (<see cref="SmoothingMs"/>); the window [<see cref="StartMs"/>, <see cref="EndMs"/>) is cut into bins of
/// <see cref="BinMs"/> (the mean of the source bins whose centres fall in each); trials are split into training and
/// held-out sets, stratified by <see cref="ConditionColumns"/>; rates are divided by the scale of <see cref="Scaling"/>.
/// One bin is one Euler step of the network (Dt = BinMs).
/// </remarks>
public sealed record RecordingFitOptions
{
    /// <summary>Number of network units N; with a unit readout it must be at least the number of fitted units. Default 200.</summary>
    public int UnitCount { get; init; } = 200;

    /// <summary>Time constant τ of the network units in ms (≥ <see cref="BinMs"/>). Default 50.</summary>
    public double TauMs { get; init; } = 50;

    /// <summary>Bin width of the fit in ms, also the Euler step Dt; at least the recording's bin width. Default 20.</summary>
    public double BinMs { get; init; } = 20;

    /// <summary>σ in ms of the Gaussian smoothing applied before binning; 0 = none. Default 20.</summary>
    public double SmoothingMs { get; init; } = 20;

    /// <summary>Start of the fitted window in ms; null = the start of the recording.</summary>
    public double? StartMs { get; init; }

    /// <summary>End of the fitted window in ms; null = the end of the recording.</summary>
    public double? EndMs { get; init; }

    /// <summary>Indices of the recorded units to fit (a subset for sparse-recording experiments); null = all.</summary>
    public IReadOnlyList<int>? RecordedUnits { get; init; }

    /// <summary>How recorded units are compared with the network. Default <see cref="FitReadout.Units"/>.</summary>
    public FitReadout Readout { get; init; } = FitReadout.Units;

    /// <summary>
    /// With the unit readout: the network unit of each fitted recorded unit (distinct, in [0, UnitCount)); null = fitted
    /// unit k ↔ network unit k.
    /// </summary>
    public IReadOnlyList<int>? NetworkUnits { get; init; }

    /// <summary>How the stimulus becomes input channels.</summary>
    public StimulusEncoding Stimulus { get; init; } = new();

    /// <summary>
    /// Trials-table columns that define a condition (for the stratified split and trial averages); null = the encoding's
    /// angle and contrast columns that exist.
    /// </summary>
    public IReadOnlyList<string>? ConditionColumns { get; init; }

    /// <summary>Rate scaling into the nonlinearity's range. Default <see cref="RateScaling.PerUnitPeak"/>.</summary>
    public RateScaling Scaling { get; init; } = RateScaling.PerUnitPeak;

    /// <summary>
    /// The scaled value of a unit's peak. Null (default): <see cref="EffectiveTargetPeak"/> picks it by the rate function —
    /// 0.8 for bounded ones (tanh, sigmoid, rectified tanh: headroom below saturation at 1), 2 for unbounded non-negative ones
    /// (softplus, rectified linear) and for the saturating softplus (softplus-like up to well above 2, ceiling 6). Softplus is exponential below softplus(0) = 0.69, so with a peak of 0.8 most of a unit's
    /// range lies in that tail where gradients are small; measured on the shipped V1 data (bench/results/v1-dale-variants*.md)
    /// a peak of 2 lifts the Dale fit's held-out R² from 0.80 to 0.89 at 15 iterations.
    /// </summary>
    public double? TargetPeak { get; init; }

    /// <summary>The peak in use: <see cref="TargetPeak"/> when set, else 0.8 for a bounded rate function and 2 for softplus/rectified linear/saturating softplus.</summary>
    public double EffectiveTargetPeak => TargetPeak ?? (Constraints.Apply(Network).Nonlinearity is Models.Nonlinearity.Softplus or Models.Nonlinearity.Relu or Models.Nonlinearity.SaturatingSoftplus ? 2.0 : 0.8);

    /// <summary>Fraction of each condition's trials held out for testing, in [0, 1). Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>
    /// Train on condition averages of the training trials (default) rather than on single trials. A deterministic network
    /// driven only by the stimulus has the same least-squares optimum either way (the single-trial loss is the
    /// condition-average loss plus a constant when conditions have equal trial counts; unequal counts are weighted by the
    /// mask), and the averaged batch is much smaller, so each iteration is many times cheaper.
    /// </summary>
    public bool TrainOnConditionAverages { get; init; } = true;

    /// <summary>Seed of the split and of the network initialisation. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Further network settings (nonlinearity, noise, initial gain, precision, Dale's law…). The fitter overrides the unit,
    /// input and output counts, Dt, Tau, readout and seed. Default: tanh units with a learned initial state, simulated and
    /// differentiated in float32 (parameters and optimizer stay float64): twice as fast per CG step as float64 and the same
    /// R² per CG step on the shipped V1 data (bench/results/hf.md, v1-fit).
    /// </summary>
    public RateRnnOptions Network { get; init; } = new() { LearnInitialState = true, Precision = RnnPrecision.Float32 };

    /// <summary>Biological constraints (Dale's law, E/I assignment of recorded units, connectivity mask, non-negative rates). Default: none.</summary>
    public FitConstraints Constraints { get; init; } = new();

    /// <summary>Loss penalties: <see cref="RnnLossOptions.WeightDecay"/> (L2 on the weights) and <see cref="RnnLossOptions.ActivityL2"/> (rate regularisation). Default: none.</summary>
    public RnnLossOptions Loss { get; init; } = new();

    /// <summary>What is minimised: squared error of scaled rates (default) or the Poisson likelihood of spike counts.</summary>
    public FitObjective Objective { get; init; } = FitObjective.SquaredError;

    /// <summary>
    /// Fraction of each condition's training trials set aside as a validation split for early stopping, in [0, 1); 0
    /// (default) = no validation split. With a split, the network with the lowest validation loss is returned and training
    /// stops after <see cref="EarlyStoppingPatience"/> iterations without improvement. Held-out test trials are never used.
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>Iterations without a better validation loss before training stops (with a validation split). Default 10.</summary>
    public int EarlyStoppingPatience { get; init; } = 10;

    /// <summary>
    /// Hessian-free settings. Default: Martens' constants with initial damping λ = 0.01 (with λ = 1 the first iterations
    /// of a fit take tiny steps: the scaled-rate MSE has small curvature) and Martens' CG cap of 250 steps. The fit is
    /// ill-conditioned: from iteration ~10 on CG runs to any cap of 100 or more, and R² against the truth follows the total
    /// number of CG steps; 250 per iteration needs fewer gradients, line searches and iterations than 100 (and 50 or 25 are
    /// worse per CG step). Martens' diagonal preconditioner needed as many CG steps and costs a per-trial gradient
    /// pass, so it is off (bench/results/hf.md, v1-fit).
    /// </summary>
    public HessianFreeOptions Optimizer { get; init; } = new() { MaxCgIterations = 250, InitialLambda = 0.01 };

    /// <summary>
    /// Maximum HF iterations. Default 60: with the default optimizer and precision the shipped V1 fit reaches held-out
    /// R² ≥ 0.90 against the noise-free truth after 23 (≈ 23 CPU-seconds; bench/results/hf.md, v1-fit), and 0.912 after
    /// 60 — at least the 0.910 of the earlier 120-iteration float64 default, so the faster configuration loses no quality
    /// (25 iterations gave 0.902). The loss plateau (<see cref="LossPlateau"/>) ends a fit earlier once it stops improving.
    /// </summary>
    public int Iterations { get; init; } = 60;

    /// <summary>Optional wall-time budget; training stops after the iteration that exceeds it.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Optional target: training stops once the training loss (scaled units) falls below it.</summary>
    public double? TargetMse { get; init; }

    /// <summary>
    /// Plateau of the training loss: training stops (<see cref="StopKind.Plateau"/>) once the loss fell by less than this
    /// fraction over the last <see cref="LossPlateauWindow"/> iterations. Default 0.005 (0.5 %); null: no such stop. Applies with or without a
    /// validation split (which has its own plateau rule, <see cref="EarlyStoppingPatience"/>).
    /// </summary>
    public double? LossPlateau { get; init; } = 0.005;

    /// <summary>Iterations over which <see cref="LossPlateau"/> is measured. Default 5.</summary>
    public int LossPlateauWindow { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"RecordingFitOptions.{name} {problem}.", name);
        if (UnitCount <= 0) throw Bad(nameof(UnitCount), $"must be positive, got {UnitCount}");
        if (!(BinMs > 0) || !double.IsFinite(BinMs)) throw Bad(nameof(BinMs), $"must be positive and finite, got {BinMs}");
        if (!(TauMs > 0) || !double.IsFinite(TauMs)) throw Bad(nameof(TauMs), $"must be positive and finite, got {TauMs}");
        if (TauMs < BinMs) throw Bad(nameof(TauMs), $"= {TauMs} is shorter than BinMs = {BinMs}; the Euler step must not exceed τ");
        if (!(SmoothingMs >= 0) || !double.IsFinite(SmoothingMs)) throw Bad(nameof(SmoothingMs), $"must be ≥ 0 and finite, got {SmoothingMs}");
        if (StartMs is { } s && !double.IsFinite(s)) throw Bad(nameof(StartMs), $"must be finite, got {s}");
        if (EndMs is { } e && !double.IsFinite(e)) throw Bad(nameof(EndMs), $"must be finite, got {e}");
        if (StartMs is { } s2 && EndMs is { } e2 && !(e2 > s2)) throw Bad(nameof(EndMs), $"= {e2} must be after StartMs = {s2}");
        if (RecordedUnits is { Count: 0 }) throw Bad(nameof(RecordedUnits), "is empty; give at least one unit or null for all");
        if (!Enum.IsDefined(Readout)) throw Bad(nameof(Readout), $"has the undefined value {(int)Readout}");
        if (!Enum.IsDefined(Scaling)) throw Bad(nameof(Scaling), $"has the undefined value {(int)Scaling}");
        if (TargetPeak is { } peak && (!(peak > 0) || !double.IsFinite(peak))) throw Bad(nameof(TargetPeak), $"must be positive and finite, got {peak}");
        if (!(TestFraction >= 0 && TestFraction < 1)) throw Bad(nameof(TestFraction), $"must be in [0, 1), got {TestFraction}");
        if (Iterations < 0) throw Bad(nameof(Iterations), $"must be ≥ 0, got {Iterations}");
        if (TimeLimit is { } t && t <= TimeSpan.Zero) throw Bad(nameof(TimeLimit), $"must be positive, got {t}");
        if (LossPlateau is { } p && !(p > 0 && p < 1)) throw Bad(nameof(LossPlateau), $"must be in (0, 1), got {p}");
        if (LossPlateauWindow < 1) throw Bad(nameof(LossPlateauWindow), $"must be ≥ 1, got {LossPlateauWindow}");
        if (TargetMse is { } m && !(m > 0)) throw Bad(nameof(TargetMse), $"must be positive, got {m}");
        if (Stimulus is null) throw Bad(nameof(Stimulus), "is null");
        if (!double.IsFinite(Stimulus.OnsetMs) || !double.IsFinite(Stimulus.OffsetMs)) throw Bad(nameof(Stimulus), "has a non-finite OnsetMs or OffsetMs");
        if (Stimulus.OnsetColumn is null && Stimulus.OffsetColumn is null && !(Stimulus.OffsetMs > Stimulus.OnsetMs))
            throw Bad(nameof(Stimulus), $"window [{Stimulus.OnsetMs}, {Stimulus.OffsetMs}) ms is empty");
        if (Network is null) throw Bad(nameof(Network), "is null");
        if (Loss is null) throw Bad(nameof(Loss), "is null");
        if (Optimizer is null) throw Bad(nameof(Optimizer), "is null");
        if (ConditionColumns is { Count: 0 }) throw Bad(nameof(ConditionColumns), "is empty; give at least one column or null for the default");
        if (NetworkUnits is not null && Readout != FitReadout.Units) throw Bad(nameof(NetworkUnits), "is set but Readout is Linear");
        if (!Enum.IsDefined(Objective)) throw Bad(nameof(Objective), $"has the undefined value {(int)Objective}");
        if (Objective != FitObjective.SquaredError && Readout != FitReadout.Linear)
            throw Bad(nameof(Objective), $"= {Objective} needs Readout = Linear: expected counts are read out as exp (or softplus) of W_out·r + b_out, which a unit's rate in (−1, 1) cannot express");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw Bad(nameof(ValidationFraction), $"must be in [0, 1), got {ValidationFraction}");
        if (EarlyStoppingPatience < 1) throw Bad(nameof(EarlyStoppingPatience), $"must be ≥ 1, got {EarlyStoppingPatience}");
        if (Constraints is null) throw Bad(nameof(Constraints), "is null");
        Constraints.Validate();
        if (Constraints.UnitTypes is not null && Readout != FitReadout.Units) throw Bad(nameof(Constraints), "assigns recorded units to E/I, which needs Readout = Units");
        if (Constraints.UnitTypes is not null && NetworkUnits is not null) throw Bad(nameof(Constraints), "assigns recorded units to E/I, which places them itself; leave NetworkUnits null");
        if (Constraints.FreeUnits == FreeUnitTyping.FitDecides && Readout != FitReadout.Units) throw Bad(nameof(Constraints), "lets the fit type the recorded units (FreeUnits = FitDecides), which needs Readout = Units");
        if (Constraints.FreeUnits == FreeUnitTyping.FitDecides && NetworkUnits is not null) throw Bad(nameof(Constraints), "lets the fit type the recorded units (FreeUnits = FitDecides), which places them itself; leave NetworkUnits null");
        Loss.Validate();
        Optimizer.Validate();
    }
}
