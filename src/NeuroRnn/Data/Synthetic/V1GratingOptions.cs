namespace NeuroRnn.Data.Synthetic;

/// <summary>Options of <see cref="V1GratingGenerator"/>: the experiment design and the population statistics.</summary>
public sealed record V1GratingOptions
{
    /// <summary>Number of units (default 200).</summary>
    public int Units { get; init; } = 200;

    /// <summary>Number of drift directions, evenly spaced over 360° (default 12: 0, 30, …, 330°, i.e. 6 orientations × 2 directions).</summary>
    public int Directions { get; init; } = 12;

    /// <summary>Trials per direction (default 20).</summary>
    public int TrialsPerDirection { get; init; } = 20;

    /// <summary>Bin width in ms (default 10).</summary>
    public double BinMs { get; init; } = 10;

    /// <summary>Time before stimulus onset in ms (default 300).</summary>
    public double PreStimulusMs { get; init; } = 300;

    /// <summary>Stimulus duration in ms (default 900).</summary>
    public double StimulusMs { get; init; } = 900;

    /// <summary>Time after stimulus offset in ms (default 300).</summary>
    public double PostStimulusMs { get; init; } = 300;

    /// <summary>Fraction of inhibitory units (default 0.2).</summary>
    public double InhibitoryFraction { get; init; } = 0.2;

    /// <summary>Coefficient of variation of the per-trial multiplicative gain (default 0.2; log-normal, mean 1).</summary>
    public double GainCv { get; init; } = 0.2;

    /// <summary>Grating contrast written to the trials table (default 1; it scales nothing else).</summary>
    public double Contrast { get; init; } = 1;

    /// <summary>
    /// Write the expected spike count of every bin (mean rate × bin width, trial gain at its mean of 1) instead of a
    /// Poisson draw: the noise-free trial-averaged response that fitted models can be scored against. Units and trials
    /// are drawn exactly as without it, so the two recordings of one seed line up unit by unit and trial by trial.
    /// </summary>
    public bool ExpectedCounts { get; init; }

    /// <summary>Seed of the xoshiro256** generator; the same seed and options give bit-identical data.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ArgumentException">A count is not positive or a duration is not positive/finite.</exception>
    public void Validate()
    {
        if (Units < 1) throw new ArgumentException($"Units must be ≥ 1, not {Units}.", nameof(Units));
        if (Directions < 1) throw new ArgumentException($"Directions must be ≥ 1, not {Directions}.", nameof(Directions));
        if (TrialsPerDirection < 1) throw new ArgumentException($"TrialsPerDirection must be ≥ 1, not {TrialsPerDirection}.", nameof(TrialsPerDirection));
        if (!(BinMs > 0) || !double.IsFinite(BinMs)) throw new ArgumentException($"BinMs must be positive, not {BinMs}.", nameof(BinMs));
        if (!(PreStimulusMs >= 0) || !(StimulusMs > 0) || !(PostStimulusMs >= 0) || !double.IsFinite(PreStimulusMs + StimulusMs + PostStimulusMs))
            throw new ArgumentException("PreStimulusMs and PostStimulusMs must be ≥ 0 and StimulusMs > 0.", nameof(StimulusMs));
        if (!(InhibitoryFraction >= 0 && InhibitoryFraction <= 1)) throw new ArgumentException($"InhibitoryFraction must be in [0, 1], not {InhibitoryFraction}.", nameof(InhibitoryFraction));
        if (!(GainCv >= 0) || !double.IsFinite(GainCv)) throw new ArgumentException($"GainCv must be ≥ 0, not {GainCv}.", nameof(GainCv));
        long cells = (long)Units * Directions * TrialsPerDirection * (long)Math.Ceiling((PreStimulusMs + StimulusMs + PostStimulusMs) / BinMs);
        if (cells > 500_000_000) throw new ArgumentException($"The dataset would have {cells} values; keep it under 500 million.", nameof(Units));
    }
}
