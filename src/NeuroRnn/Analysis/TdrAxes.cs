using System.Globalization;
using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>
/// The task axes found by <see cref="TargetedDimensionalityReduction.Fit"/>: one orthonormal axis per task variable in
/// the space of (z-scored) unit activity, plus what they were computed from. Use <see cref="Project"/> to see
/// condition-averaged trajectories in the task subspace.
/// </summary>
public sealed class TdrAxes
{
    private readonly double[] _unitMean, _unitScale;

    internal TdrAxes(IReadOnlyList<string> variables, double[][] axes, double[][] regressionVectors, double[] peakTimeMs,
        double[][] coefficientNorms, double[] timeMs, double[] unitMean, double[] unitScale, int principalComponents, int conditionCount)
    {
        Variables = variables;
        Axes = axes;
        RegressionVectors = regressionVectors;
        PeakTimeMs = peakTimeMs;
        CoefficientNorms = coefficientNorms;
        TimeMs = timeMs;
        _unitMean = unitMean;
        _unitScale = unitScale;
        PrincipalComponents = principalComponents;
        ConditionCount = conditionCount;
    }

    /// <summary>The task variables, in the order they were orthogonalised.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// Axes[v] (length = units): orthonormal; axis v is the part of variable v's regression vector orthogonal to the axes
    /// of the variables before it (QR in the order of <see cref="Variables"/>), signed to agree with its regression vector.
    /// </summary>
    public double[][] Axes { get; }

    /// <summary>RegressionVectors[v]: variable v's denoised regression coefficients over units at its peak time (before orthogonalisation).</summary>
    public double[][] RegressionVectors { get; }

    /// <summary>PeakTimeMs[v]: the time bin at which the norm of variable v's denoised regression vector is largest.</summary>
    public double[] PeakTimeMs { get; }

    /// <summary>CoefficientNorms[v][t]: the norm of variable v's denoised regression vector in time bin t.</summary>
    public double[][] CoefficientNorms { get; }

    /// <summary>Bin centres (ms) of the data the axes were fitted to.</summary>
    public double[] TimeMs { get; }

    /// <summary>Principal components used to denoise (0: none).</summary>
    public int PrincipalComponents { get; }

    /// <summary>Number of conditions (distinct combinations of the variables) the regression was run over.</summary>
    public int ConditionCount { get; }

    /// <summary>Number of units.</summary>
    public int UnitCount => _unitMean.Length;

    /// <summary>The axis of <paramref name="variable"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="Variables"/>.</exception>
    public double[] Axis(string variable) => Axes[IndexOf(variable)];

    /// <summary>
    /// Averages <paramref name="recording"/>'s trials within each condition of <paramref name="groupBy"/>, normalises the units
    /// as in the fit (same means and scales) and projects the averages onto the axes.
    /// </summary>
    /// <param name="recording">Activity of the same units (model or recorded), any trials and time axis.</param>
    /// <param name="groupBy">Trials-table columns that define the conditions, e.g. "motionCoherence", "choice".</param>
    /// <exception cref="ArgumentException">Another number of units, no grouping column, or a column that does not exist.</exception>
    public TdrTrajectories Project(Recording recording, params string[] groupBy)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(groupBy);
        if (recording.UnitCount != UnitCount)
            throw new ArgumentException($"recording has {recording.UnitCount} units but the axes were fitted to {UnitCount}.", nameof(recording));
        if (groupBy.Length == 0) throw new ArgumentException("Give at least one trials-table column to group the trials by.", nameof(groupBy));
        var average = recording.GroupTrials(groupBy).Mean;
        int units = average.UnitCount, times = average.TimeCount, conditions = average.TrialCount;
        var data = average.Data;
        var values = new double[conditions, times, Axes.Length];
        for (int i = 0; i < units; i++)
            for (int t = 0; t < times; t++)
                for (int c = 0; c < conditions; c++)
                {
                    double z = Normalize(i, data[(i * times + t) * conditions + c]);
                    for (int a = 0; a < Axes.Length; a++) values[c, t, a] += Axes[a][i] * z;
                }
        return new TdrTrajectories(average.Trials, average.GetTimeMs(), Variables, values);
    }

    internal double Normalize(int unit, double value) => (value - _unitMean[unit]) / _unitScale[unit];

    /// <summary>The cosine of the angle between the raw (not orthogonalised) regression vectors of two variables.</summary>
    public double RegressionVectorCosine(string first, string second)
    {
        var a = RegressionVectors[IndexOf(first)];
        var b = RegressionVectors[IndexOf(second)];
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return ab / Math.Sqrt(aa * bb);
    }

    private int IndexOf(string variable) => IndexOf(Variables, variable);

    internal static int IndexOf(IReadOnlyList<string> variables, string variable)
    {
        for (int a = 0; a < variables.Count; a++) if (variables[a] == variable) return a;
        throw new ArgumentException($"'{variable}' is not a task variable of these axes ({string.Join(", ", variables)}).", nameof(variable));
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var peaks = string.Join(", ", Variables.Select((v, k) => string.Create(ci, $"{v} @ {PeakTimeMs[k]:0.#} ms")));
        return $"TDR axes for {UnitCount} units from {ConditionCount} conditions ({(PrincipalComponents > 0 ? $"{PrincipalComponents} PCs" : "no denoising")}): {peaks}";
    }
}
