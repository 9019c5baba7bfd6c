using NeuroRnn.Trials;

namespace NeuroRnn.Models;

/// <summary>
/// A simulated batch. States and rates hold steps 0…T (T+1 blocks), outputs steps 0…T−1; every step is a
/// column-major block (units or outputs × trials), so element (i, b) of step t of the states is at
/// <c>(t·BatchSize + b)·UnitCount + i</c> and outputs use the layout of <see cref="Trials.TrialBatch.Targets"/>.
/// </summary>
/// <param name="Steps">Time steps T.</param>
/// <param name="BatchSize">Trials B.</param>
/// <param name="UnitCount">Units N.</param>
/// <param name="OutputCount">Outputs O.</param>
/// <param name="States">x[0..T]: (T+1)·N·B values.</param>
/// <param name="Rates">r[0..T] = f(x): (T+1)·N·B values.</param>
/// <param name="Outputs">y[0..T−1] after the output nonlinearity: T·O·B values.</param>
public sealed record RnnTrajectory(int Steps, int BatchSize, int UnitCount, int OutputCount,
    double[] States, double[] Rates, double[] Outputs)
{
    /// <summary>State of unit <paramref name="unit"/> of trial <paramref name="trial"/> at step <paramref name="step"/> (0…T).</summary>
    public double State(int step, int trial, int unit) => States[(step * BatchSize + trial) * UnitCount + unit];

    /// <summary>Rate of unit <paramref name="unit"/> of trial <paramref name="trial"/> at step <paramref name="step"/> (0…T).</summary>
    public double Rate(int step, int trial, int unit) => Rates[(step * BatchSize + trial) * UnitCount + unit];

    /// <summary>Output <paramref name="output"/> of trial <paramref name="trial"/> at step <paramref name="step"/> (0…T−1).</summary>
    public double Output(int step, int trial, int output) => Outputs[(step * BatchSize + trial) * OutputCount + output];
}
