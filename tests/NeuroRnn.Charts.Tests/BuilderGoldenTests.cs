using System.Numerics;

namespace NeuroRnn.Charts.Tests;

/// <summary>Golden JSON of each neuroscience builder on small hand-made inputs, plus the trace counts they promise.</summary>
public class BuilderGoldenTests
{
    private static readonly double[] Angles = [0, 45, 90, 135];
    private static readonly double[][] Mean = [[1, 2, 3, 2], [0.5, 0.4, 0.3, 0.4]];

    [Fact]
    public void Golden_tuning_curves_with_sem_and_model()
    {
        var f = NeuroCharts.TuningCurves(Angles, Mean, sem: [[0.1, 0.1, 0.2, 0.1], [0.05, 0.05, 0.05, 0.05]], model: [[1.1, 2, 2.9, 2], [0.5, 0.45, 0.3, 0.35]]);
        Assert.Equal(4, f.Data.Count);
        Golden.Match("builder-tuning-curves", f);
    }

    [Fact]
    public void Golden_polar_tuning_curves_closes_full_circle()
    {
        var f = NeuroCharts.PolarTuningCurves([0, 90, 180, 270], Mean, options: new TuningChartOptions { UnitNames = ["a", "b"] });
        Assert.Equal(2, f.Data.Count);
        Assert.Equal(5, ((ScatterPolarTrace)f.Data[0]).R!.Length);
        Golden.Match("builder-polar-tuning", f);
    }

    private static readonly double[][,] Trajectories =
    [
        new double[,] { { 0, 0, 0 }, { 1, 1, 1 }, { 2, 1, 0 } },
        new double[,] { { 0, 0, 0 }, { -1, 1, 0 }, { -2, 1, 1 } },
    ];

    [Fact]
    public void Golden_state_space_2d_with_fixed_points()
    {
        var f = NeuroCharts.StateSpace2D(Trajectories, [0, 1], new StateSpaceOptions
        {
            ConditionNames = ["A", "B"],
            FixedPoints = new double[,] { { 2, 1, 0 }, { 0, 0, 0 } },
            FixedPointStable = [true, false],
        });
        Assert.Equal(2 + 2 + 2, f.Data.Count);
        Golden.Match("builder-state-space-2d", f);
    }

    [Fact]
    public void Golden_state_space_3d()
    {
        var f = NeuroCharts.StateSpace3D(Trajectories, [0, 0]);
        Assert.Equal(4, f.Data.Count);
        Assert.All(f.Data, t => Assert.Equal("scatter3d", t.Type));
        Golden.Match("builder-state-space-3d", f);
    }

    [Fact]
    public void Golden_training_curves_with_lambda()
    {
        var f = NeuroCharts.TrainingCurves([[1, 0.1, double.NaN, 0.01], [2, 0.5]], new TrainingCurveOptions { Lambda = [[1, 0.5, 0.25, 0.5], [1, 1.5]] });
        Assert.Equal(4, f.Data.Count);
        Golden.Match("builder-training-curves", f);
    }

    [Fact]
    public void Golden_activity_heatmap_sorted_by_peak_time()
    {
        var activity = new double[,] { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } };
        Assert.Equal([1, 2, 0], NeuroCharts.PeakTimeOrder(activity));
        var f = NeuroCharts.ActivityHeatmap(activity, new ActivityHeatmapOptions { SortByPeakTime = true, Time = [0, 0.1, 0.2] });
        Assert.Single(f.Data);
        Golden.Match("builder-activity-heatmap", f);
    }

    [Fact]
    public void Golden_spike_raster()
    {
        var f = NeuroCharts.SpikeRaster([[0.1, 0.5], [], [0.25]]);
        Assert.Equal("scattergl", Assert.Single(f.Data).Type);
        Golden.Match("builder-spike-raster", f);
    }

    [Fact]
    public void Golden_connectivity_with_ei_blocks()
    {
        var w = new double[,] { { 0, 0.2, -0.5 }, { 0.1, 0, -0.4 }, { 0.3, 0.1, 0 } };
        var f = NeuroCharts.ConnectivityMatrix(w, new ConnectivityOptions { BlockSizes = [2, 1], BlockNames = ["E", "I"] });
        var h = Assert.IsType<HeatmapTrace>(Assert.Single(f.Data));
        Assert.Equal(0, h.ZMid);
        Assert.Equal(2, f.Layout.Shapes.Count);
        Golden.Match("builder-connectivity", f);
    }

    [Fact]
    public void Golden_eigenvalues_discrete_time_unit_circle()
    {
        var f = NeuroCharts.EigenvalueSpectrum([new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(1.2, 0)]);
        Assert.Equal("circle", Assert.Single(f.Layout.Shapes).Type);
        Assert.Equal("x", f.Layout.YAxes[0].ScaleAnchor);
        Golden.Match("builder-eigen-discrete", f);
    }

    [Fact]
    public void Golden_eigenvalues_continuous_time_imaginary_axis()
    {
        var f = NeuroCharts.EigenvalueSpectrum([-1.0, 0.2, -0.5], [0.0, 0, 1], new EigenvalueSpectrumOptions { Dynamics = DynamicsKind.ContinuousTime });
        var line = Assert.Single(f.Layout.Shapes);
        Assert.Equal(("line", 0.0, 0.0), (line.Type, line.X0, line.X1));
        Golden.Match("builder-eigen-continuous", f);
    }

    [Fact]
    public void Golden_psychometric_with_fit_and_error_bars()
    {
        var f = NeuroCharts.PsychometricCurves([-0.2, 0, 0.2], [[0.1, 0.5, 0.9], [0.3, 0.5, 0.7]], new PsychometricOptions
        {
            ContextNames = ["motion", "colour"],
            TrialCounts = [[10, 10, 10], [20, 0, 20]],
            Fits = [x => 1 / (1 + Math.Exp(-10 * x)), x => 1 / (1 + Math.Exp(-4 * x))],
            FitPoints = 5,
        });
        Assert.Equal(4, f.Data.Count);
        Golden.Match("builder-psychometric", f);
    }
}
