using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive;

/// <summary>State-space trajectories from PCA of population activity.</summary>
public static class TrajectoryChart
{
    /// <summary>
    /// PCA of <paramref name="activity"/> (samples = time × trials, features = units) and a 2-D or 3-D plot of every
    /// trial's trajectory in the leading components, coloured by the value of <paramref name="conditionColumn"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The column is unknown or <paramref name="dimensions"/> is not 2 or 3.</exception>
    public static Figure FromRecording(Recording activity, string conditionColumn, int dimensions = 3, string title = "Population trajectories (PCA)")
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(conditionColumn);
        if (dimensions is not (2 or 3)) throw new ArgumentException($"dimensions must be 2 or 3, got {dimensions}.", nameof(dimensions));
        if (!activity.Trials.Contains(conditionColumn))
            throw new ArgumentException($"'{conditionColumn}' is not a trials-table column (columns: {string.Join(", ", activity.Trials.ColumnNames)}).", nameof(conditionColumn));
        var (basis, trajectories) = Pca.OfTrajectories(activity, dimensions);
        var labels = activity.Trials[conditionColumn];
        var keys = Enumerable.Range(0, activity.TrialCount).Select(labels.FormatValue).ToArray();
        var distinct = keys.Distinct().ToList();
        if (labels is DoubleColumn numbers)
            distinct = distinct.OrderBy(k => numbers[Array.IndexOf(keys, k)]).ToList();
        var conditionOf = keys.Select(k => distinct.IndexOf(k)).ToArray();
        // Plotly lists legend entries in trace order, so draw the trials condition by condition.
        var order = Enumerable.Range(0, keys.Length).OrderBy(k => conditionOf[k]).ThenBy(k => k).ToArray();
        var conditions = order.Select(k => conditionOf[k]).ToArray();
        trajectories = order.Select(k => trajectories[k]).ToArray();
        var axes = Enumerable.Range(0, dimensions)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"PC{k + 1} ({basis.ExplainedVarianceRatio[k]:P0})")).ToArray();
        var options = new StateSpaceOptions { Title = title, ConditionNames = distinct.Select(d => $"{conditionColumn} {d}").ToArray(), AxisTitles = axes };
        return dimensions == 3 ? NeuroCharts.StateSpace3D(trajectories, conditions, options) : NeuroCharts.StateSpace2D(trajectories, conditions, options);
    }

    /// <summary>
    /// Trajectories of all network units of a fit, one simulated trial per condition, coloured by orientation (or the first
    /// condition column when there is no orientation column).
    /// </summary>
    public static Figure FromFit(RecordingFitResult fit, int dimensions = 3)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var conditions = fit.Dataset.Processed.GroupTrials(fit.Dataset.ConditionColumns).Mean.Trials;
        var rates = fit.NetworkRates(conditions);
        string column = fit.Dataset.Processed.Trials.Contains("orientation_deg") && !conditions.Contains("orientation_deg")
            ? AddOrientation(ref rates) : conditions.Contains("orientation_deg") ? "orientation_deg" : fit.Dataset.ConditionColumns[0];
        return FromRecording(rates, column, dimensions, "Model population trajectories (PCA of network rates)");
    }

    private static string AddOrientation(ref Recording rates)
    {
        if (rates.Trials.Contains("direction_deg"))
            rates = rates.WithTrials(rates.Trials.With("orientation_deg", rates.Trials.GetDoubles("direction_deg").Select(d => ((d % 180) + 180) % 180)));
        return rates.Trials.Contains("orientation_deg") ? "orientation_deg" : rates.Trials.ColumnNames[0];
    }
}
