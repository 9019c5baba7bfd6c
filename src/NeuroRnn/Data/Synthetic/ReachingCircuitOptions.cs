namespace NeuroRnn.Data.Synthetic;

/// <summary>
/// Options of <see cref="ReachingCircuit"/>: the circuit (drawn from <see cref="Seed"/>) and the trial design of the
/// sessions it generates. Defaults: 200 motor-cortical units, 6 muscles, 8 reach directions, 100 ms before the target,
/// a 500 ms instructed delay, 800 ms after the go cue, 10 ms bins.
/// </summary>
public sealed record ReachingCircuitOptions
{
    /// <summary>Number of motor-cortical units N (default 200).</summary>
    public int Units { get; init; } = 200;

    /// <summary>Number of muscles whose EMG-like activity the circuit drives (default 6).</summary>
    public int Muscles { get; init; } = 6;

    /// <summary>
    /// Frequencies in Hz of the condition-specific rotational planes of the movement-epoch dynamics, strongest first
    /// (default 1.25, 2, 3 Hz: the 1–3 Hz rotations of Churchland et al. 2012). At least two planes.
    /// </summary>
    public IReadOnlyList<double> RotationFrequenciesHz { get; init; } = [1.25, 2.0, 3.0];

    /// <summary>Amplitude of the preparatory state in each condition-specific plane (same length as the frequencies; default 1, 0.7, 0.25).</summary>
    public IReadOnlyList<double> PlaneAmplitudes { get; init; } = [1.0, 0.7, 0.25];

    /// <summary>
    /// Drive of the condition-independent signal (Kaufman et al. 2016's condition-invariant signal; default 2.5). The hold
    /// charges a hidden drive to this value; after the go cue the drive decays and the visible signal follows it,
    /// c(t) = a (t/τ) e^{−t/τ}: the same bump in every condition, peaking at a/e one time constant after the go cue.
    /// </summary>
    public double ConditionIndependentAmplitude { get; init; } = 2.5;

    /// <summary>Time constant τ of the condition-independent bump in ms (default 150: it peaks 150 ms after the go cue).</summary>
    public double ConditionIndependentTimeConstantMs { get; init; } = 150;

    /// <summary>Decay time constant of the movement-epoch rotations in ms (every plane; default 400), so activity returns towards baseline after the reach.</summary>
    public double DecayMs { get; init; } = 400;

    /// <summary>Time constant in ms of the (critically damped, second-order) approach to the preparatory state after the target appears (default 60).</summary>
    public double PreparatoryTimeConstantMs { get; init; } = 60;

    /// <summary>
    /// Scale of the units' random loadings on the latent state (default 0.4: rates of about 4–55 Hz). Larger values make
    /// the rectifying rate function bite harder, adding nonlinear components to the population activity; with the
    /// default, two populations of the same circuit (<see cref="PopulationSeed"/>) have an SVCCA (5 components) of
    /// 0.98–1.0, so SVCCA measures the dynamics rather than the units' nonlinearities.
    /// </summary>
    public double LoadingScale { get; init; } = 0.4;

    /// <summary>Reach directions in degrees, one condition each (default 0, 45, …, 315).</summary>
    public IReadOnlyList<double> DirectionsDeg { get; init; } = [0, 45, 90, 135, 180, 225, 270, 315];

    /// <summary>Trials per condition (default 1). With <see cref="RateNoiseHz"/> = 0 the trials of a condition are identical.</summary>
    public int TrialsPerCondition { get; init; } = 1;

    /// <summary>Time from the start of a trial to target onset in ms (default 100).</summary>
    public double PreTargetMs { get; init; } = 100;

    /// <summary>Instructed delay from target onset to the go cue in ms (default 500).</summary>
    public double DelayMs { get; init; } = 500;

    /// <summary>Time from the go cue to the end of the trial in ms (default 800).</summary>
    public double MovementMs { get; init; } = 800;

    /// <summary>Bin width in ms (default 10).</summary>
    public double BinMs { get; init; } = 10;

    /// <summary>Standard deviation in Hz of independent Gaussian noise added to every unit's rate in every bin (default 0: noise-free rates).</summary>
    public double RateNoiseHz { get; init; }

