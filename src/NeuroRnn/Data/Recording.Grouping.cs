using NeuroRnn.Data.Synthetic;

namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>
    /// Groups the trials by the values of <paramref name="columns"/> and averages each group (PSTH with SEM). Conditions
    /// appear in order of first occurrence. Missing values form their own group. The averages' trials table holds the
    /// grouping columns, <c>n_trials</c>, and every other trial column that is constant within each condition.
    /// </summary>
    /// <exception cref="ArgumentException">No column given, or a column does not exist.</exception>
    public ConditionAverage GroupTrials(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("Give at least one trials-table column to group by.", nameof(columns));
        var groups = GroupTrialIndices(columns);
        int g = groups.Count;
        var mean = new double[UnitCount * TimeCount * g];
        var sem = new double[mean.Length];
        int rows = UnitCount * TimeCount;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < g; c++)
            {
                double sum = 0, sumSq = 0;
                int n = 0;
                foreach (int k in groups[c])
                {
                    double v = data[r * TrialCount + k];
                    if (double.IsNaN(v)) continue;
                    sum += v;
                    n++;
                }
                double m = n > 0 ? sum / n : double.NaN;
                foreach (int k in groups[c])
                {
                    double v = data[r * TrialCount + k];
                    if (!double.IsNaN(v)) sumSq += (v - m) * (v - m);
                }
                mean[r * g + c] = m;
                sem[r * g + c] = n > 1 ? Math.Sqrt(sumSq / (n - 1) / n) : double.NaN;
            }
        }
        var firstRows = groups.Select(list => list[0]).ToArray();
        var keyTable = new ColumnTable(g, columns.Select(name => Trials[name].Take(firstRows)))
            .With(new DoubleColumn("n_trials", groups.Select(list => (double)list.Length)));
        // Other trial columns that are constant within every condition (a per-condition stimulus onset, a label) stay.
        foreach (var column in Trials.Columns)
        {
            if (keyTable.Contains(column.Name)) continue;
            bool constant = groups.All(list => list.All(k => column.IsMissing(k) == column.IsMissing(list[0])
                && (column.IsMissing(k) || column.FormatValue(k) == column.FormatValue(list[0]))));
            if (constant) keyTable = keyTable.With(column.Take(firstRows));
        }
        var kind = ValueKind == RecordingValueKind.Counts ? RecordingValueKind.Other : ValueKind;
        return new ConditionAverage(
            Derive(mean, timeMs, keyTable, Units, kind, Name + " (mean)"),
            Derive(sem, timeMs, keyTable, Units, kind, Name + " (SEM)"));
    }

    /// <summary>The trial indices of each condition defined by <paramref name="columns"/>, in order of first occurrence.</summary>
    public IReadOnlyList<int[]> GroupTrialIndices(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var cols = columns.Select(c => Trials[c]).ToArray();
        var order = new List<List<int>>();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < TrialCount; k++)
        {
            // \u001f separates the values so ("a","bc") and ("ab","c") differ; missing values get their own marker.
            string key = string.Join('\u001f', cols.Select(c => c.IsMissing(k) ? "\u0000" : c.FormatValue(k)));
            if (!byKey.TryGetValue(key, out var list))
            {
                list = new List<int>();
                byKey[key] = list;
                order.Add(list);
            }
            list.Add(k);
        }
        return order.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>
    /// Splits the trials into training and test sets, stratified by the conditions in <see cref="TrialSplitOptions.StratifyBy"/>:
    /// in each condition round(n × TestFraction) trials, chosen by a seeded shuffle, go to the test set.
    /// </summary>
    /// <exception cref="ArgumentException">TestFraction is outside [0, 1].</exception>
    public TrialSplit SplitTrials(TrialSplitOptions? options = null)
    {
        options ??= new TrialSplitOptions();
        if (!(options.TestFraction >= 0 && options.TestFraction <= 1))
            throw new ArgumentException($"TestFraction must be in [0, 1], not {options.TestFraction}.", nameof(options));
        var groups = options.StratifyBy.Count == 0
            ? new[] { Enumerable.Range(0, TrialCount).ToArray() }
            : GroupTrialIndices(options.StratifyBy);
        var rng = new Xoshiro256StarStar(options.Seed);
        var test = new List<int>();
        foreach (var group in groups)
        {
            var shuffled = (int[])group.Clone();
            rng.Shuffle(shuffled);
            int nTest = (int)Math.Round(group.Length * options.TestFraction, MidpointRounding.AwayFromZero);
            if (nTest >= group.Length && group.Length > 1) nTest = group.Length - 1;
            if (group.Length == 1) nTest = 0;
            test.AddRange(shuffled.Take(nTest));
        }
        var testSet = new HashSet<int>(test);
        var testIdx = Enumerable.Range(0, TrialCount).Where(testSet.Contains).ToArray();
        var trainIdx = Enumerable.Range(0, TrialCount).Where(k => !testSet.Contains(k)).ToArray();
        return new TrialSplit(SelectTrials(trainIdx), SelectTrials(testIdx), trainIdx, testIdx);
    }
}
