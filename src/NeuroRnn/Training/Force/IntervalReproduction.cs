namespace NeuroRnn.Training.Force;

/// <summary>
/// Ready-set-go interval reproduction, the timing task DePasquale et al. (2018) solve with a hint: "ready" and "set"
/// pulses Δ steps apart on one input, and an output bump Δ steps after "set" ("go"). The output is silent for the whole
/// delay, so output feedback (FORCE) carries no timing information; the hint — a ramp rising from "ready" to "set" and
/// falling back to zero at "go" at the same rate — is the timing variable a network can carry instead.
/// </summary>
public static class IntervalReproduction
{
    /// <summary>Step of the "ready" pulse.</summary>
    public const int ReadyStep = 10;

    /// <summary>Length of each input pulse in steps.</summary>
    public const int PulseSteps = 5;

    /// <summary>Steps after the latest "go" in every trial.</summary>
    public const int TrailingSteps = 60;

    /// <summary>The step at which the bump of delay <paramref name="delay"/> peaks.</summary>
    public static int GoStep(int delay) => ReadyStep + 2 * delay;

    /// <summary>
    /// One condition per delay (in steps): inputs, a Gaussian output bump (σ = <paramref name="bumpWidth"/> steps) at "go"
    /// and, with <paramref name="withHint"/>, the ramp hint (slope 1/100 per step). Every trial lasts
    /// <see cref="ReadyStep"/> + 2·max Δ + <see cref="TrailingSteps"/> steps.
    /// </summary>
    /// <exception cref="ArgumentException">No delays, a delay shorter than a pulse, or a non-positive width (the message names it).</exception>
    public static FullForceTargets Targets(IReadOnlyList<int> delays, bool withHint = true, double bumpWidth = 6, double hintScale = 5)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0) throw new ArgumentException("Give at least one delay.", nameof(delays));
        foreach (int d in delays)
            if (d <= PulseSteps) throw new ArgumentException($"Delay {d} is not longer than a {PulseSteps}-step pulse.", nameof(delays));
        if (!(bumpWidth > 0)) throw new ArgumentException($"The bump width must be positive, got {bumpWidth}.", nameof(bumpWidth));
        int conditions = delays.Count, steps = ReadyStep + 2 * delays.Max() + TrailingSteps;
        var inputs = new double[conditions, steps, 1];
        var outputs = new double[conditions, steps, 1];
        var hints = new double[conditions, steps, 1];
        for (int c = 0; c < conditions; c++)
        {
            int set = ReadyStep + delays[c], go = GoStep(delays[c]);
            for (int t = 0; t < steps; t++)
            {
                inputs[c, t, 0] = (t >= ReadyStep && t < ReadyStep + PulseSteps) || (t >= set && t < set + PulseSteps) ? 1 : 0;
                outputs[c, t, 0] = Math.Exp(-0.5 * Math.Pow((t - go) / bumpWidth, 2));
                hints[c, t, 0] = t < ReadyStep ? 0 : t < set ? (t - ReadyStep) / 100.0 : t < go ? (go - t) / 100.0 : 0;
            }
        }
        return FullForceTargets.FromArrays(inputs, outputs, withHint ? hints : null, hintScale);
    }
}
