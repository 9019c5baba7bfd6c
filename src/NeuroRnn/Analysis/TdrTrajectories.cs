using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>
/// Condition-averaged population trajectories projected onto the task axes of a <see cref="TdrAxes"/>:
/// <c>Values[condition, time, axis]</c>, with the conditions described by <see cref="Conditions"/> (the grouping columns
/// plus <c>n_trials</c>, in order of first occurrence).
/// </summary>
public sealed class TdrTrajectories
{
    internal TdrTrajectories(ColumnTable conditions, double[] timeMs, IReadOnlyList<string> variables, double[,,] values)
    {
        Conditions = conditions;
        TimeMs = timeMs;
        Variables = variables;
        Values = values;
    }

    /// <summary>One row per condition: the values of the grouping columns and the number of trials averaged.</summary>
    public ColumnTable Conditions { get; }

    /// <summary>Bin centres in ms.</summary>
    public double[] TimeMs { get; }

    /// <summary>The task variables whose axes the trajectories are projected onto, in axis order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Projections [condition, time, axis].</summary>
    public double[,,] Values { get; }

    /// <summary>Number of conditions.</summary>
    public int ConditionCount => Values.GetLength(0);

    /// <summary>The projection of condition <paramref name="condition"/> onto the axis of <paramref name="variable"/>, over time.</summary>
    /// <exception cref="ArgumentException">No such variable or condition.</exception>
    public double[] Trajectory(int condition, string variable)
    {
        if ((uint)condition >= (uint)ConditionCount)
            throw new ArgumentException($"Condition {condition} is outside [0, {ConditionCount}).", nameof(condition));
        int axis = TdrAxes.IndexOf(Variables, variable);
        var result = new double[TimeMs.Length];
        for (int t = 0; t < result.Length; t++) result[t] = Values[condition, t, axis];
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"TDR trajectories: {ConditionCount} conditions × {TimeMs.Length} bins on the axes {string.Join(", ", Variables)}";
}
