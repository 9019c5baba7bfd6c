using MathNet.Numerics.LinearAlgebra;

namespace NeuroRnn.Data;

public sealed partial class Recording
{
    /// <summary>A copy of the values as a <c>[unit, time, trial]</c> array.</summary>
    public double[,,] ToArray()
    {
        var result = new double[UnitCount, TimeCount, TrialCount];
        Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(double));
        return result;
    }

    /// <summary>A copy of the values in the (units, time, trials) C-order layout.</summary>
    public double[] ToFlatArray() => (double[])data.Clone();

    /// <summary>
    /// A copy of the values as a <c>[trial, time, unit]</c> array — the batch × time × output layout of RNN training targets.
    /// </summary>
    public double[,,] ToTrialTimeUnitArray()
    {
        var result = new double[TrialCount, TimeCount, UnitCount];
        for (int u = 0; u < UnitCount; u++)
            for (int t = 0; t < TimeCount; t++)
            {
                int b = (u * TimeCount + t) * TrialCount;
                for (int k = 0; k < TrialCount; k++) result[k, t, u] = data[b + k];
            }
        return result;
    }

    /// <summary>A units × time matrix of one trial.</summary>
    public Matrix<double> ToMatrix(int trial)
    {
        if ((uint)trial >= (uint)TrialCount) throw new ArgumentOutOfRangeException(nameof(trial), $"trial {trial} is outside 0..{TrialCount - 1}.");
        return Matrix<double>.Build.Dense(UnitCount, TimeCount, (u, t) => data[(u * TimeCount + t) * TrialCount + trial]);
    }

    /// <summary>One units × time matrix per trial.</summary>
    public IReadOnlyList<Matrix<double>> ToTrialMatrices() => Enumerable.Range(0, TrialCount).Select(ToMatrix).ToArray();

    /// <summary>
    /// A units × (trials·time) matrix with the trials concatenated along the columns: column <c>k·TimeCount + t</c> is time bin
    /// <c>t</c> of trial <c>k</c> (the usual input of PCA over the population).
    /// </summary>
    public Matrix<double> ToConcatenatedMatrix() =>
        Matrix<double>.Build.Dense(UnitCount, TrialCount * TimeCount, (u, c) => data[(u * TimeCount + c % TimeCount) * TrialCount + c / TimeCount]);

    /// <summary>A frame from one units × time matrix per trial (copied).</summary>
    /// <exception cref="ArgumentException">The matrices disagree in shape with each other, the time axis or the tables.</exception>
    public static Recording FromTrialMatrices(IReadOnlyList<Matrix<double>> trialMatrices, ReadOnlySpan<double> timeMs, ColumnTable trials, ColumnTable units,
        RecordingValueKind valueKind = RecordingValueKind.Other, string name = "recording")
    {
        ArgumentNullException.ThrowIfNull(trialMatrices);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(units);
        int K = trialMatrices.Count, T = timeMs.Length, U = units.RowCount;
        if (K != trials.RowCount) throw new ArgumentException($"{K} matrices but the trials table has {trials.RowCount} rows.", nameof(trialMatrices));
        var flat = new double[U * T * K];
        for (int k = 0; k < K; k++)
        {
            var m = trialMatrices[k] ?? throw new ArgumentException($"Matrix {k} is null.", nameof(trialMatrices));
            if (m.RowCount != U || m.ColumnCount != T)
                throw new ArgumentException($"Matrix {k} is {m.RowCount}×{m.ColumnCount}, expected {U} units × {T} time bins.", nameof(trialMatrices));
            for (int u = 0; u < U; u++)
                for (int t = 0; t < T; t++) flat[(u * T + t) * K + k] = m[u, t];
        }
        return FromOwned(flat, timeMs.ToArray(), trials, units, valueKind, name);
    }

    /// <summary>A frame from a <c>[trial, time, unit]</c> array (e.g. RNN outputs), with the given tables.</summary>
    public static Recording FromTrialTimeUnitArray(double[,,] values, ReadOnlySpan<double> timeMs, ColumnTable trials, ColumnTable units,
        RecordingValueKind valueKind = RecordingValueKind.Other, string name = "recording")
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(units);
        int K = values.GetLength(0), T = values.GetLength(1), U = values.GetLength(2);
        if (K != trials.RowCount || T != timeMs.Length || U != units.RowCount)
            throw new ArgumentException($"values is {K}×{T}×{U} (trial, time, unit) but there are {trials.RowCount} trials, {timeMs.Length} bins and {units.RowCount} units.", nameof(values));
        var flat = new double[U * T * K];
        for (int k = 0; k < K; k++)
            for (int t = 0; t < T; t++)
                for (int u = 0; u < U; u++) flat[(u * T + t) * K + k] = values[k, t, u];
        return FromOwned(flat, timeMs.ToArray(), trials, units, valueKind, name);
    }
}
