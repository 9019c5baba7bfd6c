using System.Globalization;
using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>
/// The choice probability of one unit (Britten et al. 1996).
/// </summary>
/// <param name="Value">
/// The grand CP: the ROC area between the responses on preferred-choice and other-choice trials after z-scoring the
/// responses within each condition and pooling the conditions that have enough trials of each choice. 0.5 = no relation.
/// </param>
/// <param name="PValue">Two-sided permutation p-value: (1 + #{|CP* − ½| ≥ |CP − ½|}) / (1 + permutations), choice labels shuffled within conditions; NaN without permutations.</param>
/// <param name="PermutationInterval">The central <see cref="ChoiceProbabilityOptions.IntervalLevel"/> of the permutation (no-relation) distribution of CP*; a CP outside it is significant at that level.</param>
/// <param name="ConditionValues">The ROC area within each condition (in the order conditions are first met), NaN where a condition has too few trials of a choice.</param>
/// <param name="TrialCount">Trials pooled into the grand CP.</param>
/// <param name="ConditionCount">Conditions pooled into the grand CP.</param>
/// <param name="PreferredChoice">The choice value counted as preferred.</param>
public sealed record ChoiceProbabilityResult(double Value, double PValue, ConfidenceInterval PermutationInterval,
    double[] ConditionValues, int TrialCount, int ConditionCount, double PreferredChoice)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CP = {Value:F3} (p = {PValue:G3}, permutation interval {PermutationInterval}) from {TrialCount} trials in {ConditionCount} conditions");
}

/// <summary>
/// Choice probability (Britten, Newsome, Shadlen, Celebrini &amp; Movshon 1996): how well an ideal observer of one unit's
/// response predicts the subject's choice at a fixed stimulus, as the area under the ROC curve between the responses
/// before the two choices. Responses are z-scored within each stimulus condition and pooled into a grand CP;
/// significance by permuting the choice labels within conditions (seeded).
/// </summary>
public static class ChoiceProbability
{
    /// <summary>The CP of one unit from plain arrays.</summary>
    /// <param name="responses">One response per trial (e.g. the mean rate in a window).</param>
    /// <param name="choices">One choice per trial; exactly two distinct values.</param>
    /// <param name="conditions">Stimulus condition per trial (any numbers, e.g. the signed coherence); null = one condition.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, the choices do not take exactly two values, or no condition has enough trials of each choice.</exception>
    public static ChoiceProbabilityResult Compute(double[] responses, double[] choices, double[]? conditions = null, ChoiceProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(choices);
        options ??= new ChoiceProbabilityOptions();
        options.Validate();
        if (choices.Length != responses.Length)
            throw new ArgumentException($"choices has {choices.Length} values but responses has {responses.Length}; give one choice per trial.", nameof(choices));
        if (conditions is not null && conditions.Length != responses.Length)
            throw new ArgumentException($"conditions has {conditions.Length} values but responses has {responses.Length}; give one condition per trial.", nameof(conditions));
        CheckFinite(responses, nameof(responses));
        CheckFinite(choices, nameof(choices));
        if (conditions is not null) CheckFinite(conditions, nameof(conditions));
        double preferred = PreferredChoice(choices, options);
        var groups = conditions is null
            ? [Enumerable.Range(0, responses.Length).ToArray()]
            : conditions.Select((c, k) => (c, k)).GroupBy(p => p.c).Select(g => g.Select(p => p.k).ToArray()).ToArray();
        return Compute(responses, choices, preferred, groups, options, options.Seed);
    }

    /// <summary>
    /// The CP of every unit of <paramref name="recording"/>, from its mean response in [<paramref name="startMs"/>,
    /// <paramref name="endMs"/>) on each trial, with conditions defined by <paramref name="conditionColumns"/> of the trials table.
    /// Unit u's permutations use a seed derived from (Seed, u), so results do not depend on which units are analysed together.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or not numeric, no bin lies in the window, a unit has no finite value in the window on some trial, or see <see cref="Compute(double[], double[], double[], ChoiceProbabilityOptions)"/>.</exception>
    public static ChoiceProbabilityResult[] OfUnits(Recording recording, string choiceColumn, IReadOnlyList<string> conditionColumns,
        double startMs, double endMs, ChoiceProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(choiceColumn);
        ArgumentNullException.ThrowIfNull(conditionColumns);
        options ??= new ChoiceProbabilityOptions();
        options.Validate();
        var choices = NumericColumn(recording.Trials, choiceColumn, nameof(choiceColumn));
        CheckFinite(choices, nameof(choiceColumn));
        foreach (var column in conditionColumns)
            if (!recording.Trials.Contains(column))
                throw new ArgumentException($"The trials table has no column '{column}'. Columns: {string.Join(", ", recording.Trials.ColumnNames)}.", nameof(conditionColumns));
        double preferred = PreferredChoice(choices, options);
        var groups = conditionColumns.Count == 0 ? [Enumerable.Range(0, recording.TrialCount).ToArray()] : recording.GroupTrialIndices(conditionColumns).ToArray();
        var window = recording.WindowMean(startMs, endMs);
        var results = new ChoiceProbabilityResult[recording.UnitCount];
        var responses = new double[recording.TrialCount];
        for (int u = 0; u < recording.UnitCount; u++)
        {
            for (int k = 0; k < responses.Length; k++)
            {
                responses[k] = window[u, k];
                if (!double.IsFinite(responses[k]))
                    throw new ArgumentException($"Unit {u} has no finite value in [{startMs}, {endMs}) ms on trial {k}.", nameof(recording));
            }
            results[u] = Compute(responses, choices, preferred, groups, options, SeededRandom.Derive(options.Seed, 0x43500, u));
        }
        return results;
    }

