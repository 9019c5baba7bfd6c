using NeuroRnn.Trials;

namespace NeuroRnn.Training.Force;

/// <summary>
/// What full-FORCE trains an RNN to do, condition by condition: the inputs and desired outputs (a <see cref="TrialBatch"/>,
/// one trial per condition) and, optionally, <b>hint signals</b> — extra target channels per condition and time step,
/// e.g. the activity of sampled units of a circuit the RNN should embed (Salatiello &amp; Giese 2020). Hints drive the
/// target-generating network scaled by <see cref="HintScale"/> (5 in that paper), so the learner's recurrent input must
/// carry them. Build it with <see cref="FromTrials"/> or <see cref="FromArrays"/>; both validate shapes and values.
/// </summary>
public sealed class FullForceTargets
{
    private FullForceTargets(TrialBatch trials, double[] hints, int hintCount, double hintScale)
    {
        Trials = trials;
        Hints = hints;
        HintCount = hintCount;
        HintScale = hintScale;
    }

    /// <summary>Inputs, desired outputs and their mask: one trial per condition.</summary>
    public TrialBatch Trials { get; }

    /// <summary>Hint channels H (0 without hints).</summary>
    public int HintCount { get; }

    /// <summary>
    /// Hint values laid out like <see cref="TrialBatch.Targets"/> with H rows: element (h, condition b) of step t at
    /// <c>(t·B + b)·H + h</c>. Empty without hints.
    /// </summary>
    public double[] Hints { get; }

    /// <summary>Factor on the hints where they drive the target-generating network.</summary>
    public double HintScale { get; }

    /// <summary>Conditions (trials) B.</summary>
    public int ConditionCount => Trials.BatchSize;

    /// <summary>Time steps T.</summary>
    public int Steps => Trials.Steps;

    /// <summary>Targets for <paramref name="trials"/> (one trial per condition), with optional hints.</summary>
    /// <param name="trials">Inputs, desired outputs and mask, e.g. a task's <c>Sample</c> or a recording's conditions.</param>
    /// <param name="hints">Optional hint signals indexed [condition, time step, channel]; must have the trials' condition count and steps.</param>
    /// <param name="hintScale">Factor on the hints in the target-generating network (positive). Default 5 (Salatiello &amp; Giese).</param>
    /// <exception cref="ArgumentException">The trials are invalid, or the hints' condition count or length does not match them, a hint
    /// is not finite, or the scale is not positive (the message names the argument).</exception>
    public static FullForceTargets FromTrials(TrialBatch trials, double[,,]? hints = null, double hintScale = 5)
    {
        ArgumentNullException.ThrowIfNull(trials);
        try
        {
            trials.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The trials are invalid: {e.Message}", nameof(trials), e);
        }
        if (!(hintScale > 0) || !double.IsFinite(hintScale))
            throw new ArgumentException($"The hint scale must be positive and finite, got {hintScale}.", nameof(hintScale));
        if (hints is null) return new FullForceTargets(trials, [], 0, hintScale);
        int conditions = hints.GetLength(0), steps = hints.GetLength(1), channels = hints.GetLength(2);
        if (conditions != trials.BatchSize)
            throw new ArgumentException($"The hints have {conditions} conditions but the task has {trials.BatchSize}; give one hint time course per condition.", nameof(hints));
        if (steps != trials.Steps)
            throw new ArgumentException($"The hints have {steps} time steps per condition but the task's trials have {trials.Steps}.", nameof(hints));
        if (channels == 0)
            throw new ArgumentException("The hints have 0 channels; pass null for no hints.", nameof(hints));
        var layout = new double[steps * conditions * channels];
        for (int b = 0; b < conditions; b++)
            for (int t = 0; t < steps; t++)
                for (int h = 0; h < channels; h++)
                {
                    double v = hints[b, t, h];
                    if (!double.IsFinite(v))
                        throw new ArgumentException($"hints[{b}, {t}, {h}] (condition {b}, step {t}, channel {h}) is {v}; hints must be finite.", nameof(hints));
                    layout[(t * conditions + b) * channels + h] = v;
                }
        return new FullForceTargets(trials, layout, channels, hintScale);
    }

    /// <summary>Targets from plain arrays indexed [condition, time step, channel]; every output counts at every step.</summary>
    /// <param name="inputs">Inputs [condition, step, input channel] (the channel count may be 0).</param>
    /// <param name="outputs">Desired outputs [condition, step, output channel].</param>
    /// <param name="hints">Optional hints [condition, step, hint channel].</param>
    /// <param name="hintScale">Factor on the hints in the target-generating network. Default 5.</param>
    /// <exception cref="ArgumentException">Shapes disagree or a value is not finite (the message names the argument).</exception>
    public static FullForceTargets FromArrays(double[,,] inputs, double[,,] outputs, double[,,]? hints = null, double hintScale = 5)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        int conditions = outputs.GetLength(0), steps = outputs.GetLength(1), outputCount = outputs.GetLength(2), inputCount = inputs.GetLength(2);
        if (conditions == 0 || steps == 0 || outputCount == 0)
            throw new ArgumentException($"The outputs are {conditions}×{steps}×{outputCount} (conditions × steps × channels); none may be 0.", nameof(outputs));
        if (inputs.GetLength(0) != conditions || inputs.GetLength(1) != steps)
            throw new ArgumentException($"The inputs have {inputs.GetLength(0)} conditions × {inputs.GetLength(1)} steps but the outputs {conditions} × {steps}.", nameof(inputs));
        var u = new double[steps * conditions * inputCount];
        var y = new double[steps * conditions * outputCount];
        for (int b = 0; b < conditions; b++)
            for (int t = 0; t < steps; t++)
            {
                for (int i = 0; i < inputCount; i++) u[(t * conditions + b) * inputCount + i] = Finite(inputs[b, t, i], nameof(inputs), b, t, i);
                for (int o = 0; o < outputCount; o++) y[(t * conditions + b) * outputCount + o] = Finite(outputs[b, t, o], nameof(outputs), b, t, o);
            }
        var mask = new double[y.Length];
        Array.Fill(mask, 1.0);
        return FromTrials(new TrialBatch(steps, conditions, inputCount, outputCount, u, y, mask), hints, hintScale);
    }

    private static double Finite(double value, string name, int b, int t, int c) => double.IsFinite(value) ? value
        : throw new ArgumentException($"{name}[{b}, {t}, {c}] (condition {b}, step {t}, channel {c}) is {value}; values must be finite.", name);
}
