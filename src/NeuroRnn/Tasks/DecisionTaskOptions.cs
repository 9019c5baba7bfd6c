using MathNet.Numerics;

namespace NeuroRnn.Tasks;

/// <summary>
/// Trial timing (in ms) and evidence statistics of the noisy-evidence decision tasks (<see cref="PerceptualDecisionTask"/>,
/// <see cref="ContextIntegrationTask"/>). The defaults follow the model of Mante, Sussillo, Shenoy &amp; Newsome (2013): a
/// 750 ms stimulus whose evidence streams have signed coherences ±{0.03, 0.12, 0.5}, preceded by a 100 ms period in which
/// only the context cue is on and followed by a 300 ms response window in which the output must report the choice.
/// </summary>
/// <remarks>
/// <para>Durations are converted to steps of <see cref="DtMs"/> by rounding (<see cref="FixationSteps"/> …); the trial the
/// network sees is exactly those steps.</para>
/// <para>Noise model: the evidence of one step is coherence × <see cref="CoherenceGain"/> + σ_step·N(0, 1), independent
/// across steps, streams and trials, with σ_step = <see cref="NoiseStd"/> · √(<see cref="NoiseReferenceMs"/> / DtMs).
/// The evidence summed over the stimulus then has mean c·g·K and standard deviation σ_step·√K (K stimulus steps), so the
/// information a trial carries — and the accuracy of the ideal observer (<see cref="IdealObserverAccuracy(double)"/>) — do
/// not depend on the step.</para>
/// </remarks>
public sealed record DecisionTaskOptions
{
    /// <summary>The step at which <see cref="NoiseStd"/> is the per-step noise: 10 ms, Mante's τ.</summary>
    public const double NoiseReferenceMs = 10;

    /// <summary>
    /// Duration of one step in ms, also the network's Euler step. Default 5: with Mante's τ = 10 ms, α = dt/τ = 0.5, which
    /// keeps a 1,150 ms trial at 230 steps (dt = 1 ms would need 1,150). Fixed and slow points do not depend on the step.
    /// </summary>
    public double DtMs { get; init; } = 5;

    /// <summary>Time before the stimulus (context cue already on, no evidence, output unconstrained) in ms. Default 100.</summary>
    public double FixationMs { get; init; } = 100;

    /// <summary>Duration of the noisy evidence in ms. Default 750 (Mante et al. 2013).</summary>
    public double StimulusMs { get; init; } = 750;

    /// <summary>
    /// Time between the end of the stimulus and the response window in ms: no evidence, output unconstrained — the delay
    /// period of the monkeys' task, over which the integrated evidence must be remembered. Default 0.
    /// </summary>
    public double DelayMs { get; init; }

    /// <summary>
    /// Window after the stimulus (and the delay) in which the output must report the choice (±1) in ms; only it is masked
    /// in. Default 300: the decision is held, with the evidence off, as through the monkeys' delay period. Holding it is
    /// what makes the trained network a line attractor — the loss-optimal output is the graded expectation of the target,
    /// which must persist — whereas with a 50 ms window HF-trained networks (dt 5 ms, 150 iterations) were leaky
    /// integrators (slowest mode 133 ms at the context's fixed point, 4.5× the next) and with 300 ms the slowest mode was
    /// 720 ms, 28× the next, after 30 iterations, at the same accuracy.
    /// </summary>
    public double ResponseMs { get; init; } = 300;

    /// <summary>Unsigned coherences; each trial draws one and a random sign per evidence stream. Default 0.03, 0.12, 0.5.</summary>
    public IReadOnlyList<double> Coherences { get; init; } = [0.03, 0.12, 0.5];

    /// <summary>Evidence at a step is coherence × <see cref="CoherenceGain"/> + noise. Default 1.</summary>
    public double CoherenceGain { get; init; } = 1.0;