    private static ChoiceProbabilityResult Compute(double[] responses, double[] choices, double preferred, IReadOnlyList<int[]> groups,
        ChoiceProbabilityOptions options, int seed)
    {
        // Pool the z-scored responses of the qualifying conditions; segments[g] = [start, end) in the pooled arrays.
        var pooled = new List<double>();
        var isPreferred = new List<bool>();
        var segments = new List<(int Start, int End)>();
        var conditionValues = new double[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var trials = groups[g];
            int nPreferred = trials.Count(k => choices[k] == preferred);
            if (nPreferred < options.MinTrialsPerChoice || trials.Length - nPreferred < options.MinTrialsPerChoice)
            {
                conditionValues[g] = double.NaN;
                continue;
            }
            var values = trials.Select(k => responses[k]).ToArray();
            var labels = trials.Select(k => choices[k] == preferred).ToArray();
            conditionValues[g] = RocArea(Ranks(values), labels);
            double mean = values.Average();
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            segments.Add((pooled.Count, pooled.Count + values.Length));
            pooled.AddRange(values.Select(v => sd > 0 ? (v - mean) / sd : 0));
            isPreferred.AddRange(labels);
        }
        if (segments.Count == 0)
            throw new ArgumentException(
                $"No condition has at least {options.MinTrialsPerChoice} trials of each choice, so the choice probability is undefined.", "choices");
        var ranks = Ranks(pooled.ToArray());
        var label = isPreferred.ToArray();
        double cp = RocArea(ranks, label);

        double p = double.NaN;
        var interval = new ConfidenceInterval(double.NaN, double.NaN);
        if (options.Permutations > 0)
        {
            var random = new SeededRandom(seed);
            var shuffled = (bool[])label.Clone();
            var permuted = new double[options.Permutations];
            int extreme = 0;
            for (int r = 0; r < permuted.Length; r++)
            {
                foreach (var (start, end) in segments)
                    for (int i = end - 1; i > start; i--)
                    {
                        int j = random.NextInt(start, i);
                        (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
                    }
                permuted[r] = RocArea(ranks, shuffled);
                if (Math.Abs(permuted[r] - 0.5) >= Math.Abs(cp - 0.5) - 1e-12) extreme++;
            }
            p = (1.0 + extreme) / (1.0 + permuted.Length);
            interval = ConfidenceInterval.Percentile(permuted, options.IntervalLevel);
        }
        return new ChoiceProbabilityResult(cp, p, interval, conditionValues, pooled.Count, segments.Count, preferred);
    }

    /// <summary>Area under the ROC curve from ranks: (R_preferred − n_p(n_p + 1)/2) / (n_p n_other) (Mann–Whitney).</summary>
    private static double RocArea(double[] ranks, bool[] preferred)
    {
        double sum = 0;
        long nPreferred = 0;
        for (int i = 0; i < ranks.Length; i++)
            if (preferred[i]) { sum += ranks[i]; nPreferred++; }
        long nOther = ranks.Length - nPreferred;
        return (sum - nPreferred * (nPreferred + 1) / 2.0) / ((double)nPreferred * nOther);
    }

    /// <summary>Ranks 1…n with ties sharing their average rank.</summary>
    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort((double[])values.Clone(), order);
        var ranks = new double[values.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }

    private static double PreferredChoice(double[] choices, ChoiceProbabilityOptions options)
    {
        var distinct = choices.Distinct().OrderBy(c => c).ToArray();
        if (distinct.Length != 2)
            throw new ArgumentException($"The choices take {distinct.Length} distinct value{(distinct.Length == 1 ? "" : "s")} ({string.Join(", ", distinct.Take(5).Select(c => c.ToString(CultureInfo.InvariantCulture)))}); choice probability needs exactly two.", "choices");
        if (options.PreferredChoice is { } preferred)
            return distinct.Contains(preferred) ? preferred
                : throw new ArgumentException($"ChoiceProbabilityOptions.PreferredChoice = {preferred} is not one of the choices ({distinct[0]}, {distinct[1]}).", nameof(ChoiceProbabilityOptions.PreferredChoice));
        return distinct[1];
    }

    internal static double[] NumericColumn(ColumnTable table, string column, string argument)
    {
        if (!table.Contains(column))
            throw new ArgumentException($"The trials table has no column '{column}'. Columns: {string.Join(", ", table.ColumnNames)}.", argument);
        return table[column] is DoubleColumn d ? d.ToArray()
            : throw new ArgumentException($"The trials-table column '{column}' holds text; it must hold numbers.", argument);
    }

    private static void CheckFinite(double[] values, string name)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k]))
                throw new ArgumentException($"{name}[{k}] is {values[k]}; values must be finite.", name);
    }
}
