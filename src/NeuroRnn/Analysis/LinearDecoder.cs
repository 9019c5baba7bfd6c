using MathNet.Numerics.LinearAlgebra;

namespace NeuroRnn.Analysis;

/// <summary>
/// How well a binary variable can be read out linearly from population activity: ridge regression of the ±1 labels on the
/// z-scored features with an intercept, scored by k-fold cross-validation (folds interleaved over trials, so trials sampled
/// in condition order land in every fold). The same tool measures what an area encodes (features = its rates) and what one
/// area tells the next (features = the inter-area input currents).
/// </summary>
public static class LinearDecoder
{
    /// <summary>Cross-validated accuracy of decoding <paramref name="labels"/> (two distinct values) from <paramref name="features"/> (trials × features).</summary>
    /// <param name="features">One row per trial.</param>
    /// <param name="labels">One label per trial; exactly two distinct finite values.</param>
    /// <param name="folds">Cross-validation folds (2 … trials). Default 5.</param>
    /// <param name="ridge">Ridge penalty on the weights of the z-scored features (≥ 0). Default 1.</param>
    /// <returns>The fraction of held-out trials whose label the decoder got right (0.5 = chance for balanced labels).</returns>
    /// <exception cref="ArgumentException">Shapes differ, a value is not finite, labels do not take exactly two values, or folds/ridge are out of range.</exception>
    public static double CrossValidatedAccuracy(double[,] features, double[] labels, int folds = 5, double ridge = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        int n = features.GetLength(0), p = features.GetLength(1);
        if (labels.Length != n) throw new ArgumentException($"labels has {labels.Length} values but features has {n} rows; give one label per trial.", nameof(labels));
        if (folds < 2 || folds > n) throw new ArgumentException($"folds must be in [2, {n}] (the number of trials), got {folds}.", nameof(folds));
        if (!(ridge >= 0) || !double.IsFinite(ridge)) throw new ArgumentException($"ridge must be ≥ 0 and finite, got {ridge}.", nameof(ridge));
        foreach (double v in features) if (!double.IsFinite(v)) throw new ArgumentException("features contains a value that is not finite.", nameof(features));
        var distinct = labels.Distinct().ToArray();
        if (distinct.Length != 2 || distinct.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"labels must take exactly two finite values, got {distinct.Length} distinct value(s).", nameof(labels));
        double high = Math.Max(distinct[0], distinct[1]);
        var y = labels.Select(v => v == high ? 1.0 : -1.0).ToArray();
        int correct = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, n).Where(k => k % folds != fold).ToArray();
            var test = Enumerable.Range(0, n).Where(k => k % folds == fold).ToArray();
            var (mean, scale) = Standardisation(features, train, p);
            var x = Matrix<double>.Build.Dense(train.Length, p + 1, (r, c) => c == p ? 1 : (features[train[r], c] - mean[c]) / scale[c]);
            var target = Vector<double>.Build.Dense(train.Length, r => y[train[r]]);
            var gram = x.TransposeThisAndMultiply(x);
            for (int c = 0; c < p; c++) gram[c, c] += ridge;
            gram[p, p] += 1e-9;
            var w = gram.Cholesky().Solve(x.TransposeThisAndMultiply(target));
            foreach (int k in test)
            {
                double s = w[p];
                for (int c = 0; c < p; c++) s += w[c] * (features[k, c] - mean[c]) / scale[c];
                if ((s >= 0 ? 1.0 : -1.0) == y[k]) correct++;
            }
        }
        return (double)correct / n;
    }

    private static (double[] Mean, double[] Scale) Standardisation(double[,] features, int[] rows, int p)
    {
        var mean = new double[p];
        var scale = new double[p];
        for (int c = 0; c < p; c++)
        {
            double m = 0;
            foreach (int r in rows) m += features[r, c];
            m /= rows.Length;
            double v = 0;
            foreach (int r in rows) v += (features[r, c] - m) * (features[r, c] - m);
            double sd = Math.Sqrt(v / Math.Max(1, rows.Length - 1));
            mean[c] = m;
            // A constant feature carries nothing; scale 1 keeps it at zero after centring.
            scale[c] = sd > 1e-12 ? sd : 1;
        }
        return (mean, scale);
    }
}
