using MathNet.Numerics;

namespace NeuroRnn.Tasks;

/// <summary>
/// Trial timing (ms) and stimulus statistics of the <see cref="CheckerboardTask"/> (Chandrasekaran, Peixoto, Newsome &amp;
/// Shenoy 2017; the RNN version of Kleinman, Chandrasekaran &amp; Kao 2021). A trial: the two targets (one red, one green;
/// which side is red is drawn per trial) appear at time 0 and stay on; after <see cref="TargetMs"/> the checkerboard
/// appears and stays on to the end of the trial; the network reports the reach direction towards the target whose colour
/// dominates the checkerboard.
/// </summary>
/// <remarks>
/// <para>The checkerboard's signed colour coherence is c = (R − G)/(R + G) of its red and green squares (c &gt; 0: more
/// red). It is presented as two noisy streams, red = (1 + c)/2 + noise and green = (1 − c)/2 + noise, each step's noise
/// N(0, σ_step²) with σ_step = <see cref="NoiseStd"/> · √(<see cref="NoiseReferenceMs"/> / DtMs) independent across
/// streams, steps and trials, so the information per unit of time does not depend on the step.</para>
/// <para>The output must stay at 0 while only the targets are on (the monkey holds still), is free for the first
/// <see cref="DecisionGraceMs"/> after checkerboard onset (the decision forms), and must then report the reach direction
/// (−1 left, +1 right) to the end of the trial.</para>
/// </remarks>
public sealed record CheckerboardTaskOptions
{
    /// <summary>The step at which <see cref="NoiseStd"/> is the per-step noise: 10 ms.</summary>
    public const double NoiseReferenceMs = 10;

    /// <summary>
    /// Duration of one step in ms, also the network's Euler step. Default 20: with the networks' τ = 50 ms (α = 0.4) a
    /// 1-s trial is 50 steps, which keeps Hessian-free training of 150-unit networks to minutes on a shared machine.
    /// </summary>
    public double DtMs { get; init; } = 20;

    /// <summary>Time from target onset to checkerboard onset in ms (targets only, output held at 0). Default 300.</summary>
    public double TargetMs { get; init; } = 300;

    /// <summary>Time the checkerboard is shown, to the end of the trial, in ms. Default 700.</summary>
    public double CheckerboardMs { get; init; } = 700;

    /// <summary>Time after checkerboard onset in which the output is unconstrained (the decision forms) in ms. Default 200.</summary>
    public double DecisionGraceMs { get; init; } = 200;

    /// <summary>
    /// Unsigned colour coherences |R − G|/(R + G); each trial draws one and a random sign (which colour dominates). Default
    /// seven levels from 4 % to 90 %, spanning the monkeys' psychometric range (near chance to near perfect).
    /// </summary>
    public IReadOnlyList<double> Coherences { get; init; } = [0.04, 0.10, 0.18, 0.30, 0.44, 0.60, 0.90];

    /// <summary>Standard deviation of the per-step colour noise at a step of <see cref="NoiseReferenceMs"/>. Default 0.5.</summary>
    public double NoiseStd { get; init; } = 0.5;

    /// <summary>
    /// Output level that counts as committed when reaction times are read off the output (<see cref="CheckerboardTask.ReactionTimes"/>):
    /// the first step after checkerboard onset at which |output| ≥ this. Default 0.5.
    /// </summary>
    public double ReactionThreshold { get; init; } = 0.5;

    /// <summary>Steps of the target period.</summary>
    public int TargetSteps => (int)Math.Round(TargetMs / DtMs);

    /// <summary>Steps of the checkerboard.</summary>
    public int CheckerboardSteps => (int)Math.Round(CheckerboardMs / DtMs);

    /// <summary>Unconstrained steps after checkerboard onset.</summary>
    public int GraceSteps => (int)Math.Round(DecisionGraceMs / DtMs);

    /// <summary>Total steps of a trial.</summary>
    public int Steps => TargetSteps + CheckerboardSteps;

    /// <summary>Standard deviation of the noise of one step of <see cref="DtMs"/>.</summary>
    public double StepNoiseStd => NoiseStd * Math.Sqrt(NoiseReferenceMs / DtMs);

    /// <summary>
    /// Probability that the ideal observer of the whole checkerboard period (before the grace period ends it has
    /// <see cref="GraceSteps"/> steps; we use all checkerboard steps) picks the dominant colour at unsigned coherence c:
    /// the red − green difference summed over K steps has mean c·K and s.d. σ_step·√(2K), so Φ(c·√K / (σ_step·√2)).
    /// </summary>
    public double IdealObserverAccuracy(double coherence)
    {
        double c = Math.Abs(coherence);
        if (StepNoiseStd == 0) return c > 0 ? 1 : 0.5;
        double dPrime = c * Math.Sqrt(CheckerboardSteps) / (StepNoiseStd * Math.Sqrt(2));
        return 0.5 * SpecialFunctions.Erfc(-dPrime / Math.Sqrt(2));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"CheckerboardTaskOptions.{name} {problem}.", name);
        if (!(DtMs > 0) || !double.IsFinite(DtMs)) throw Bad(nameof(DtMs), $"must be positive and finite, got {DtMs}");
        if (!double.IsFinite(TargetMs) || TargetSteps < 1) throw Bad(nameof(TargetMs), $"must last at least one step of DtMs = {DtMs} ms, got {TargetMs}");
        if (!double.IsFinite(CheckerboardMs) || CheckerboardSteps < 1) throw Bad(nameof(CheckerboardMs), $"must last at least one step of DtMs = {DtMs} ms, got {CheckerboardMs}");
        if (!(DecisionGraceMs >= 0) || !double.IsFinite(DecisionGraceMs)) throw Bad(nameof(DecisionGraceMs), $"must be ≥ 0 and finite, got {DecisionGraceMs}");
        if (GraceSteps >= CheckerboardSteps) throw Bad(nameof(DecisionGraceMs), $"= {DecisionGraceMs} ms leaves no response step in the {CheckerboardMs} ms checkerboard period");
        if (Coherences is null || Coherences.Count == 0) throw Bad(nameof(Coherences), "must list at least one coherence");
        foreach (double c in Coherences)
            if (!(c > 0 && c <= 1)) throw Bad(nameof(Coherences), $"must lie in (0, 1] (the sign is drawn per trial), got {c}");
        if (!double.IsFinite(NoiseStd) || NoiseStd < 0) throw Bad(nameof(NoiseStd), $"must be ≥ 0 and finite, got {NoiseStd}");
        if (!(ReactionThreshold > 0 && ReactionThreshold < 1)) throw Bad(nameof(ReactionThreshold), $"must lie in (0, 1) (the output reports ±1), got {ReactionThreshold}");
    }
}
