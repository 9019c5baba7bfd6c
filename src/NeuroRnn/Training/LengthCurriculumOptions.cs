namespace NeuroRnn.Training;

/// <summary>Settings of a <see cref="LengthCurriculum"/>.</summary>
public sealed record LengthCurriculumOptions
{
    /// <summary>Training length to begin with (capped at the final length). Default 30.</summary>
    public int StartLength { get; init; } = 30;

    /// <summary>Each advance multiplies the length by this (rounded up, at least +1, capped at the final length). Default 1.25.</summary>
    public double Growth { get; init; } = 1.25;

    /// <summary>Advance once the error rate on fresh trials of the current length is below this. Default 0.01.</summary>
    public double AdvanceBelowErrorRate { get; init; } = 0.01;

    /// <summary>Fresh trials of the current length scored after each iteration. Default 400.</summary>
    public int CheckTrials { get; init; } = 400;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (StartLength < 1) throw new ArgumentException($"LengthCurriculumOptions.StartLength must be ≥ 1, got {StartLength}.", nameof(StartLength));
        if (!(Growth > 1) || !double.IsFinite(Growth)) throw new ArgumentException($"LengthCurriculumOptions.Growth must be > 1, got {Growth}.", nameof(Growth));
        if (!(AdvanceBelowErrorRate > 0 && AdvanceBelowErrorRate <= 1))
            throw new ArgumentException($"LengthCurriculumOptions.AdvanceBelowErrorRate must be in (0, 1], got {AdvanceBelowErrorRate}.", nameof(AdvanceBelowErrorRate));
        if (CheckTrials < 1) throw new ArgumentException($"LengthCurriculumOptions.CheckTrials must be ≥ 1, got {CheckTrials}.", nameof(CheckTrials));
    }
}