    /// <summary>Seed of the xoshiro256** generator: the same seed gives the same circuit and bit-identical sessions.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Optional seed of the units alone (loadings, offsets, baselines, gains): another value gives another sample of
    /// neurons reading the same latent dynamics and driving the same muscles — the reference for how similar two
    /// populations of one circuit can look. Null (default): the units come from <see cref="Seed"/>'s stream.
    /// </summary>
    public ulong? PopulationSeed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"ReachingCircuitOptions.{name} {problem}.", name);
        static bool PositiveFinite(double v) => v > 0 && double.IsFinite(v);
        if (Units < 1) throw Bad(nameof(Units), $"must be ≥ 1, got {Units}");
        if (Muscles < 1) throw Bad(nameof(Muscles), $"must be ≥ 1, got {Muscles}");
        if (RotationFrequenciesHz is null || RotationFrequenciesHz.Count < 2) throw Bad(nameof(RotationFrequenciesHz), "must list at least two frequencies (the muscles read the part of the rotation that leaves the preparatory plane)");
        foreach (var f in RotationFrequenciesHz)
            if (!PositiveFinite(f)) throw Bad(nameof(RotationFrequenciesHz), $"must be positive and finite, got {f}");
        if (PlaneAmplitudes is null || PlaneAmplitudes.Count != RotationFrequenciesHz.Count)
            throw Bad(nameof(PlaneAmplitudes), $"must have one amplitude per rotation frequency ({RotationFrequenciesHz.Count}), got {PlaneAmplitudes?.Count ?? 0}");
        foreach (var a in PlaneAmplitudes)
            if (!PositiveFinite(a)) throw Bad(nameof(PlaneAmplitudes), $"must be positive and finite, got {a}");
        if (!(ConditionIndependentAmplitude >= 0) || !double.IsFinite(ConditionIndependentAmplitude)) throw Bad(nameof(ConditionIndependentAmplitude), $"must be ≥ 0 and finite, got {ConditionIndependentAmplitude}");
        if (!PositiveFinite(ConditionIndependentTimeConstantMs)) throw Bad(nameof(ConditionIndependentTimeConstantMs), $"must be positive and finite, got {ConditionIndependentTimeConstantMs}");
        if (!PositiveFinite(DecayMs)) throw Bad(nameof(DecayMs), $"must be positive and finite, got {DecayMs}");
        if (!PositiveFinite(PreparatoryTimeConstantMs)) throw Bad(nameof(PreparatoryTimeConstantMs), $"must be positive and finite, got {PreparatoryTimeConstantMs}");
        if (!PositiveFinite(LoadingScale)) throw Bad(nameof(LoadingScale), $"must be positive and finite, got {LoadingScale}");
        if (DirectionsDeg is null || DirectionsDeg.Count == 0) throw Bad(nameof(DirectionsDeg), "must list at least one reach direction");
        foreach (var d in DirectionsDeg)
            if (!double.IsFinite(d)) throw Bad(nameof(DirectionsDeg), $"must be finite, got {d}");
        if (TrialsPerCondition < 1) throw Bad(nameof(TrialsPerCondition), $"must be ≥ 1, got {TrialsPerCondition}");
        if (!(PreTargetMs >= 0) || !double.IsFinite(PreTargetMs)) throw Bad(nameof(PreTargetMs), $"must be ≥ 0 and finite, got {PreTargetMs}");
        if (!PositiveFinite(DelayMs)) throw Bad(nameof(DelayMs), $"must be positive and finite, got {DelayMs}");
        if (!PositiveFinite(MovementMs)) throw Bad(nameof(MovementMs), $"must be positive and finite, got {MovementMs}");
        if (!PositiveFinite(BinMs)) throw Bad(nameof(BinMs), $"must be positive and finite, got {BinMs}");
        if (BinMs > DelayMs) throw Bad(nameof(BinMs), $"= {BinMs} is longer than the delay ({DelayMs} ms)");
        if (!(RateNoiseHz >= 0) || !double.IsFinite(RateNoiseHz)) throw Bad(nameof(RateNoiseHz), $"must be ≥ 0 and finite, got {RateNoiseHz}");
        long cells = (long)Units * DirectionsDeg.Count * TrialsPerCondition * (long)Math.Ceiling((PreTargetMs + DelayMs + MovementMs) / BinMs);
        if (cells > 500_000_000) throw Bad(nameof(Units), $"× conditions × trials × bins = {cells} values; keep it under 500 million");
    }
}
