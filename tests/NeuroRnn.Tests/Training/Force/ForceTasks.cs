using NeuroRnn.Models;
using NeuroRnn.Trials;
using NeuroRnn.Training.Force;

namespace NeuroRnn.Tests.Training.Force;

/// <summary>Targets the FORCE tests train on, built here from formulas.</summary>
internal static class ForceTasks
{
    /// <summary>
    /// A sum of three sines (periods 60, 150 and 37 steps) produced after a 5-step input pulse that kicks the network
    /// out of x = 0; one trial of <paramref name="steps"/> steps.
    /// </summary>
    public static TrialBatch SumOfSines(int steps = 600)
    {
        var u = new double[steps];
        var y = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            u[t] = t < 5 ? 2 : 0;
            y[t] = Math.Sin(2 * Math.PI * t / 60) + 0.5 * Math.Sin(2 * Math.PI * t / 150) + 0.3 * Math.Sin(2 * Math.PI * t / 37);
        }
        return new TrialBatch(steps, 1, 1, 1, u, y, Enumerable.Repeat(1.0, steps).ToArray());
    }

    /// <summary>Delays of <see cref="IntervalReproduction"/>.</summary>
    public static readonly int[] Delays = [40, 60, 80, 100];

    /// <summary>
    /// Ready-set-go interval reproduction (the timing task DePasquale et al. train with a hint): "ready" and "set" pulses
    /// Δ apart on one input, and an output bump Δ after "set". The hint is a ramp that rises from ready to set and falls
    /// back to zero at "go" at the same rate, the timing variable the network has to keep.
    /// </summary>
    public static FullForceTargets IntervalReproduction(bool withHint, int[]? delays = null)
    {
        delays ??= Delays;
        int conditions = delays.Length, steps = 10 + 2 * delays.Max() + 60;
        var inputs = new double[conditions, steps, 1];
        var outputs = new double[conditions, steps, 1];
        var hints = new double[conditions, steps, 1];
        for (int c = 0; c < conditions; c++)
        {
            int delay = delays[c], ready = 10, set = ready + delay, go = set + delay;
            for (int t = 0; t < steps; t++)
            {
                inputs[c, t, 0] = (t >= ready && t < ready + 5) || (t >= set && t < set + 5) ? 1 : 0;
                outputs[c, t, 0] = Math.Exp(-0.5 * Math.Pow((t - go) / 6.0, 2));
                hints[c, t, 0] = t < ready ? 0 : t < set ? (t - ready) / 100.0 : t < go ? (go - t) / 100.0 : 0;
            }
        }
        return FullForceTargets.FromArrays(inputs, outputs, withHint ? hints : null);
    }

    /// <summary>Σ(y − target)² / Σ target² of the model's outputs (simulated by the rate RNN engine) on <paramref name="trials"/>.</summary>
    public static double NormalisedError(RateRnn model, TrialBatch trials)
    {
        var outputs = model.Run(trials).Outputs;
        double error = 0, power = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            error += Math.Pow(outputs[k] - trials.Targets[k], 2);
            power += trials.Targets[k] * trials.Targets[k];
        }
        return error / power;
    }

    /// <summary>The step of the largest output of each condition.</summary>
    public static int[] PeakSteps(RateRnn model, TrialBatch trials)
    {
        var outputs = model.Run(trials).Outputs;
        int b = trials.BatchSize;
        return Enumerable.Range(0, b).Select(c => Enumerable.Range(0, trials.Steps).MaxBy(t => outputs[t * b + c])).ToArray();
    }
}
