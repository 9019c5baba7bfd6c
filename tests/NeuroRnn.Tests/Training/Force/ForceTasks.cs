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

    /// <summary>Delays the interval-reproduction tests train on.</summary>
    public static readonly int[] Delays = [40, 60, 80, 100];

    /// <summary><see cref="NeuroRnn.Training.Force.IntervalReproduction"/> with <see cref="Delays"/> unless given.</summary>
    public static FullForceTargets IntervalReproduction(bool withHint, int[]? delays = null) =>
        NeuroRnn.Training.Force.IntervalReproduction.Targets(delays ?? Delays, withHint);

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
