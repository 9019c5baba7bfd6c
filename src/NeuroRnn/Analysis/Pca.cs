using NeuroRnn.Data;
using NeuroRnn.Numerics;

namespace NeuroRnn.Analysis;

/// <summary>
/// A principal-component basis of a set of samples: the mean, the leading directions (unit vectors) and the variance
/// each explains.
/// </summary>
/// <param name="Mean">Mean of the samples (one value per feature).</param>
/// <param name="Components">components[k] is the k-th principal direction (length = features), by decreasing variance.
/// The sign of each is fixed so that its largest-magnitude entry is positive (a deterministic choice).</param>
/// <param name="Variance">Variance along each component.</param>
/// <param name="ExplainedVarianceRatio">Variance of each component over the total variance.</param>
public sealed record PcaBasis(double[] Mean, double[][] Components, double[] Variance, double[] ExplainedVarianceRatio)
{
    /// <summary>Number of features.</summary>
    public int FeatureCount => Mean.Length;

    /// <summary>Projects one sample (length = features) onto the components.</summary>
    /// <exception cref="ArgumentException">The length differs.</exception>
    public double[] Project(ReadOnlySpan<double> sample)
    {
        if (sample.Length != Mean.Length) throw new ArgumentException($"The sample has {sample.Length} values but the basis has {Mean.Length} features.", nameof(sample));
        var result = new double[Components.Length];
        for (int k = 0; k < Components.Length; k++)
        {
            double s = 0;
            for (int f = 0; f < sample.Length; f++) s += (sample[f] - Mean[f]) * Components[k][f];
            result[k] = s;
        }
        return result;
    }
}

/// <summary>
/// Principal component analysis by eigen-decomposition of the feature covariance on the numerics back-end. Meant for
/// population activity: samples are (time, trial) points, features are units.
/// </summary>
public static class Pca
{
    /// <summary>PCA of <paramref name="samples"/> [sample, feature] keeping <paramref name="components"/> components.</summary>
    /// <exception cref="ArgumentException">Fewer than two samples, non-finite values, or a component count outside [1, features].</exception>
    public static PcaBasis Fit(double[,] samples, int components)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int n = samples.GetLength(0), f = samples.GetLength(1);
        if (n < 2) throw new ArgumentException($"PCA needs at least two samples, got {n}.", nameof(samples));
        if (components < 1 || components > f) throw new ArgumentException($"components must be in [1, {f}] (the number of features), got {components}.", nameof(components));
        var mean = new double[f];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < f; j++)
            {
                double v = samples[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException($"samples[{i}, {j}] is {v}; PCA needs finite values.", nameof(samples));
                mean[j] += v;
            }
        for (int j = 0; j < f; j++) mean[j] /= n;
        // Covariance, column-major f×f (symmetric, so the layout only matters for the lower triangle the solver reads).
        var cov = new double[f * f];
        var row = new double[f];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < f; j++) row[j] = samples[i, j] - mean[j];
            for (int b = 0; b < f; b++)
            {
                double rb = row[b];
                if (rb == 0) continue;
                for (int a = b; a < f; a++) cov[b * f + a] += row[a] * rb;
            }
        }
        for (int b = 0; b < f; b++)
            for (int a = b; a < f; a++)
            {
                cov[b * f + a] /= n - 1;
                cov[a * f + b] = cov[b * f + a];
            }
        var values = new double[f];
        var vectors = new double[f * f];
        NumericsBackend.Current.SymmetricEigen(f, cov, values, vectors);
        double total = values.Sum(v => Math.Max(0, v));
        var comps = new double[components][];
        var variance = new double[components];
        var ratio = new double[components];
        for (int k = 0; k < components; k++)
        {
            int col = f - 1 - k; // eigenvalues ascending
            var v = vectors.AsSpan(col * f, f).ToArray();
            int big = 0;
            for (int j = 1; j < f; j++) if (Math.Abs(v[j]) > Math.Abs(v[big])) big = j;
            if (v[big] < 0) for (int j = 0; j < f; j++) v[j] = -v[j];
            comps[k] = v;
            variance[k] = Math.Max(0, values[col]);
            ratio[k] = total > 0 ? variance[k] / total : double.NaN;
        }
        return new PcaBasis(mean, comps, variance, ratio);
    }

    /// <summary>
    /// PCA of population trajectories: every (time bin, trial) of <paramref name="recording"/> is a sample of the units'
    /// activity. Returns the basis and, per trial, its trajectory as a time × component matrix.
    /// </summary>
    /// <exception cref="ArgumentException">See <see cref="Fit"/>; also NaN values in the recording.</exception>
    public static (PcaBasis Basis, double[][,] Trajectories) OfTrajectories(Recording recording, int components = 3)
    {
        ArgumentNullException.ThrowIfNull(recording);
        int U = recording.UnitCount, T = recording.TimeCount, K = recording.TrialCount;
        if (components > U) throw new ArgumentException($"components ({components}) exceeds the {U} units.", nameof(components));
        var data = recording.Data;
        var samples = new double[T * K, U];
        for (int u = 0; u < U; u++)
            for (int t = 0; t < T; t++)
                for (int k = 0; k < K; k++)
                    samples[k * T + t, u] = data[(u * T + t) * K + k];
        var basis = Fit(samples, components);
        var trajectories = new double[K][,];
        var sample = new double[U];
        for (int k = 0; k < K; k++)
        {
            var m = new double[T, components];
            for (int t = 0; t < T; t++)
            {
                for (int u = 0; u < U; u++) sample[u] = samples[k * T + t, u];
                var p = basis.Project(sample);
                for (int c = 0; c < components; c++) m[t, c] = p[c];
            }
            trajectories[k] = m;
        }
        return (basis, trajectories);
    }
}
