namespace NeuroRnn.Training;

/// <summary>
/// How long to train and what to watch — the settings of one training call, independent of the optimizer.
/// </summary>
public sealed record TrainingRun
{
    /// <summary>Iterations to run in this call (a resumed run continues the iteration count).</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>
    /// Optional validation metric (lower is better, e.g. a test error rate) evaluated on the objective at its
    /// current parameters; the best parameters by this metric are returned in <see cref="TrainingResult.BestParameters"/>.
    /// It must not change the objective's parameters.
    /// </summary>
    public Func<ICurvatureObjective, double>? Validate { get; init; }

    /// <summary>Evaluate <see cref="Validate"/> every this many iterations (and after the last).</summary>
    public int ValidateEvery { get; init; } = 1;

    /// <summary>
    /// Optional target of <see cref="Validate"/>'s metric: training ends (<see cref="StopKind.TargetReached"/>) after the first
    /// validation whose metric is below it — e.g. a task's success criterion on held-out trials. Checked only when the
    /// metric is computed, so <see cref="ValidateEvery"/> is the checking interval.
    /// </summary>
    public double? TargetValidation { get; init; }

    /// <summary>
    /// Optional plateau rule: training ends (<see cref="StopKind.Plateau"/>) after this many validations in a row without a
    /// metric below the best so far. <see cref="TrainingResult.BestParameters"/> then holds the best parameters.
    /// </summary>
    public int? ValidationPatience { get; init; }

    /// <summary>Optional early stop: training ends after an iteration for which this returns true.</summary>
    public Func<IterationStatistics, bool>? StopWhen { get; init; }

    /// <summary>Optional wall-time budget; training ends after the iteration that exceeds it.</summary>
    public TimeSpan? MaxWallTime { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void ThrowIfInvalid()
    {
        if (Iterations < 0) throw new ArgumentException($"Iterations must be ≥ 0, got {Iterations}.", nameof(Iterations));
        if (ValidateEvery < 1) throw new ArgumentException($"ValidateEvery must be ≥ 1, got {ValidateEvery}.", nameof(ValidateEvery));
        if (TargetValidation is { } target && double.IsNaN(target)) throw new ArgumentException("TargetValidation must be a number, got NaN.", nameof(TargetValidation));
        if (ValidationPatience is < 1) throw new ArgumentException($"ValidationPatience must be ≥ 1, got {ValidationPatience}.", nameof(ValidationPatience));
        if ((TargetValidation is not null || ValidationPatience is not null) && Validate is null)
            throw new ArgumentException($"{(TargetValidation is not null ? nameof(TargetValidation) : nameof(ValidationPatience))} needs a Validate metric.", TargetValidation is not null ? nameof(TargetValidation) : nameof(ValidationPatience));
        if (MaxWallTime is { } w && w <= TimeSpan.Zero) throw new ArgumentException($"MaxWallTime must be positive, got {w}.", nameof(MaxWallTime));
    }
}
