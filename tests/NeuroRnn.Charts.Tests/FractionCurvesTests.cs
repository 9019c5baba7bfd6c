namespace NeuroRnn.Charts.Tests;

/// <summary>The sparse-recording chart builders: fraction curves and the similarity matrix.</summary>
public class FractionCurvesTests
{
    private static readonly double[] Percent = [1, 10, 100];
    private static readonly double[][] Values = [[0.7, 0.85, 0.9], [0.6, 0.8, double.NaN]];

    [Fact]
    public void Golden_fraction_curves_with_spread_baselines_and_references()
    {
        var f = NeuroCharts.FractionCurves(Percent, Values, new FractionCurveOptions
        {
            SeriesNames = ["full-FORCE", "HF"],
            Spread = [[0.01, 0.02, 0.01], [0.03, 0.02, 0]],
            Baselines = [0.65, double.NaN],
            References = [("ceiling", 0.99)],
        });
        Assert.Equal(2, f.Data.Count);
        Assert.Equal(AxisType.Log, f.Layout.XAxes[0].Type);
        // One dashed baseline (the NaN one is skipped) and one reference line with its label.
        Assert.Equal(2, f.Layout.Shapes.Count);
        Assert.Equal("ceiling", Assert.Single(f.Layout.Annotations).Text);
        Golden.Match("builder-fraction-curves", f);
    }

    [Fact]
    public void Fraction_curves_refuse_mismatched_lengths_and_non_positive_fractions_on_a_log_axis()
    {
        var e = Assert.Throws<ArgumentException>(() => NeuroCharts.FractionCurves(Percent, [[0.1, 0.2]]));
        Assert.Equal("values", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => NeuroCharts.FractionCurves([0, 10, 100], Values));
        Assert.Equal("fractionsPercent", e.ParamName);
        var linear = NeuroCharts.FractionCurves([0, 10, 100], Values, new FractionCurveOptions { LogFraction = false });
        Assert.Null(linear.Layout.XAxes[0].Type);
        e = Assert.Throws<ArgumentException>(() => NeuroCharts.FractionCurves(Percent, Values, new FractionCurveOptions { SeriesNames = ["one"] }));
        Assert.Equal("SeriesNames", e.ParamName);
    }

    [Fact]
    public void Similarity_matrix_is_a_labelled_zero_to_one_heatmap_and_refuses_non_square_input()
    {
        var f = NeuroCharts.SimilarityMatrix(new double[,] { { 1, 0.8 }, { 0.8, 1 } }, ["a", "b"]);
        var heatmap = Assert.IsType<HeatmapTrace>(Assert.Single(f.Data));
        Assert.Equal((0.0, 1.0), (heatmap.ZMin, heatmap.ZMax));
        Assert.Equal("reversed", f.Layout.YAxes[0].AutoRange);
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => NeuroCharts.SimilarityMatrix(new double[2, 3], ["a", "b"])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => NeuroCharts.SimilarityMatrix(new double[2, 2], ["a"])).ParamName);
    }
}
