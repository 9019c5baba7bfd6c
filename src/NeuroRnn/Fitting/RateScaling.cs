namespace NeuroRnn.Fitting;

/// <summary>
/// How recorded rates (Hz) are mapped into the range of the network's rate function before fitting. Every mode divides
/// by a positive scale (Hz per model unit); predictions are multiplied by the same scale, so results are reported in Hz.
/// </summary>
public enum RateScaling
{
    /// <summary>
    /// Each unit is divided by its own peak of the training condition averages, then multiplied by
    /// <see cref="RecordingFitOptions.TargetPeak"/>: every unit spans the same part of the nonlinearity, so weak
    /// units count as much as strong ones in the loss. The default.
    /// </summary>
    PerUnitPeak,

    /// <summary>One scale for all units (the largest peak): relative firing rates are kept, so strong units dominate the loss.</summary>
    GlobalPeak,

    /// <summary>No scaling (scale 1): use when the values are already in the nonlinearity's range.</summary>
    None,
}
