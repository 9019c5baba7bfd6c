using System.Globalization;
using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>
/// Population activity as a samples × units matrix whose samples are the time bins of every trial (condition) laid end
/// to end — the time-and-condition concatenation that CCA, SVCCA and Procrustes comparisons of dynamics work on — and
/// the checks that two recordings describe the same conditions on the same time axis.
/// </summary>
public static class PopulationActivity
{
    /// <summary>
    /// The activity of <paramref name="recording"/> as a (trials · time bins) × units matrix: row k·T + t holds bin t of
    /// trial k.
    /// </summary>
    /// <exception cref="ArgumentException">The recording has a missing (NaN) value.</exception>
    public static double[,] Matrix(Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        int U = recording.UnitCount, T = recording.TimeCount, K = recording.TrialCount;
        var data = recording.Data;
        var result = new double[T * K, U];
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
                for (int k = 0; k < K; k++)
                {
                    double v = data[(u * T + t) * K + k];
                    if (double.IsNaN(v))
                        throw new ArgumentException($"Recording '{recording.Name}' has a missing value (unit {u}, bin {t}, trial {k}); fill or drop it before comparing dynamics.", nameof(recording));
                    result[k * T + t, u] = v;
                }
        return result;
    }

    /// <summary>
    /// The activity matrices of two recordings with matching conditions and time axes, rows in the same order. With
    /// <paramref name="conditionColumns"/> both recordings are first averaged per condition (the trials-table columns
    /// named) and conditions are matched by value, in the order of <paramref name="a"/>; without, trials are matched by
    /// position.
    /// </summary>
    /// <exception cref="ArgumentException">The time axes differ, the trial counts differ (positional matching), a
    /// condition column is missing, or the condition sets differ — naming the argument at fault.</exception>
    public static (double[,] A, double[,] B) Align(Recording a, Recording b, IReadOnlyList<string>? conditionColumns = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckTimeAxes(a, b);
        if (conditionColumns is null)
        {
            if (a.TrialCount != b.TrialCount)
                throw new ArgumentException(
                    $"b ('{b.Name}') has {b.TrialCount} trials but a ('{a.Name}') has {a.TrialCount}; trials are matched by position, so give recordings of the same conditions in the same order, or name the condition columns to match conditions by value.",
                    nameof(b));
            return (Matrix(a), Matrix(b));
        }
        if (conditionColumns.Count == 0) throw new ArgumentException("conditionColumns is empty; give at least one column or null to match trials by position.", nameof(conditionColumns));
        var averageA = Average(a, conditionColumns, nameof(a));
        var averageB = Average(b, conditionColumns, nameof(b));
        var keysA = Keys(averageA, conditionColumns);
        var keysB = Keys(averageB, conditionColumns);
        var indexB = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < keysB.Length; i++) indexB[keysB[i]] = i;
        var missing = keysA.Where(k => !indexB.ContainsKey(k)).ToArray();
        var extra = keysB.Except(keysA, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new ArgumentException(
                $"b ('{b.Name}') and a ('{a.Name}') have different condition sets by {string.Join(", ", conditionColumns)}: " +
                (missing.Length > 0 ? $"missing in b: {Describe(missing)}" : "") + (missing.Length > 0 && extra.Length > 0 ? "; " : "") +
                (extra.Length > 0 ? $"not in a: {Describe(extra)}" : "") + ".",
                nameof(b));
        var order = keysA.Select(k => indexB[k]).ToArray();
        return (Matrix(averageA), Matrix(averageB.SelectTrials(order)));
    }

    /// <summary>
    /// The cumulative fraction of the population's variance (over the time-and-condition samples) explained by its first
    /// 1, 2, …, <paramref name="components"/> principal components — how low-dimensional the dynamics are.
    /// </summary>
    /// <exception cref="ArgumentException">components &lt; 1, a missing value, or no variance.</exception>
    public static double[] CumulativeVarianceExplained(Recording recording, int components = 10)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (components < 1) throw new ArgumentException($"components must be ≥ 1, got {components}.", nameof(components));
        var svd = CenteredSvd.Of(Matrix(recording), nameof(recording));
        if (svd.Rank == 0) throw new ArgumentException($"Recording '{recording.Name}' has no variance.", nameof(recording));
        return svd.CumulativeVariance(components);
    }

    private static Recording Average(Recording recording, IReadOnlyList<string> columns, string argument)
    {
        foreach (var c in columns)
            if (c is null || !recording.Trials.Contains(c))
                throw new ArgumentException($"{argument} ('{recording.Name}') has no trials-table column '{c}' (columns: {string.Join(", ", recording.Trials.ColumnNames)}).", argument);
        return recording.GroupTrials(columns.ToArray()).Mean;
    }

    private static string[] Keys(Recording average, IReadOnlyList<string> columns)
    {
        var cols = columns.Select(c => average.Trials[c]).ToArray();
        return Enumerable.Range(0, average.TrialCount)
            .Select(k => string.Join(", ", cols.Select(c => c.IsMissing(k) ? "(missing)" : c.FormatValue(k))))
            .ToArray();
    }

    private static string Describe(string[] keys) =>
        keys.Length <= 6 ? string.Join("; ", keys) : string.Join("; ", keys.Take(6)) + $"; … ({keys.Length} in all)";

    private static void CheckTimeAxes(Recording a, Recording b)
    {
        if (a.TimeCount != b.TimeCount)
            throw new ArgumentException($"b ('{b.Name}') has {b.TimeCount} time bins but a ('{a.Name}') has {a.TimeCount}; compare recordings on the same time axis (SelectTime, or the same binning).", nameof(b));
        double width = double.IsFinite(a.BinWidthMs) ? a.BinWidthMs : 1;
        var ta = a.TimeMs;
        var tb = b.TimeMs;
        for (int t = 0; t < ta.Length; t++)
            if (Math.Abs(ta[t] - tb[t]) > 1e-6 * Math.Max(1, width))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"b ('{b.Name}') has bin {t} centred at {tb[t]} ms but a ('{a.Name}') at {ta[t]} ms; compare recordings on the same time axis."),
                    nameof(b));
    }
}