    /// <summary>Standard deviation of the per-step evidence noise at a step of <see cref="NoiseReferenceMs"/> (see the remarks). Default 1.</summary>
    public double NoiseStd { get; init; } = 1.0;

    /// <summary>Steps before the stimulus.</summary>
    public int FixationSteps => (int)Math.Round(FixationMs / DtMs);

    /// <summary>Steps of evidence.</summary>
    public int StimulusSteps => (int)Math.Round(StimulusMs / DtMs);

    /// <summary>Steps of the delay.</summary>
    public int DelaySteps => (int)Math.Round(DelayMs / DtMs);

    /// <summary>Steps of the response window.</summary>
    public int ResponseSteps => (int)Math.Round(ResponseMs / DtMs);

    /// <summary>Total steps of a trial.</summary>
    public int Steps => FixationSteps + StimulusSteps + DelaySteps + ResponseSteps;

    /// <summary>Standard deviation of the noise of one step of <see cref="DtMs"/>.</summary>
    public double StepNoiseStd => NoiseStd * Math.Sqrt(NoiseReferenceMs / DtMs);

    /// <summary>
    /// Probability that the ideal observer of one evidence stream chooses the sign of its coherence on a trial of unsigned
    /// coherence <paramref name="coherence"/>: Φ(c·g·√K / σ_step). With Gaussian noise the summed evidence is sufficient, and
    /// because the signs are equally likely and the coherence magnitudes are symmetric, its sign is the optimal choice.
    /// </summary>
    public double IdealObserverAccuracy(double coherence)
    {
        if (!double.IsFinite(coherence)) throw new ArgumentException($"coherence must be finite, got {coherence}.", nameof(coherence));
        double c = Math.Abs(coherence);
        if (StepNoiseStd == 0) return c > 0 ? 1 : 0.5;
        double dPrime = c * CoherenceGain * Math.Sqrt(StimulusSteps) / StepNoiseStd;
        return 0.5 * SpecialFunctions.Erfc(-dPrime / Math.Sqrt(2));
    }

    /// <summary>The ideal observer's accuracy over all trials: the mean over <see cref="Coherences"/> (each equally likely).</summary>
    public double IdealObserverAccuracy() => Coherences.Average(IdealObserverAccuracy);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        static ArgumentException Bad(string name, string problem) => new($"DecisionTaskOptions.{name} {problem}.", name);
        if (!(DtMs > 0) || !double.IsFinite(DtMs)) throw Bad(nameof(DtMs), $"must be positive and finite, got {DtMs}");
        if (!(FixationMs >= 0) || !double.IsFinite(FixationMs)) throw Bad(nameof(FixationMs), $"must be ≥ 0 and finite, got {FixationMs}");
        if (!double.IsFinite(StimulusMs) || StimulusSteps < 1) throw Bad(nameof(StimulusMs), $"must last at least one step of DtMs = {DtMs} ms, got {StimulusMs}");
        if (!(DelayMs >= 0) || !double.IsFinite(DelayMs)) throw Bad(nameof(DelayMs), $"must be ≥ 0 and finite, got {DelayMs}");
        if (!double.IsFinite(ResponseMs) || ResponseSteps < 1) throw Bad(nameof(ResponseMs), $"must last at least one step of DtMs = {DtMs} ms, got {ResponseMs}");
        if (Coherences is null || Coherences.Count == 0) throw Bad(nameof(Coherences), "must list at least one coherence");
        foreach (double c in Coherences)
            if (!(c > 0) || !double.IsFinite(c)) throw Bad(nameof(Coherences), $"must be positive and finite (the sign is drawn per trial), got {c}");
        if (!double.IsFinite(CoherenceGain) || CoherenceGain <= 0) throw Bad(nameof(CoherenceGain), $"must be positive, got {CoherenceGain}");
        if (!double.IsFinite(NoiseStd) || NoiseStd < 0) throw Bad(nameof(NoiseStd), $"must be ≥ 0, got {NoiseStd}");
    }
}
