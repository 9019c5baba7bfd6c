using System.Globalization;
using NeuroRnn.Data;
using NeuroRnn.Models;
using NeuroRnn.Tasks;
using NeuroRnn.Trials;

namespace NeuroRnn.Networks;

/// <summary>
/// The bridge from simulated networks to <see cref="Recording"/>s: one recording unit per network unit (or output), one
/// time bin per step, one trial per trial of the batch; the trials table holds the batch's conditions (and, for decision
/// tasks, the network's choice), so every analysis of recorded data runs on model activity unchanged.
/// </summary>
internal static class ActivityRecordings
{
    /// <summary>
    /// Step duration and time zero for <paramref name="task"/>: its own step and stimulus onset for a timed task, else the
    /// network's Dt with zero at the start of the trial.
    /// </summary>
    public static (double DtMs, double OnsetMs) Timing(ITask task, RateRnn model) =>
        task is ITimedTask timed ? (timed.DtMs, timed.StimulusOnsetMs) : (model.Options.Dt, 0);

    /// <summary>Bin times of the T steps: the state after step t is at (t + 1)·dt − onset ms.</summary>
    public static double[] TimeAxis(int steps, double dtMs, double onsetMs)
    {
        var time = new double[steps];
        for (int t = 0; t < steps; t++) time[t] = (t + 1) * dtMs - onsetMs;
        return time;
    }

    /// <summary>
    /// The trials table: <c>trial</c> (index in the batch), every condition of the batch, and for decision tasks the
    /// network's <c>choice</c> (±1, sign of output 0 at the last masked step) and whether it was <c>correct</c> (1/0).
    /// </summary>
    public static ColumnTable TrialsTable(TrialBatch batch, ITask task, ReadOnlySpan<double> outputs)
    {
        var columns = new List<TableColumn> { DoubleColumn.Own("trial", Enumerable.Range(0, batch.BatchSize).Select(b => (double)b).ToArray()) };
        if (batch.Conditions is { } conditions)
            foreach (var (name, values) in conditions)
                if (name != "trial") columns.Add(new DoubleColumn(name, values));
        if (task is IDecisionTask)
        {
            var choices = TaskScoring.Choices(batch, outputs);
            var correct = DecisionScoring.Correct(batch, choices);
            columns.Add(DoubleColumn.Own("choice", choices));
            columns.Add(DoubleColumn.Own("correct", correct));
        }
        return new ColumnTable(batch.BatchSize, columns);
    }

    /// <summary>
    /// The units table of the hidden units: <c>unit</c> ("u000", …), <c>index</c>, and with Dale's law <c>type</c>
    /// ("E"/"I"), with areas <c>area</c>.
    /// </summary>
    public static ColumnTable UnitsTable(RateRnn model)
    {
        int n = model.Options.UnitCount;
        string format = "D" + Math.Max(3, (n - 1).ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
        var columns = new List<TableColumn>
        {
            StringColumn.Own("unit", Enumerable.Range(0, n).Select(i => (string?)("u" + i.ToString(format, CultureInfo.InvariantCulture))).ToArray()),
            DoubleColumn.Own("index", Enumerable.Range(0, n).Select(i => (double)i).ToArray()),
        };
        if (model.Options.DalesLaw)
            columns.Add(StringColumn.Own("type", Enumerable.Range(0, n).Select(i => (string?)(model.IsExcitatory(i) ? "E" : "I")).ToArray()));
        if (model.Options.Areas is { } areas)
        {
            var names = new string?[n];
            int unit = 0;
            foreach (var area in areas)
                for (int k = 0; k < area.Size; k++) names[unit++] = area.Name;
            columns.Add(StringColumn.Own("area", names));
        }
        return new ColumnTable(n, columns);
    }

    /// <summary>The units table of the outputs: <c>unit</c> = "output0", ….</summary>
    public static ColumnTable OutputsTable(int count) =>
        new(count, new TableColumn[] { StringColumn.Own("unit", Enumerable.Range(0, count).Select(o => (string?)("output" + o.ToString(CultureInfo.InvariantCulture))).ToArray()) });

    /// <summary>
    /// <paramref name="signal"/> of <paramref name="trajectory"/> as a recording (steps after a trial's length are NaN:
    /// missing, as in recordings of trials of different lengths).
    /// </summary>
    public static Recording FromTrajectory(RnnTrajectory trajectory, TrialBatch batch, RecordedSignal signal, ColumnTable trials,
        ColumnTable hiddenUnits, double dtMs, double onsetMs, string name)
    {
        var source = signal switch { RecordedSignal.Rates => trajectory.Rates, RecordedSignal.States => trajectory.States, _ => trajectory.Outputs };
        return signal == RecordedSignal.Outputs
            ? FromOutputs(source, trajectory.OutputCount, batch, trials, dtMs, onsetMs, name)
            : FromUnitBlocks(source, trajectory.UnitCount, batch, trials, hiddenUnits, dtMs, onsetMs, name);
    }

    /// <summary>
    /// States or rates in the simulation's layout (steps 0…T, x[0] the initial state, as in <see cref="RnnTrajectory.Rates"/>)
    /// as a recording of the hidden units; steps after a trial's length are NaN.
    /// </summary>
    public static Recording FromUnitBlocks(ReadOnlySpan<double> source, int unitCount, TrialBatch batch, ColumnTable trials,
        ColumnTable hiddenUnits, double dtMs, double onsetMs, string name) =>
        Recording.FromOwned(Rearrange(source, unitCount, batch, firstStep: 1), TimeAxis(batch.Steps, dtMs, onsetMs), trials, hiddenUnits,
            RecordingValueKind.Other, name);

    /// <summary>Outputs in the simulation's layout (steps 0…T−1, as in <see cref="RnnTrajectory.Outputs"/>) as a recording; steps after a trial's length are NaN.</summary>
    public static Recording FromOutputs(ReadOnlySpan<double> source, int outputCount, TrialBatch batch, ColumnTable trials,
        double dtMs, double onsetMs, string name) =>
        Recording.FromOwned(Rearrange(source, outputCount, batch, firstStep: 0), TimeAxis(batch.Steps, dtMs, onsetMs), trials,
            OutputsTable(outputCount), RecordingValueKind.Other, name);

    /// <summary>
    /// Step blocks (units × trials per step, from step <paramref name="firstStep"/>) → units × steps × trials, NaN after
    /// each trial's length.
    /// </summary>
    private static double[] Rearrange(ReadOnlySpan<double> source, int units, TrialBatch batch, int firstStep)
    {
        int steps = batch.Steps, trialsCount = batch.BatchSize;
        var values = new double[(long)units * steps * trialsCount];
        for (int u = 0; u < units; u++)
            for (int t = 0; t < steps; t++)
            {
                long row = ((long)u * steps + t) * trialsCount;
                for (int b = 0; b < trialsCount; b++)
                {
                    bool inside = batch.Lengths is null || t < batch.Lengths[b];
                    values[row + b] = inside ? source[(int)(((long)(t + firstStep) * trialsCount + b) * units + u)] : double.NaN;
                }
            }
        return values;
    }
}
