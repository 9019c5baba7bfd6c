using NeuroRnn.Data;

namespace NeuroRnn.Analysis;

/// <summary>
/// Targeted dimensionality reduction (Mante, Sussillo, Shenoy &amp; Newsome 2013): finds one axis per task variable in the
/// space of unit activity, along which the population encodes that variable.
/// <list type="number">
/// <item>Each unit is z-scored with the mean and SD of its single-trial responses (<see cref="TdrOptions.ZScore"/>), and
/// the trials are averaged within each condition, a condition being a distinct combination of the variables' values.</item>
/// <item>At each time bin t, every unit's condition-averaged response is regressed on the variables (plus an intercept)
/// across conditions: r_i(t, c) = β_i,0(t) + Σ_v β_i,v(t) F_v(c). For each variable this gives a vector β_v(t) over units.</item>
/// <item>The vectors are denoised by projecting them onto the top principal components of the condition-averaged
/// population responses (all conditions and times), and each variable's vector is taken at the time its norm peaks.</item>
/// <item>The peak vectors are orthogonalised by QR in the order the variables are given (Mante: choice, motion, colour,
/// context), so axis 1 is variable 1's direction, axis 2 the part of variable 2's direction orthogonal to it, and so on.</item>
/// </list>
/// Works on any <see cref="Recording"/>: recorded activity or a network's activity with its trials table.
/// </summary>
public static class TargetedDimensionalityReduction
{
    /// <summary>Fits the task axes of <paramref name="variables"/> (numeric trials-table columns) to <paramref name="recording"/>.</summary>
    /// <param name="recording">Single-trial activity: units × time × trials with a trials table holding the variables.</param>
    /// <param name="variables">Task variables in orthogonalisation order, e.g. ["choice", "motionCoherence", "colourCoherence", "context"].</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// No variable, a variable that is missing, not numeric, has missing values, or is constant or collinear with others
    /// across conditions; fewer conditions than regression coefficients; a condition average with no finite value.
    /// </exception>
    public static TdrAxes Fit(Recording recording, IReadOnlyList<string> variables, TdrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(variables);
        options ??= new TdrOptions();
        options.Validate();
        var names = variables.ToArray();
        CheckVariables(recording, names);
        int m = names.Length, p = m + 1;
        var (unitMean, unitScale) = options.ZScore ? UnitStatistics(recording) : (new double[recording.UnitCount], Enumerable.Repeat(1.0, recording.UnitCount).ToArray());

        var average = recording.GroupTrials(names).Mean;
        int units = average.UnitCount, times = average.TimeCount, conditions = average.TrialCount;
        if (conditions < p)
            throw new ArgumentException(
                $"The variables ({string.Join(", ", names)}) take {conditions} distinct combination{(conditions == 1 ? "" : "s")}, but a regression on {m} variables and an intercept needs at least {p}.", nameof(variables));
        // z[i][t·C + c]: the normalised condition average of unit i.
        var z = new double[units][];
        var data = average.Data;
        for (int i = 0; i < units; i++)
        {
            z[i] = new double[times * conditions];
            for (int t = 0; t < times; t++)
                for (int c = 0; c < conditions; c++)
                {
                    double v = data[(i * times + t) * conditions + c];
                    if (double.IsNaN(v))
                        throw new ArgumentException($"Unit {i} has no finite value at time {average.TimeMs[t]} ms in condition {c} ({DescribeCondition(average.Trials, names, c)}); TDR needs every condition average.", nameof(recording));
                    z[i][t * conditions + c] = (v - unitMean[i]) / unitScale[i];
                }
        }

        // Design matrix over conditions (intercept first) and the inverse of XᵀX, shared by every unit and time bin.
        var design = new double[conditions, p];
        for (int c = 0; c < conditions; c++)
        {
            design[c, 0] = 1;
            for (int v = 0; v < m; v++) design[c, v + 1] = average.Trials.Row(c).GetDouble(names[v]);
        }
        var solve = PseudoInverseOfDesign(design, names);

        // β[v][t][i] by least squares at every time bin.
        var beta = new double[m][][];
        for (int v = 0; v < m; v++)
        {
            beta[v] = new double[times][];
            for (int t = 0; t < times; t++) beta[v][t] = new double[units];
        }
        for (int i = 0; i < units; i++)
            for (int t = 0; t < times; t++)
                for (int v = 0; v < m; v++)
                {
                    double s = 0;
                    for (int c = 0; c < conditions; c++) s += solve[v + 1, c] * z[i][t * conditions + c];
                    beta[v][t][i] = s;
                }

        int components = Math.Min(options.PrincipalComponents, Math.Min(units, times * conditions - 1));
        var basis = components > 0 ? PrincipalBasis(z, times * conditions, components) : null;
        var norms = new double[m][];
        var peakVectors = new double[m][];
        var peakTimes = new double[m];
        var timeMs = recording.GetTimeMs();
        for (int v = 0; v < m; v++)
        {
            norms[v] = new double[times];
            int best = 0;
            for (int t = 0; t < times; t++)
            {
                if (basis is not null) beta[v][t] = Project(basis, beta[v][t]);
                norms[v][t] = Math.Sqrt(beta[v][t].Sum(x => x * x));
                if (norms[v][t] > norms[v][best]) best = t;
            }
            peakVectors[v] = beta[v][best];
            peakTimes[v] = timeMs[best];
        }
        var axes = Orthonormalize(peakVectors, names);
        return new TdrAxes(names, axes, peakVectors, peakTimes, norms, timeMs, unitMean, unitScale, Math.Max(0, components), conditions);
    }

