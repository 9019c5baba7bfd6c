using System.Globalization;

namespace NeuroRnn.Analysis;

/// <summary>The similarity of two representations by SVCCA.</summary>
/// <param name="Correlations">Canonical correlations between the kept SVD directions, descending.</param>
/// <param name="Similarity">Mean of the top <paramref name="TopK"/> correlations: the SVCCA similarity.</param>
/// <param name="TopK">How many correlations were averaged.</param>
/// <param name="ComponentsA">SVD directions kept from the first representation.</param>
/// <param name="ComponentsB">SVD directions kept from the second representation.</param>
/// <param name="VarianceExplainedA">Cumulative fraction of the first representation's variance in its leading components (as many as were kept).</param>
/// <param name="VarianceExplainedB">The same for the second representation.</param>
/// <param name="SampleCount">Number of samples (time bins × conditions).</param>
/// <param name="Baseline">The null comparison, when one was asked for.</param>
public sealed record SvccaResult(double[] Correlations, double Similarity, int TopK, int ComponentsA, int ComponentsB,
    double[] VarianceExplainedA, double[] VarianceExplainedB, int SampleCount, SimilarityNull? Baseline)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"SVCCA {Similarity:F3} (mean of top {TopK} of {Correlations.Length} canonical correlations; {ComponentsA} and {ComponentsB} SVD components explaining {VarianceExplainedA[^1]:P1} and {VarianceExplainedB[^1]:P1}; {SampleCount} samples){(Baseline is { } b ? "; " + b : "")}");
}

/// <summary>The distribution of the similarity under a shuffle (see <see cref="SimilarityBaseline"/>).</summary>
/// <param name="Kind">Which shuffle.</param>
/// <param name="Samples">The similarity of every shuffle.</param>
public sealed record SimilarityNull(SimilarityBaseline Kind, double[] Samples)
{
    /// <summary>Mean similarity over the shuffles.</summary>
    public double Mean => Samples.Average();

    /// <summary>Sample standard deviation over the shuffles (0 for a single shuffle).</summary>
    public double StandardDeviation
    {
        get
        {
            if (Samples.Length < 2) return 0;
            double m = Mean;
            return Math.Sqrt(Samples.Sum(s => (s - m) * (s - m)) / (Samples.Length - 1));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} baseline {Mean:F3} ± {StandardDeviation:F3} ({Samples.Length} shuffles)");
}
