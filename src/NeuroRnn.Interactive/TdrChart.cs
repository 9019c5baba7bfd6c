using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;

namespace NeuroRnn.Interactive;

/// <summary>Condition-averaged trajectories in the subspace of targeted dimensionality reduction (<see cref="TdrAxes"/>).</summary>
public static class TdrChart
{
    /// <summary>
    /// Mante et al.'s figure: one panel per value of <paramref name="panelColumn"/> (e.g. context) and per variable of
    /// <paramref name="yVariables"/> (e.g. motion and colour coherence); in each, the trials of that panel averaged by
    /// (that variable, <paramref name="choiceColumn"/>) and projected onto the axes of <paramref name="xVariable"/> (x, e.g.
    /// choice) and the variable (y), coloured by the variable's value, filled for choice +1 and open for −1.
    /// </summary>
    /// <param name="axes">Fitted axes (<see cref="TargetedDimensionalityReduction.Fit"/>).</param>
    /// <param name="activity">Single-trial activity of the same units, with the columns in its trials table.</param>
    /// <param name="xVariable">Axis on x, e.g. "choice".</param>
    /// <param name="yVariables">Axes on y, one panel column each, e.g. ["motionCoherence", "colourCoherence"].</param>
    /// <param name="panelColumn">Trials-table column whose values make the panel rows, e.g. "context"; null: one row.</param>
    /// <param name="panelNames">Names of the panel rows in the order of the column's sorted values (e.g. ["motion context", "colour context"]).</param>
    /// <param name="choiceColumn">Trials-table column of the ±1 choice.</param>
    /// <exception cref="ArgumentException">A variable is not one of the axes, a column is missing, or the panel names do not match.</exception>
    public static Figure Panels(TdrAxes axes, Recording activity, string xVariable, IReadOnlyList<string> yVariables, string? panelColumn = null,
        IReadOnlyList<string>? panelNames = null, string choiceColumn = "choice")
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(yVariables);
        if (yVariables.Count == 0) throw new ArgumentException("Give at least one variable for the y axes.", nameof(yVariables));
        foreach (var v in yVariables.Append(xVariable))
            if (!axes.Variables.Contains(v)) throw new ArgumentException($"'{v}' is not one of the fitted axes ({string.Join(", ", axes.Variables)}).", nameof(yVariables));
        foreach (var column in new[] { panelColumn, choiceColumn }.OfType<string>().Concat(yVariables))
            if (!activity.Trials.Contains(column)) throw new ArgumentException($"'{column}' is not a trials-table column of activity.", nameof(activity));
        var panelValues = panelColumn is null ? [double.NaN] : activity.Trials.GetDoubles(panelColumn).Distinct().Order().ToArray();
        if (panelNames is not null && panelNames.Count != panelValues.Length)
            throw new ArgumentException($"panelNames has {panelNames.Count} entries but '{panelColumn}' takes {panelValues.Length} values.", nameof(panelNames));

        var panels = new List<TdrPanel>();
        for (int p = 0; p < panelValues.Length; p++)
        {
            var subset = panelColumn is null ? activity : activity.SelectTrials(panelColumn, panelValues[p]);
            string row = panelNames?[p] ?? (panelColumn is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{panelColumn} = {panelValues[p]}"));
            foreach (var variable in yVariables)
            {
                var projected = axes.Project(subset, variable, choiceColumn);
                var conditions = projected.Conditions;
                int count = projected.ConditionCount;
                panels.Add(new TdrPanel
                {
                    Title = row.Length == 0 ? variable : $"{row}: {variable}",
                    AxisTitles = [xVariable, variable],
                    Trajectories = Enumerable.Range(0, count).Select(c => Stack(projected.Trajectory(c, xVariable), projected.Trajectory(c, variable))).ToArray(),
                    Coherence = conditions.GetDoubles(variable),
                    Choice = conditions.GetDoubles(choiceColumn),
                });
            }
        }
        return NeuroCharts.TdrTrajectories(panels, new TdrTrajectoryOptions { Columns = yVariables.Count, CoherenceName = "coherence", MarkerEvery = 10 });
    }

    private static double[,] Stack(double[] x, double[] y)
    {
        var m = new double[x.Length, 2];
        for (int t = 0; t < x.Length; t++) { m[t, 0] = x[t]; m[t, 1] = y[t]; }
        return m;
    }
}