    private static void CheckVariables(Recording recording, string[] names)
    {
        if (names.Length == 0) throw new ArgumentException("Give at least one task variable (a numeric trials-table column).", "variables");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"The variables ({string.Join(", ", names)}) name a column twice.", "variables");
        foreach (var name in names)
        {
            if (!recording.Trials.Contains(name))
                throw new ArgumentException($"The trials table has no column '{name}'. Columns: {string.Join(", ", recording.Trials.ColumnNames)}.", "variables");
            if (recording.Trials[name] is not DoubleColumn column)
                throw new ArgumentException($"The trials-table column '{name}' holds text; TDR regresses on numbers (encode it, e.g. context as ±1).", "variables");
            for (int k = 0; k < column.Length; k++)
                if (!double.IsFinite(column[k]))
                    throw new ArgumentException($"The trials-table column '{name}' is {column[k]} on trial {k}; select the trials with a value first.", "variables");
        }
    }

    /// <summary>Per unit: mean and SD of all single-trial values (NaN ignored); an SD of 0 becomes ∞ so the unit normalises to 0.</summary>
    private static (double[] Mean, double[] Scale) UnitStatistics(Recording recording)
    {
        int units = recording.UnitCount, row = recording.TimeCount * recording.TrialCount;
        var mean = new double[units];
        var scale = new double[units];
        var data = recording.Data;
        for (int i = 0; i < units; i++)
        {
            var values = data.Slice(i * row, row);
            double sum = 0, ss = 0;
            int n = 0;
            foreach (double v in values) if (!double.IsNaN(v)) { sum += v; n++; }
            mean[i] = n > 0 ? sum / n : 0;
            foreach (double v in values) if (!double.IsNaN(v)) ss += (v - mean[i]) * (v - mean[i]);
            double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
            scale[i] = sd > 0 ? sd : double.PositiveInfinity;
        }
        return (mean, scale);
    }

    /// <summary>(XᵀX)⁻¹Xᵀ (p × C) by Cholesky of XᵀX; a singular XᵀX means a constant or collinear variable.</summary>
    private static double[,] PseudoInverseOfDesign(double[,] x, string[] names)
    {
        int c = x.GetLength(0), p = x.GetLength(1);
        var xtx = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = 0; b < p; b++)
                for (int k = 0; k < c; k++) xtx[a, b] += x[k, a] * x[k, b];
        // Cholesky XᵀX = L Lᵀ with a relative pivot threshold: a pivot that vanishes compared with its diagonal entry
        // means the variable is (nearly) a combination of the intercept and the variables before it.
        var l = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double d = xtx[j, j];
            for (int k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 1e-10 * xtx[j, j]))
                throw new ArgumentException(
                    j == 0 ? "The design has no conditions." :
                    $"The variable '{names[j - 1]}' is constant or a linear combination of {(j == 1 ? "the intercept" : "the intercept and " + string.Join(", ", names.Take(j - 1)))} across the conditions, so its regression coefficients are not determined.",
                    "variables");
            l[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < p; i++)
            {
                double s = xtx[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        // Solve (L Lᵀ) S = Xᵀ column by column.
        var result = new double[p, c];
        var y = new double[p];
        for (int k = 0; k < c; k++)
        {
            for (int i = 0; i < p; i++)
            {
                double s = x[k, i];
                for (int j = 0; j < i; j++) s -= l[i, j] * y[j];
                y[i] = s / l[i, i];
            }
            for (int i = p - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int j = i + 1; j < p; j++) s -= l[j, i] * result[j, k];
                result[i, k] = s / l[i, i];
            }
        }
        return result;
    }

    /// <summary>The top principal directions of the condition-averaged population responses (samples = condition × time).</summary>
    private static double[][] PrincipalBasis(double[][] z, int sampleCount, int components)
    {
        var samples = new double[sampleCount, z.Length];
        for (int i = 0; i < z.Length; i++)
            for (int s = 0; s < sampleCount; s++) samples[s, i] = z[i][s];
        return Pca.Fit(samples, components).Components;
    }

    private static double[] Project(double[][] basis, double[] vector)
    {
        var result = new double[vector.Length];
        foreach (var direction in basis)
        {
            double s = 0;
            for (int i = 0; i < vector.Length; i++) s += direction[i] * vector[i];
            for (int i = 0; i < vector.Length; i++) result[i] += s * direction[i];
        }
        return result;
    }

    /// <summary>QR by modified Gram–Schmidt (applied twice for orthogonality to rounding), R's diagonal kept positive.</summary>
    private static double[][] Orthonormalize(double[][] vectors, string[] names)
    {
        var axes = new double[vectors.Length][];
        for (int v = 0; v < vectors.Length; v++)
        {
            var q = (double[])vectors[v].Clone();
            double original = Math.Sqrt(q.Sum(x => x * x));
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < v; k++)
                {
                    double s = 0;
                    for (int i = 0; i < q.Length; i++) s += axes[k][i] * q[i];
                    for (int i = 0; i < q.Length; i++) q[i] -= s * axes[k][i];
                }
            double norm = Math.Sqrt(q.Sum(x => x * x));
            if (!(norm > 1e-10 * original))
                throw new ArgumentException(
                    original > 0
                        ? $"The regression vector of '{names[v]}' lies in the span of those of {string.Join(", ", names.Take(v))}; it adds no axis."
                        : $"The regression vector of '{names[v]}' is zero: no unit's activity depends on it.",
                    "variables");
            for (int i = 0; i < q.Length; i++) q[i] /= norm;
            axes[v] = q;
        }
        return axes;
    }

    private static string DescribeCondition(ColumnTable table, string[] names, int row) =>
        string.Join(", ", names.Select(n => $"{n} = {table[n].FormatValue(row)}"));
}
