namespace NeuroRnn.Charts.Tests;

/// <summary>Golden JSON of each trace type and of the layout features (attribute names as plotly.js defines them).</summary>
public class TraceGoldenTests
{
    [Fact]
    public void Golden_scatter_with_error_bars_and_styles()
    {
        var trace = new ScatterTrace
        {
            Name = "unit 1",
            X = new[] { 0.0, 1, 2 },
            Y = new[] { 1.5, double.NaN, 2.25 },
            Mode = TraceMode.Lines | TraceMode.Markers,
            Line = new LineStyle { Color = "#1f77b4", Width = 2, Dash = "dash" },
            Marker = new MarkerStyle { Color = "red", Size = 8, Symbol = "circle-open" },
            ErrorY = new ErrorBars { Array = new[] { 0.1, 0.2, 0.3 }, ArrayMinus = new[] { 0.05, 0.1, 0.15 } },
            ErrorX = ErrorBars.Symmetric(new[] { 0.5, 0.5, 0.5 }),
            LegendGroup = "g",
            ShowLegend = true,
            ConnectGaps = false,
        };
        Golden.Match("trace-scatter", Figure.Of(trace));
    }

    [Fact]
    public void Golden_scattergl() =>
        Golden.Match("trace-scattergl", Figure.Of(new ScatterGlTrace { X = new[] { 0.0, 1, 2, 3 }, Y = new[] { 3.0, 1, 2, 0 }, Mode = TraceMode.Markers, Marker = new MarkerStyle { Symbol = "line-ns-open", Size = 6 } }));

    [Fact]
    public void Golden_scatter3d() =>
        Golden.Match("trace-scatter3d", Figure.Of(new Scatter3dTrace
        {
            Name = "trajectory",
            X = new[] { 0.0, 1, 2 },
            Y = new[] { 0.0, 0.5, 1 },
            Z = new[] { 1.0, 2, 3 },
            Mode = TraceMode.Lines,
            Line = new LineStyle { ColorValues = new[] { 0.0, 0.5, 1 }, ColorScale = ColorScale.Viridis, Width = 4 },
            Scene = "scene",
        }).WithLayout(l => l.WithScene(new Scene { XAxis = new Axis { Title = "PC 1" }, AspectMode = "data" })));

    [Fact]
    public void Golden_heatmap() =>
        Golden.Match("trace-heatmap", Figure.Of(new HeatmapTrace
        {
            Z = new double[,] { { 1, -2, 3 }, { double.PositiveInfinity, 0, -1 } },
            X = new[] { "a", "b", "c" },
            Y = new[] { 10.0, 20 },
            ColorScale = ColorScale.BlueWhiteRed,
            ZMid = 0,
            ColorBar = new ColorBar { Title = "w" },
            ShowScale = true,
        }));

    [Fact]
    public void Golden_bar() =>
        Golden.Match("trace-bar", Figure.Of(new BarTrace
        {
            X = new[] { "V1", "LM" },
            Y = new[] { 5.0, 7 },
            ErrorY = ErrorBars.Symmetric(new[] { 0.5, 0.7 }),
            Marker = new MarkerStyle { ColorValues = new[] { "#1f77b4", "#ff7f0e" }, Line = new LineStyle { Color = "black", Width = 1 } },
        }).WithLayout(l => l with { BarMode = "group" }));

    [Fact]
    public void Golden_histogram() =>
        Golden.Match("trace-histogram", Figure.Of(new HistogramTrace { X = new[] { 1.0, 2, 2, 3, 3, 3 }, NBinsX = 3, HistNorm = "probability", XBins = (0, 4, 1) }));

    [Fact]
    public void Golden_scatterpolar() =>
        Golden.Match("trace-scatterpolar", Figure.Of(new ScatterPolarTrace
        {
            R = new[] { 1.0, 2, 1 },
            Theta = new[] { 0.0, 90, 180 },
            ThetaUnit = "degrees",
            Mode = TraceMode.Lines,
            Fill = "toself",
        }).WithLayout(l => l.WithPolar(new PolarLayout { Sector = (0, 180), RadialRange = (0, 2) })));

    [Fact]
    public void Golden_layout_features()
    {
        var figure = Figure.Of(
                ScatterTrace.LineOf(new[] { 1.0, 10, 100 }, new[] { 1e-3, 1e-2, 1e-1 }, "loss"),
                ScatterTrace.LineOf(new[] { 1.0, 10, 100 }, new[] { 1.0, 0.5, 0.25 }, "λ").OnAxes("x", "y2"))
            .WithTitle("Layout <features> & \"escapes\"")
            .WithLayout(l => l
                .WithXAxis(new Axis { Title = "iteration" }.WithLogRange(1, 100))
                .WithYAxis(new Axis { Title = "loss", Type = AxisType.Log })
                .WithYAxis(new Axis { Title = "λ", Overlaying = "y", Side = "right" }, 2)
                .AddShape(Shape.VerticalLine(10, new LineStyle { Color = "gray", Dash = "dot" }))
                .AddShape(Shape.Circle(0, 0, 1))
                .AddAnnotation(new Annotation { Text = "note", X = 10, Y = 0.5, YRef = "paper", ShowArrow = true })
                .WithLegend(Legend.HorizontalTop)
                .WithSize(600, 400) with
            { Grid = new LayoutGrid { Rows = 1, Columns = 1 }, Margin = new Margin { L = 50, R = 50, T = 40, B = 40 }, HoverMode = "false" })
            .WithConfig(new PlotConfig { DisplayModeBar = false });
        Golden.Match("layout-features", figure);
    }

    [Fact]
    public void Golden_subplot_grid_with_shared_axes()
    {
        var (x2, y2) = Layout.SubplotAxes(0, 1, 2);
        var (x3, y3) = Layout.SubplotAxes(1, 0, 2);
        var figure = Figure.Of(
                ScatterTrace.LineOf(new[] { 0.0, 1 }, new[] { 0.0, 1 }),
                ScatterTrace.LineOf(new[] { 0.0, 1 }, new[] { 1.0, 0 }).OnAxes(x2, y2),
                ScatterTrace.LineOf(new[] { 0.0, 1 }, new[] { 0.5, 0.5 }).OnAxes(x3, y3))
            .WithLayout(l => l.WithXAxis(new Axis { Title = "t" }).WithSubplotGrid(2, 2, shareX: true, shareY: true, gap: 0.1));
        Assert.Equal(("x4", "y4"), Layout.SubplotAxes(1, 1, 2));
        Golden.Match("layout-subplot-grid", figure);
    }
}
