namespace NeuroRnn.Analysis;

/// <summary>
/// The input currents of every unit at every step of every trial, split by where they come from, all laid out
/// [unit, time, trial] like <see cref="Data.Recording"/> (index (u·T + t)·K + k):
/// <c>Excitatory</c> = Σ_{j excitatory} W_uj r_j (≥ 0 when rates are non-negative), <c>Inhibitory</c> = Σ_{j inhibitory} W_uj r_j
/// (≤ 0), <c>External</c> = the input weights times the task inputs plus the bias, <c>Net</c> = their sum — the α(…) drive
/// of the unit's update. "Excitatory" presynaptic units are those of that type under Dale's law; without Dale's law each
/// connection is classified by its weight's sign (<see cref="SplitBy"/>).
/// </summary>
/// <param name="UnitCount">Units U.</param>
/// <param name="TimeCount">Steps T.</param>
/// <param name="TrialCount">Trials K.</param>
/// <param name="TimeMs">Time of each step.</param>
/// <param name="Excitatory">Recurrent input from excitatory presynaptic units (or positive weights).</param>
/// <param name="Inhibitory">Recurrent input from inhibitory presynaptic units (or negative weights); negative.</param>
/// <param name="External">Input from the task inputs and the bias.</param>
/// <param name="Net">Excitatory + Inhibitory + External.</param>
/// <param name="UnitIsExcitatory">Each unit's type (all true without Dale's law).</param>
/// <param name="SplitBy">"presynaptic type" (Dale's law) or "weight sign".</param>
public sealed record SynapticCurrents(int UnitCount, int TimeCount, int TrialCount, double[] TimeMs,
    double[] Excitatory, double[] Inhibitory, double[] External, double[] Net, bool[] UnitIsExcitatory, string SplitBy)
{
    /// <summary>Index of (unit, time, trial) in the arrays.</summary>
    public int Index(int unit, int time, int trial) => (unit * TimeCount + time) * TrialCount + trial;

    /// <summary>One unit's excitatory, inhibitory and net current averaged over the trials, per step (for time-course charts).</summary>
    public (double[] Excitatory, double[] Inhibitory, double[] Net) TrialAverage(int unit)
    {
        if (unit < 0 || unit >= UnitCount) throw new ArgumentException($"unit {unit} is outside [0, {UnitCount}).", nameof(unit));
        var e = new double[TimeCount];
        var i = new double[TimeCount];
        var n = new double[TimeCount];
        for (int t = 0; t < TimeCount; t++)
        {
            for (int k = 0; k < TrialCount; k++)
            {
                int x = Index(unit, t, k);
                e[t] += Excitatory[x]; i[t] += Inhibitory[x]; n[t] += Net[x];
            }
            e[t] /= TrialCount; i[t] /= TrialCount; n[t] /= TrialCount;
        }
        return (e, i, n);
    }
}
