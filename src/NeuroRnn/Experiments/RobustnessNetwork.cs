using NeuroRnn.Models;

namespace NeuroRnn.Experiments;

/// <summary>One network of <see cref="ArchitectureRobustness"/>.</summary>
/// <param name="Label">Short name, e.g. <c>tanh-100-HessianFree</c>.</param>
/// <param name="Nonlinearity">Its rate function.</param>
/// <param name="Units">Its size N.</param>
/// <param name="Optimizer">How it was trained.</param>
/// <param name="OutputError">Normalised output error Σ(y − f)²/Σ(f − f̄)² on the task's conditions.</param>
/// <param name="SvccaWithCircuit">SVCCA between its units and all the circuit's units (NaN when its rates are not finite).</param>
/// <param name="FixedPoints">Fixed points (q below the fixed-point tolerance) of its autonomous dynamics; null without a search.</param>
/// <param name="StableFixedPoints">How many of them are stable (every eigenvalue of the Jacobian has a negative real part).</param>
/// <param name="SlowPoints">Slow points (q below the slow-point tolerance only).</param>
/// <param name="TrainSeconds">Wall time of the training call (provisional on a loaded machine).</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="StopReason">Why training stopped.</param>
public sealed record RobustnessNetwork(string Label, Nonlinearity Nonlinearity, int Units, EmbedderOptimizer Optimizer, double OutputError,
    double SvccaWithCircuit, int? FixedPoints, int? StableFixedPoints, int? SlowPoints, double TrainSeconds, int Iterations, string StopReason);
