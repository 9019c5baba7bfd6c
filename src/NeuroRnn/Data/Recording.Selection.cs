namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>A new frame with the given units, in the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the units.</exception>
    public Recording SelectUnits(IReadOnlyList<int> unitIndices)
    {
        ArgumentNullException.ThrowIfNull(unitIndices);
        var units = Units.Take(unitIndices); // validates the indices
        int rowLength = TimeCount * TrialCount;
        var result = new double[unitIndices.Count * rowLength];
        for (int i = 0; i < unitIndices.Count; i++)
            Array.Copy(data, (long)unitIndices[i] * rowLength, result, (long)i * rowLength, rowLength);
        return Derive(result, timeMs, Trials, units, ValueKind, Name);
    }

    /// <summary>A new frame with the units whose row satisfies <paramref name="predicate"/>.</summary>
    public Recording SelectUnits(Func<TableRow, bool> predicate) => SelectUnits(Units.RowsWhere(predicate));

    /// <summary>A new frame with the units whose column <paramref name="column"/> equals <paramref name="value"/> (e.g. <c>"cell_type", "E"</c>).</summary>
    public Recording SelectUnits(string column, string value)
    {
        _ = Units[column];
        return SelectUnits(row => row.GetString(column) == value);
    }

    /// <summary>A new frame with the units whose numeric column <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public Recording SelectUnits(string column, double value)
    {
        _ = Units[column];
        return SelectUnits(row => row.GetDouble(column).Equals(value));
    }

    /// <summary>A new frame with the given trials, in the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the trials.</exception>
    public Recording SelectTrials(IReadOnlyList<int> trialIndices)
    {
        ArgumentNullException.ThrowIfNull(trialIndices);
        var trials = Trials.Take(trialIndices);
        int k2 = trialIndices.Count;
        var result = new double[UnitCount * TimeCount * k2];
        int rows = UnitCount * TimeCount;
        for (int r = 0; r < rows; r++)
        {
            int src = r * TrialCount, dst = r * k2;
            for (int j = 0; j < k2; j++) result[dst + j] = data[src + trialIndices[j]];
        }
        return Derive(result, timeMs, trials, Units, ValueKind, Name);
    }

    /// <summary>A new frame with the trials whose row satisfies <paramref name="predicate"/>.</summary>
    public Recording SelectTrials(Func<TableRow, bool> predicate) => SelectTrials(Trials.RowsWhere(predicate));

    /// <summary>A new frame with the trials whose column <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public Recording SelectTrials(string column, string value)
    {
        _ = Trials[column];
        return SelectTrials(row => row.GetString(column) == value);
    }

    /// <summary>A new frame with the trials whose numeric column <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public Recording SelectTrials(string column, double value)
    {
        _ = Trials[column];
        return SelectTrials(row => row.GetDouble(column).Equals(value));
    }

    /// <summary>A new frame with the time bins whose centre lies in [<paramref name="startMs"/>, <paramref name="endMs"/>).</summary>
    /// <exception cref="ArgumentException">The window is empty or reversed.</exception>
    public Recording SelectTime(double startMs, double endMs)
    {
        if (!(endMs > startMs)) throw new ArgumentException($"The time window [{startMs}, {endMs}) ms is empty.", nameof(endMs));
        int first = 0;
        while (first < TimeCount && timeMs[first] < startMs) first++;
        int last = first;
        while (last < TimeCount && timeMs[last] < endMs) last++;
        int t2 = last - first;
        var result = new double[UnitCount * t2 * TrialCount];
        for (int u = 0; u < UnitCount; u++)
            Array.Copy(data, ((long)u * TimeCount + first) * TrialCount, result, (long)u * t2 * TrialCount, (long)t2 * TrialCount);
        return Derive(result, timeMs[first..last], Trials, Units, ValueKind, Name);
    }

    /// <summary>
    /// The mean over the time bins whose centre lies in [<paramref name="startMs"/>, <paramref name="endMs"/>), per unit and
    /// trial: <c>result[unit, trial]</c>. NaN values are ignored; a unit/trial with no finite value gives NaN.
    /// </summary>
    /// <exception cref="ArgumentException">No bin centre lies in the window.</exception>
    public double[,] WindowMean(double startMs, double endMs)
    {
        var result = new double[UnitCount, TrialCount];
        var count = new int[TrialCount];
        bool any = false;
        for (int u = 0; u < UnitCount; u++)
        {
            Array.Clear(count);
            for (int t = 0; t < TimeCount; t++)
            {
                if (timeMs[t] < startMs || timeMs[t] >= endMs) continue;
                any = true;
                int baseIndex = (u * TimeCount + t) * TrialCount;
                for (int k = 0; k < TrialCount; k++)
                {
                    double v = data[baseIndex + k];
                    if (double.IsNaN(v)) continue;
                    result[u, k] += v;
                    count[k]++;
                }
            }
            for (int k = 0; k < TrialCount; k++) result[u, k] = count[k] > 0 ? result[u, k] / count[k] : double.NaN;
        }
        if (!any && TimeCount > 0)
            throw new ArgumentException($"No time bin centre lies in [{startMs}, {endMs}) ms (time axis {timeMs[0]} … {timeMs[^1]} ms).", nameof(startMs));
        return result;
    }
}
