using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Experiments;

/// <summary>
/// Settings of <see cref="SparseRecordingExperiment"/> (Salatiello &amp; Giese 2020): the circuit, the training and
/// held-out reach conditions, the sampled fractions, the optimizers, the seeds and the embedder. Defaults: the default
/// <see cref="ReachingCircuit"/> (200 units, 6 muscles, reaches to 0, 45, …, 315°), held-out reaches halfway between
/// them (22.5, 67.5, …, 337.5°), fractions 1, 2, 5, 10, 20 and 100 % plus output-only, full-FORCE and Hessian-free,
/// seeds 1–3.
/// </summary>
public sealed record SparseRecordingOptions
{
    /// <summary>The circuit; its <see cref="ReachingCircuitOptions.DirectionsDeg"/> are the training conditions.</summary>
    public ReachingCircuitOptions Circuit { get; init; } = new();

    /// <summary>Reach directions in degrees never trained on, where generalisation is scored (must not repeat a training direction).</summary>
    public IReadOnlyList<double> HeldOutDirectionsDeg { get; init; } = [22.5, 67.5, 112.5, 157.5, 202.5, 247.5, 292.5, 337.5];

    /// <summary>Fractions of the circuit's units sampled as hints, each in (0, 1]. Default 1, 2, 5, 10, 20, 100 %.</summary>
    public IReadOnlyList<double> Fractions { get; init; } = [0.01, 0.02, 0.05, 0.10, 0.20, 1.0];

    /// <summary>Also train output-only embedders (fraction 0 in the results). Default true.</summary>
    public bool IncludeOutputOnly { get; init; } = true;

    /// <summary>Optimizers to compare. Default full-FORCE and Hessian-free.</summary>
    public IReadOnlyList<EmbedderOptimizer> Optimizers { get; init; } = [EmbedderOptimizer.FullForce, EmbedderOptimizer.HessianFree];

    /// <summary>Seeds: each gives its own sample of units and its own initial network. Default 1, 2, 3.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    /// <summary>The embedder network and optimizer settings.</summary>
    public EmbedderOptions Embedder { get; init; } = new();

    /// <summary>SVD components kept for SVCCA (the mean of all their canonical correlations is reported). Default 5.</summary>
    public int SvccaComponents { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"SparseRecordingOptions.{name} {problem}.", name);
        if (Circuit is null) throw Bad(nameof(Circuit), "is null");
        Circuit.Validate();
        if (Embedder is null) throw Bad(nameof(Embedder), "is null");
        Embedder.Validate();
        if (HeldOutDirectionsDeg is null || HeldOutDirectionsDeg.Count == 0) throw Bad(nameof(HeldOutDirectionsDeg), "must list at least one reach direction");
        foreach (var d in HeldOutDirectionsDeg)
        {
            if (!double.IsFinite(d)) throw Bad(nameof(HeldOutDirectionsDeg), $"must be finite, got {d}");
            if (Circuit.DirectionsDeg.Any(train => Math.Abs(Wrap(train - d)) < 1e-9))
                throw Bad(nameof(HeldOutDirectionsDeg), $"contains {d}°, which is a training direction (Circuit.DirectionsDeg); held-out conditions must not be trained on");
        }
        if (Fractions is null) throw Bad(nameof(Fractions), "is null");
        foreach (var f in Fractions)
            if (!(f > 0 && f <= 1)) throw Bad(nameof(Fractions), $"must each be in (0, 1] (the share of the circuit's units sampled as hints), got {f}");
        if (Fractions.Count == 0 && !IncludeOutputOnly) throw Bad(nameof(Fractions), "is empty and IncludeOutputOnly is false: nothing to train");
        if (Optimizers is null || Optimizers.Count == 0) throw Bad(nameof(Optimizers), "must list at least one optimizer");
        foreach (var o in Optimizers)
            if (!Enum.IsDefined(o)) throw Bad(nameof(Optimizers), $"has the undefined value {(int)o}");
        if (Seeds is null || Seeds.Count == 0) throw Bad(nameof(Seeds), "must list at least one seed");
        if (SvccaComponents < 1) throw Bad(nameof(SvccaComponents), $"must be ≥ 1, got {SvccaComponents}");
    }

    private static double Wrap(double degrees)
    {
        double r = degrees % 360;
        return r > 180 ? r - 360 : r < -180 ? r + 360 : r;
    }
}
