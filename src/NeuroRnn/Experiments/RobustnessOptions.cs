using NeuroRnn.Data.Synthetic;
using NeuroRnn.Dynamics;
using NeuroRnn.Models;

namespace NeuroRnn.Experiments;

/// <summary>
/// Settings of <see cref="ArchitectureRobustness"/> (the question of Maheswaranathan et al. 2019): the same reaching task
/// (the circuit's muscles from its inputs, no hints) trained with every combination of nonlinearity, size and optimizer.
/// Defaults: tanh, ReLU and softplus; 50 and 100 units; Hessian-free, Adam and full-FORCE; seed 1; fixed points of the
/// autonomous (movement-epoch) dynamics from 16 starts.
/// </summary>
public sealed record RobustnessOptions
{
    /// <summary>The circuit whose muscle outputs every network learns; its <see cref="ReachingCircuitOptions.DirectionsDeg"/> are the conditions.</summary>
    public ReachingCircuitOptions Circuit { get; init; } = new();

    /// <summary>Rate functions to compare. Default tanh, ReLU, softplus.</summary>
    public IReadOnlyList<Nonlinearity> Nonlinearities { get; init; } = [Nonlinearity.Tanh, Nonlinearity.Relu, Nonlinearity.Softplus];

    /// <summary>Network sizes N. Default 50 and 100.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [50, 100];

    /// <summary>Optimizers. Default Hessian-free, Adam, full-FORCE.</summary>
    public IReadOnlyList<EmbedderOptimizer> Optimizers { get; init; } = [EmbedderOptimizer.HessianFree, EmbedderOptimizer.Adam, EmbedderOptimizer.FullForce];

    /// <summary>Seed of every network's initialisation. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Shared network and optimizer settings (the unit count and nonlinearity are replaced per network).</summary>
    public EmbedderOptions Embedder { get; init; } = new();

    /// <summary>SVD components kept for SVCCA. Default 5.</summary>
    public int SvccaComponents { get; init; } = 5;

    /// <summary>
    /// Fixed-point search of each network's autonomous dynamics (input 0, as after the go cue), started from states of its
    /// movement epochs; null = no search. Default 16 starts, at most 100 iterations each.
    /// </summary>
    public FixedPointOptions? FixedPoints { get; init; } = new() { StartCount = 16, MaxIterations = 100 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"RobustnessOptions.{name} {problem}.", name);
        if (Circuit is null) throw Bad(nameof(Circuit), "is null");
        Circuit.Validate();
        if (Embedder is null) throw Bad(nameof(Embedder), "is null");
        Embedder.Validate();
        if (Nonlinearities is null || Nonlinearities.Count == 0) throw Bad(nameof(Nonlinearities), "must list at least one nonlinearity");
        foreach (var f in Nonlinearities)
            if (!Enum.IsDefined(f)) throw Bad(nameof(Nonlinearities), $"has the undefined value {(int)f}");
        if (Sizes is null || Sizes.Count == 0) throw Bad(nameof(Sizes), "must list at least one size");
        foreach (var n in Sizes)
            if (n < 2) throw Bad(nameof(Sizes), $"must each be ≥ 2, got {n}");
        if (Optimizers is null || Optimizers.Count == 0) throw Bad(nameof(Optimizers), "must list at least one optimizer");
        foreach (var o in Optimizers)
            if (!Enum.IsDefined(o)) throw Bad(nameof(Optimizers), $"has the undefined value {(int)o}");
        if (Nonlinearities.Count * Sizes.Count * Optimizers.Count < 2) throw Bad(nameof(Nonlinearities), "× Sizes × Optimizers gives a single network; a comparison needs at least two");
        if (SvccaComponents < 1) throw Bad(nameof(SvccaComponents), $"must be ≥ 1, got {SvccaComponents}");
        FixedPoints?.Validate();
    }
}
