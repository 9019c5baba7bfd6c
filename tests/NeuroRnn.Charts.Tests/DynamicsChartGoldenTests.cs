using System.Numerics;

namespace NeuroRnn.Charts.Tests;

/// <summary>Golden JSON and argument checks of the dynamics and decision charts (fixed points, spectra, CP, TDR, psychometric bands).</summary>
public class DynamicsChartGoldenTests
{
    private static readonly double[][,] Trajectories =
    [
        new double[,] { { 0, 0 }, { 1, 0.5 }, { 2, 0.5 } },
        new double[,] { { 0, 0 }, { -1, 0.5 }, { -2, 0.4 } },
        new double[,] { { 0, 1 }, { 0.5, 1.5 } },
    ];

    [Fact]
    public void Golden_fixed_point_map_with_groups_stability_and_slow_directions()
    {
        var points = new double[,] { { -1, 0.5 }, { 0, 0.5 }, { 1, 0.5 }, { 0, 1.5 } };
        var f = NeuroCharts.FixedPointMap(Trajectories, [0, 0, 1], points, [0, 0, 0, 1], new FixedPointMapOptions
        {
            GroupNames = ["motion", "colour"],
            PointStable = [true, false, true, true],
            SlowDirections = new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0.1 }, { 0, 1 } },
            DirectionLength = 0.4,
        });
        // 3 trajectories; motion: stable, unstable, directions; colour: stable, directions.
        Assert.Equal(3 + 3 + 2, f.Data.Count);
        var segments = (ScatterTrace)f.Data[5];
        Assert.Equal(9, segments.X!.Length);
        Golden.Match("builder-fixed-point-map", f);
    }

    [Fact]
    public void Fixed_point_map_rejects_mismatched_groups_and_directions()
    {
        var points = new double[,] { { 0, 0 }, { 1, 1 } };
        Assert.Equal("pointGroups", Assert.Throws<ArgumentException>(() => NeuroCharts.FixedPointMap(Trajectories, null, points, [0])).ParamName);
        Assert.Equal("SlowDirections", Assert.Throws<ArgumentException>(() => NeuroCharts.FixedPointMap(Trajectories, null, points, null,
            new FixedPointMapOptions { SlowDirections = new double[,] { { 1, 0 } } })).ParamName);
        Assert.Equal("trajectoryGroups", Assert.Throws<ArgumentException>(() => NeuroCharts.FixedPointMap(Trajectories, [0, 1, 2], points, null,
            new FixedPointMapOptions { GroupNames = ["a", "b"] })).ParamName);
    }

    private static readonly Complex[][] Spectra =
    [
        [new(-0.001, 0), new(-0.1, 0.05), new(-0.1, -0.05), new(-0.3, 0)],
        [new(0.002, 0), new(-0.12, 0), new(-0.2, 0.1), new(-0.2, -0.1)],
    ];

    [Fact]
    public void Golden_eigenvalue_spectra_of_two_contexts_in_continuous_time()
    {
        var f = NeuroCharts.EigenvalueSpectra(Spectra, new EigenvalueSpectraOptions { Names = ["motion", "colour"] });
        Assert.Equal(2, f.Data.Count);
        var symbols = ((ScatterTrace)f.Data[1]).Marker!.Symbols!;
        Assert.Equal(4, symbols.Length);
        Golden.Match("builder-eigen-spectra", f);
    }

    [Fact]
    public void Golden_time_constants_slowest_first_with_unstable_modes_on_top()
    {
        var f = NeuroCharts.TimeConstants(Spectra, new EigenvalueSpectraOptions { Names = ["motion", "colour"], TimeUnit = "ms" });
        var motion = (ScatterTrace)f.Data[0];
        Assert.Equal(1000, motion.Y!.Numbers[0], 6);
        Golden.Match("builder-time-constants", f);
    }

    [Fact]
    public void Golden_choice_probability_histogram_with_significance()
    {
        double[] cp = [0.5, 0.55, 0.62, 0.48, 0.71, 0.93, double.NaN, 0.51];
        bool[] significant = [false, false, true, false, true, true, false, false];
        var f = NeuroCharts.ChoiceProbabilityHistogram(cp, significant);
        Assert.Equal(3, f.Data.Count);
        Assert.Equal("stack", f.Layout.BarMode);
        Golden.Match("builder-choice-probability", f);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeuroCharts.ChoiceProbabilityHistogram([1.2]));
        Assert.Equal("significant", Assert.Throws<ArgumentException>(() => NeuroCharts.ChoiceProbabilityHistogram(cp, [true])).ParamName);
    }

    [Fact]
    public void Golden_tdr_trajectories_in_two_panels()
    {
        var panel = new TdrPanel
        {
            Title = "motion context",
            AxisTitles = ["choice", "motion"],
            Trajectories = [new double[,] { { 0, 0 }, { 0.5, 0.4 }, { 1, 0.5 } }, new double[,] { { 0, 0 }, { -0.5, -0.3 }, { -1, -0.35 } }],
            Coherence = [0.5, -0.12],
            Choice = [1, -1],
        };
        var f = NeuroCharts.TdrTrajectories([panel, panel with { Title = "colour context", AxisTitles = ["choice", "colour"] }],
            new TdrTrajectoryOptions { CoherenceName = "motion coh.", MarkerEvery = 2 });
        Assert.Equal(4, f.Data.Count);
        Assert.Equal("x2", ((ScatterTrace)f.Data[2]).XAxis);
        Assert.Equal(2, f.Data.Count(t => t.ShowLegend == true));
        Golden.Match("builder-tdr-trajectories", f);
        Assert.Throws<ArgumentException>(() => NeuroCharts.TdrTrajectories([panel with { Choice = [1] }]));
    }

    [Fact]
    public void Golden_psychometric_fits_with_confidence_bands()
    {
        static double Logistic(double x, double slope) => 1 / (1 + Math.Exp(-slope * x));
        var f = NeuroCharts.PsychometricCurves([-0.5, -0.1, 0.1, 0.5], [[0.02, 0.3, 0.7, 0.98]], new PsychometricOptions
        {
            Fits = [x => Logistic(x, 10)],
            FitLower = [x => Logistic(x, 8)],
            FitUpper = [x => Logistic(x, 12)],
            FitPoints = 5,
        });
        Assert.Equal(3, f.Data.Count);
        Assert.Equal("toself", ((ScatterTrace)f.Data[1]).Fill);
        Golden.Match("builder-psychometric-bands", f);
        Assert.Throws<ArgumentException>(() => NeuroCharts.PsychometricCurves([0.1], [[0.5]], new PsychometricOptions { FitLower = [x => x] }));
    }
}
