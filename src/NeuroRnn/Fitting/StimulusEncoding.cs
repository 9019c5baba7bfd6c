using NeuroRnn.Data;

namespace NeuroRnn.Fitting;

/// <summary>
/// How a trial's stimulus (one row of the trials table) becomes network input channels. For gratings the default
/// channels are cos 2θ, sin 2θ (orientation), cos θ, sin θ (direction), each multiplied by contrast and present only
/// during the stimulus window, plus a constant 1 "stimulus on" channel. Encoding angles as cosines and sines keeps the
/// input continuous across 0°/180°, so the fitted network can be probed at orientations that were never shown.
/// </summary>
public sealed record StimulusEncoding
{
    /// <summary>Trials-table column with the drift direction in degrees; used when present. Default <c>direction_deg</c>.</summary>
    public string? DirectionColumn { get; init; } = "direction_deg";

    /// <summary>
    /// Trials-table column with the orientation in degrees, used when <see cref="DirectionColumn"/> is null or absent
    /// (the direction channels are then omitted). Default <c>orientation_deg</c>.
    /// </summary>
    public string? OrientationColumn { get; init; } = "orientation_deg";

    /// <summary>Trials-table column multiplying the angle channels; when null or absent the contrast is 1. Default <c>contrast</c>.</summary>
    public string? ContrastColumn { get; init; } = "contrast";

    /// <summary>Include cos θ, sin θ of the direction (when a direction column exists). Default true.</summary>
    public bool IncludeDirection { get; init; } = true;

    /// <summary>Include the constant stimulus-on channel. Default true.</summary>
    public bool IncludeStimulusOn { get; init; } = true;

    /// <summary>
    /// Optional custom encoder replacing the built-in channels: maps a trials-table row to the channel values held during
    /// the stimulus window. It must return the same number of finite values for every trial.
    /// </summary>
    public Func<TableRow, double[]>? Custom { get; init; }

    /// <summary>Stimulus onset in ms on the recording's time axis (used when <see cref="OnsetColumn"/> is null). Default 0.</summary>
    public double OnsetMs { get; init; }

    /// <summary>Stimulus offset in ms (used when <see cref="OffsetColumn"/> is null). Default 900, the shipped V1 protocol.</summary>
    public double OffsetMs { get; init; } = 900;

    /// <summary>
    /// Optional trials-table column with a per-trial onset in ms <em>on the trial's time axis</em> (relative to the event
    /// the trial is aligned to, like <see cref="OnsetMs"/>) — not the session-clock alignment time of a spike table's
    /// trials file. Kept through condition averages when constant within each condition.
    /// </summary>
    public string? OnsetColumn { get; init; }

    /// <summary>Optional trials-table column with a per-trial offset in ms on the trial's time axis (see <see cref="OnsetColumn"/>).</summary>
    public string? OffsetColumn { get; init; }
}
