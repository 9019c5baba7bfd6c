using NeuroRnn.Data;

namespace NeuroRnn.Fitting;

/// <summary>Goodness-of-fit measures between recorded and predicted responses of the same shape.</summary>
public static class FitMetrics
{
    /// <summary>R² = 1 − Σ(p − d)² / Σ(d − mean d)² over the entries where both are finite (NaN when d has no variance).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double RSquared(ReadOnlySpan<double> data, ReadOnlySpan<double> prediction)
    {
        var (sse, sst) = Sums(data, prediction);
        return sst > 0 ? 1 - sse / sst : double.NaN;
    }

    /// <summary>
    /// R² of <paramref name="prediction"/> against <paramref name="data"/>, two frames with the same units, time bins and
    /// trials, computed on single trials: per unit over all (trial, time) entries.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static FitScore SingleTrial(Recording data, Recording prediction)
    {
        CheckSameShape(data, prediction);
        return Score(data, prediction);
    }

    /// <summary>
    /// R² on trial-averaged responses: both frames are averaged over the trials of each condition (defined by
    /// <paramref name="conditionColumns"/> of the data's trials table), then compared per unit over (condition, time).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ or a column is unknown.</exception>
    public static FitScore TrialAveraged(Recording data, Recording prediction, IReadOnlyList<string> conditionColumns)
    {
        CheckSameShape(data, prediction);
        var columns = CheckColumns(data, conditionColumns);
        var d = data.GroupTrials(columns).Mean;
        var p = prediction.WithTrials(data.Trials).GroupTrials(columns).Mean;
        return Score(d, p);
    }

    /// <summary>
    /// The noise ceiling of <see cref="TrialAveraged"/>: the fraction of the variance of each unit's condition averages
    /// that is not trial-to-trial noise, EV = 1 − Σ_{c,t} s²_{c,t}/n_c / SST (s² the across-trial variance, n_c the
    /// trials of condition c). Even the true mean response scores only about EV on held-out averages of few trials.
    /// </summary>
    /// <exception cref="ArgumentException">A column is unknown.</exception>
    public static FitScore ExplainableVariance(Recording data, IReadOnlyList<string> conditionColumns)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = CheckColumns(data, conditionColumns);
        var groups = data.GroupTrials(columns);
        var mean = groups.Mean;
        var sem = groups.Sem.Data;
        int U = mean.UnitCount, per = mean.TimeCount * mean.TrialCount;
        var perUnit = new double[U];
        double noiseTotal = 0, sstTotal = 0;
        for (int u = 0; u < U; u++)
        {
            var m = mean.Data.Slice(u * per, per);
            double noise = 0;
            for (int j = 0; j < per; j++)
            {
                double s = sem[u * per + j];
                if (double.IsFinite(s) && double.IsFinite(m[j])) noise += s * s; // SEM² = s²/n
            }
            var (_, sst) = Sums(m, m);
            perUnit[u] = sst > 0 ? 1 - noise / sst : double.NaN;
            if (sst > 0) { noiseTotal += noise; sstTotal += sst; }
        }
        return new FitScore(sstTotal > 0 ? 1 - noiseTotal / sstTotal : double.NaN, perUnit);
    }

    private static FitScore Score(Recording data, Recording prediction)
    {
        int U = data.UnitCount, per = data.TimeCount * data.TrialCount;
        var perUnit = new double[U];
        double sseTotal = 0, sstTotal = 0;
        for (int u = 0; u < U; u++)
        {
            var (sse, sst) = Sums(data.Data.Slice(u * per, per), prediction.Data.Slice(u * per, per));
            perUnit[u] = sst > 0 ? 1 - sse / sst : double.NaN;
            if (sst > 0) { sseTotal += sse; sstTotal += sst; }
        }
        return new FitScore(sstTotal > 0 ? 1 - sseTotal / sstTotal : double.NaN, perUnit);
    }

    private static (double Sse, double Sst) Sums(ReadOnlySpan<double> data, ReadOnlySpan<double> prediction)
    {
        if (data.Length != prediction.Length)
            throw new ArgumentException($"The data has {data.Length} values but the prediction {prediction.Length}.", nameof(prediction));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < data.Length; i++)
            if (double.IsFinite(data[i]) && double.IsFinite(prediction[i])) { sum += data[i]; n++; }
        if (n == 0) return (0, 0);
        double mean = sum / n, sse = 0, sst = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (!double.IsFinite(data[i]) || !double.IsFinite(prediction[i])) continue;
            double e = prediction[i] - data[i], c = data[i] - mean;
            sse += e * e;
            sst += c * c;
        }
        return (sse, sst);
    }

    private static void CheckSameShape(Recording data, Recording prediction)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(prediction);
        if (data.UnitCount != prediction.UnitCount || data.TimeCount != prediction.TimeCount || data.TrialCount != prediction.TrialCount)
            throw new ArgumentException(
                $"The prediction is {prediction.UnitCount} units × {prediction.TimeCount} bins × {prediction.TrialCount} trials but the data {data.UnitCount} × {data.TimeCount} × {data.TrialCount}.", nameof(prediction));
    }

    private static string[] CheckColumns(Recording data, IReadOnlyList<string> conditionColumns)
    {
        ArgumentNullException.ThrowIfNull(conditionColumns);
        if (conditionColumns.Count == 0) throw new ArgumentException("Give at least one condition column.", nameof(conditionColumns));
        foreach (var c in conditionColumns)
            if (!data.Trials.Contains(c))
                throw new ArgumentException($"'{c}' is not a trials-table column (columns: {string.Join(", ", data.Trials.ColumnNames)}).", nameof(conditionColumns));
        return conditionColumns.ToArray();
    }
}
