using System.Numerics;

namespace NeuroRnn.Charts.Tests;

public class ValidationTests
{
    [Fact]
    public void X_y_length_mismatch_names_the_trace_and_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Figure.Of(new ScatterTrace { Name = "unit 3", X = new[] { 1.0, 2, 3 }, Y = new[] { 1.0, 2 } }));
        Assert.Contains("scatter trace 'unit 3'", e.Message);
        Assert.Contains("x has 3 values but y has 2", e.Message);
    }

    [Fact]
    public void Mismatch_is_caught_when_traces_are_added_later_too()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure().AddTrace(new ScatterGlTrace { X = new[] { 1.0 }, Y = new[] { 1.0, 2 } }));
        Assert.Contains("scattergl trace: x has 1 values but y has 2", e.Message);
    }

    [Theory]
    [InlineData("error_y")]
    [InlineData("scatter3d")]
    [InlineData("polar")]
    [InlineData("heatmap")]
    [InlineData("bar")]
    public void Other_mismatches_are_reported(string which)
    {
        Trace trace = which switch
        {
            "error_y" => new ScatterTrace { Y = new[] { 1.0, 2 }, ErrorY = ErrorBars.Symmetric(new[] { 0.1 }) },
            "scatter3d" => new Scatter3dTrace { X = new[] { 1.0 }, Y = new[] { 1.0 }, Z = new[] { 1.0, 2 } },
            "polar" => new ScatterPolarTrace { R = new[] { 1.0 }, Theta = new[] { 1.0, 2 } },
            "heatmap" => new HeatmapTrace { Z = new double[2, 3], X = new[] { 1.0, 2 } },
            _ => new BarTrace { X = new[] { "a", "b" }, Y = new[] { 1.0 } },
        };
        var e = Assert.Throws<ArgumentException>(() => Figure.Of(trace));
        Assert.Contains(trace.Type, e.Message);
    }

    [Fact]
    public void Ragged_matrix_names_the_row()
    {
        var e = Assert.Throws<ArgumentException>(() => DataMatrix.From(new double[][] { [1, 2], [3] }));
        Assert.Contains("row 1 has 1", e.Message);
    }

    [Fact]
    public void Builders_name_the_bad_argument()
    {
        var e1 = Assert.Throws<ArgumentException>(() => NeuroCharts.TuningCurves([0, 1, 2], [[1, 2, 3], [1, 2]]));
        Assert.Equal("responses", e1.ParamName);
        Assert.Contains("responses[1] has 2 values but stimuli has 3", e1.Message);

        var e2 = Assert.Throws<ArgumentException>(() => NeuroCharts.TuningCurves([0, 1], [[1, 2]], sem: [[1, 2], [3, 4]]));
        Assert.Equal("sem", e2.ParamName);

        var e3 = Assert.Throws<ArgumentException>(() => NeuroCharts.ConnectivityMatrix(new double[3, 3], new ConnectivityOptions { BlockSizes = [2, 2] }));
        Assert.Equal("BlockSizes", e3.ParamName);
        Assert.Contains("add up to 4 but weights has 3", e3.Message);

        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => NeuroCharts.PsychometricCurves([0, 1], [[0.5, 1.5]]));
        Assert.Equal("pChoice", e4.ParamName);

        var e5 = Assert.Throws<ArgumentException>(() => NeuroCharts.ActivityHeatmap(new double[3, 2], new ActivityHeatmapOptions { Order = [0, 0, 1] }));
        Assert.Contains("permutation", e5.Message);

        var e6 = Assert.Throws<ArgumentException>(() => NeuroCharts.StateSpace3D([new double[4, 2]]));
        Assert.Equal("trajectories", e6.ParamName);
        Assert.Contains("needs at least 3", e6.Message);

        var e7 = Assert.Throws<ArgumentException>(() => NeuroCharts.TrainingCurves([[1, 2]], new TrainingCurveOptions { Lambda = [[1]] }));
        Assert.Equal("Lambda", e7.ParamName);

        var e8 = Assert.Throws<ArgumentException>(() => NeuroCharts.EigenvalueSpectrum(Array.Empty<Complex>()));
        Assert.Equal("eigenvalues", e8.ParamName);

        var e9 = Assert.Throws<ArgumentException>(() => NeuroCharts.SpikeRaster([]));
        Assert.Equal("spikeTimes", e9.ParamName);

        Assert.Throws<ArgumentNullException>(() => NeuroCharts.ActivityHeatmap(null!));
    }

    [Fact]
    public void Colour_scale_and_axes_reject_nonsense()
    {
        Assert.Throws<ArgumentException>(() => ColorScale.FromStops((0.2, "red"), (1, "blue")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Axis().WithLogRange(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Layout().WithXAxis(new Axis(), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Layout().WithXAxis(new Axis(), 3));
        Assert.Throws<ArgumentException>(() => Figure.Of().ToHtml(new HtmlOptions { DivId = "a\"><script>" }));
    }
}
