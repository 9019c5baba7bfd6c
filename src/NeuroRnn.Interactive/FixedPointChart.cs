using System.Globalization;
using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Data;
using NeuroRnn.Dynamics;

namespace NeuroRnn.Interactive;

/// <summary>Fixed and slow points (<see cref="FixedPointFinder"/>) in the principal-component space of the network's states.</summary>
public static class FixedPointChart
{
    /// <summary>
    /// The points of each search (e.g. one per context) with their stability and slow directions, on top of the network's
    /// state trajectories, in the first two principal components of those trajectories. Trajectory k's colour is the
    /// search it belongs to: the value of <paramref name="groupColumn"/> on its trial (0, 1, … ↔ searches[0], [1], …).
    /// </summary>
    /// <param name="searches">One search result per group.</param>
    /// <param name="names">A name per search (e.g. "motion context").</param>
    /// <param name="states">The network's states (<c>Record(batch, RecordedSignal.States)</c>), best condition-averaged
    /// (<c>GroupTrials(…).Mean</c>) to keep the plot readable; the principal components are fitted to it.</param>
    /// <param name="groupColumn">Trials-table column of <paramref name="states"/> with the group index of each trajectory; null: all group 0.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">Counts differ, a search found no point, the states have another number of units, or the column is missing.</exception>
    public static Figure FromSearches(IReadOnlyList<FixedPointResult> searches, IReadOnlyList<string> names, Recording states,
        string? groupColumn = null, string title = "Slow points and trajectories")
    {
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(states);
        if (searches.Count == 0) throw new ArgumentException("searches is empty.", nameof(searches));
        if (names.Count != searches.Count) throw new ArgumentException($"names has {names.Count} entries for {searches.Count} searches.", nameof(names));
        for (int s = 0; s < searches.Count; s++)
        {
            if (searches[s].Points.Count == 0) throw new ArgumentException($"searches[{s}] ({names[s]}) found no point.", nameof(searches));
            if (searches[s].Points[0].State.Length != states.UnitCount)
                throw new ArgumentException($"searches[{s}] has points of {searches[s].Points[0].State.Length} units but states has {states.UnitCount}.", nameof(states));
        }
        if (groupColumn is not null && !states.Trials.Contains(groupColumn))
            throw new ArgumentException($"'{groupColumn}' is not a trials-table column (columns: {string.Join(", ", states.Trials.ColumnNames)}).", nameof(groupColumn));

        var (basis, trajectories) = Pca.OfTrajectories(states, 2);
        var groups = groupColumn is null ? null : states.Trials.GetDoubles(groupColumn).Select(v => (int)v).ToArray();
        if (groups is not null && groups.Any(g => g < 0 || g >= searches.Count))
            throw new ArgumentException($"Column '{groupColumn}' holds values outside 0…{searches.Count - 1}, one per search.", nameof(groupColumn));

        var rows = searches.SelectMany((s, g) => s.Points.Select(p => (Group: g, Point: p))).ToArray();
        var points = new double[rows.Length, 2];
        var directions = new double[rows.Length, 2];
        for (int k = 0; k < rows.Length; k++)
        {
            var projected = basis.Project(rows[k].Point.State);
            points[k, 0] = projected[0];
            points[k, 1] = projected[1];
            var slow = rows[k].Point.Linearize().SlowDirection;
            for (int c = 0; c < 2; c++)
                directions[k, c] = slow is null ? double.NaN : basis.Components[c].Zip(slow).Sum(z => z.First * z.Second);
        }
        var axes = Enumerable.Range(0, 2).Select(c => string.Create(CultureInfo.InvariantCulture, $"PC{c + 1} ({basis.ExplainedVarianceRatio[c]:P0} of state variance)")).ToArray();
        return NeuroCharts.FixedPointMap(trajectories, groups, points, rows.Select(r => r.Group).ToArray(), new FixedPointMapOptions
        {
            Title = title,
            GroupNames = names,
            AxisTitles = axes,
            PointStable = rows.Select(r => r.Point.Linearize().UnstableModeCount == 0).ToArray(),
            SlowDirections = directions,
        });
    }
}
