namespace NeuroRnn.Tasks;

/// <summary>
/// Trial timing and evidence statistics of the noisy-evidence decision tasks (<see cref="PerceptualDecisionTask"/>,
/// <see cref="ContextIntegrationTask"/>). With dt = 10 ms the defaults give 50 ms fixation, a 750 ms stimulus
/// (Mante et al. 2013) and a 50 ms response window.
/// </summary>
public sealed record DecisionTaskOptions
{
    /// <summary>Steps before the stimulus (context cues already on, no evidence, output masked).</summary>
    public int FixationSteps { get; init; } = 5;

    /// <summary>Steps of noisy evidence.</summary>
    public int StimulusSteps { get; init; } = 75;

    /// <summary>Steps after the stimulus in which the output must be the choice (±1); only these are masked in.</summary>
    public int ResponseSteps { get; init; } = 5;

    /// <summary>Unsigned coherences; each trial draws one and a random sign per evidence stream.</summary>
    public IReadOnlyList<double> Coherences { get; init; } = [0.05, 0.15, 0.5];

    /// <summary>Evidence at a step is coherence × <see cref="CoherenceGain"/> + <see cref="NoiseStd"/> × N(0, 1).</summary>
    public double CoherenceGain { get; init; } = 1.0;

    /// <summary>Standard deviation of the per-step evidence noise.</summary>
    public double NoiseStd { get; init; } = 1.0;

    /// <summary>Total steps of a trial.</summary>
    public int Steps => FixationSteps + StimulusSteps + ResponseSteps;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (FixationSteps < 0) throw new ArgumentException($"FixationSteps must be ≥ 0, got {FixationSteps}.", nameof(FixationSteps));
        if (StimulusSteps < 1) throw new ArgumentException($"StimulusSteps must be ≥ 1, got {StimulusSteps}.", nameof(StimulusSteps));
        if (ResponseSteps < 1) throw new ArgumentException($"ResponseSteps must be ≥ 1, got {ResponseSteps}.", nameof(ResponseSteps));
        if (Coherences is null || Coherences.Count == 0) throw new ArgumentException("Coherences must list at least one coherence.", nameof(Coherences));
        foreach (double c in Coherences)
            if (!(c > 0) || !double.IsFinite(c)) throw new ArgumentException($"Coherences must be positive and finite, got {c}.", nameof(Coherences));
        if (!double.IsFinite(CoherenceGain) || CoherenceGain <= 0) throw new ArgumentException($"CoherenceGain must be positive, got {CoherenceGain}.", nameof(CoherenceGain));
        if (!double.IsFinite(NoiseStd) || NoiseStd < 0) throw new ArgumentException($"NoiseStd must be ≥ 0, got {NoiseStd}.", nameof(NoiseStd));
    }
}
