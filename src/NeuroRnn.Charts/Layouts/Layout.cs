using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// The figure layout (plotly <c>layout</c>). Axes are numbered as in plotly: <see cref="XAxes"/>[0] is
/// <c>xaxis</c>, [1] is <c>xaxis2</c> (referenced by traces as "x2"), and so on; likewise for y axes, 3-D scenes
/// and polar subplots.
/// </summary>
public sealed record Layout : IPlotlyWritable
{
    /// <summary>Figure title.</summary>
    public string? Title { get; init; }

    /// <summary>x axes: xaxis, xaxis2, ….</summary>
    public IReadOnlyList<Axis> XAxes { get; init; } = [];

    /// <summary>y axes: yaxis, yaxis2, ….</summary>
    public IReadOnlyList<Axis> YAxes { get; init; } = [];

    /// <summary>3-D scenes: scene, scene2, ….</summary>
    public IReadOnlyList<Scene> Scenes { get; init; } = [];

    /// <summary>Polar subplots: polar, polar2, ….</summary>
    public IReadOnlyList<PolarLayout> Polars { get; init; } = [];

    /// <summary>Subplot grid.</summary>
    public LayoutGrid? Grid { get; init; }

    /// <summary>Whether the legend is shown (plotly default: when there are two or more traces).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>The legend.</summary>
    public Legend? Legend { get; init; }

    /// <summary>Text labels.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>Lines, rectangles, circles.</summary>
    public IReadOnlyList<Shape> Shapes { get; init; } = [];

    /// <summary>Width in px (null: fill the container).</summary>
    public double? Width { get; init; }

    /// <summary>Height in px (null: plotly's 450).</summary>
    public double? Height { get; init; }

    /// <summary>Margins.</summary>
    public Margin? Margin { get; init; }

    /// <summary>Global font.</summary>
    public Font? Font { get; init; }

    /// <summary>"group", "overlay", "stack", "relative" (bar charts).</summary>
    public string? BarMode { get; init; }

    /// <summary>"closest", "x", "y", "x unified", "y unified" or "false".</summary>
    public string? HoverMode { get; init; }

    /// <summary>Plot-area background colour.</summary>
    public string? PlotBgColor { get; init; }

    /// <summary>Page background colour.</summary>
    public string? PaperBgColor { get; init; }

    /// <summary>Default trace colours in order.</summary>
    public IReadOnlyList<string>? Colorway { get; init; }

    /// <summary>Returns a copy with another title.</summary>
    public Layout WithTitle(string title) => this with { Title = title };

    /// <summary>Returns a copy whose plotly axis <c>xaxis{number}</c> (1 = <c>xaxis</c>) is <paramref name="axis"/>.</summary>
    public Layout WithXAxis(Axis axis, int number = 1) => this with { XAxes = SetAt(XAxes, number, axis, nameof(number)) };

    /// <summary>Returns a copy whose plotly axis <c>yaxis{number}</c> (1 = <c>yaxis</c>) is <paramref name="axis"/>.</summary>
    public Layout WithYAxis(Axis axis, int number = 1) => this with { YAxes = SetAt(YAxes, number, axis, nameof(number)) };

    /// <summary>Returns a copy whose 3-D scene <c>scene{number}</c> is <paramref name="scene"/>.</summary>
    public Layout WithScene(Scene scene, int number = 1) => this with { Scenes = SetAt(Scenes, number, scene, nameof(number)) };

    /// <summary>Returns a copy whose polar subplot <c>polar{number}</c> is <paramref name="polar"/>.</summary>
    public Layout WithPolar(PolarLayout polar, int number = 1) => this with { Polars = SetAt(Polars, number, polar, nameof(number)) };

    /// <summary>Returns a copy with one more shape.</summary>
    public Layout AddShape(Shape shape) => this with { Shapes = [.. Shapes, shape ?? throw new ArgumentNullException(nameof(shape))] };

    /// <summary>Returns a copy with one more annotation.</summary>
    public Layout AddAnnotation(Annotation annotation) => this with { Annotations = [.. Annotations, annotation ?? throw new ArgumentNullException(nameof(annotation))] };

    /// <summary>Returns a copy with another legend.</summary>
    public Layout WithLegend(Legend legend) => this with { Legend = legend };

    /// <summary>Returns a copy with a fixed size in px.</summary>
    public Layout WithSize(double width, double height) => this with { Width = width, Height = height };

    /// <summary>
    /// Returns a copy with a <paramref name="rows"/> × <paramref name="columns"/> grid of Cartesian subplots laid out
    /// by explicit axis domains. Cell (r, c) (0-based, row 0 at the top) uses axes "x{k}"/"y{k}" with
    /// k = r·columns + c + 1 (see <see cref="SubplotAxes"/>). With <paramref name="shareX"/> the x axes of a column
    /// follow that column's bottom axis and only the bottom row shows x tick labels; with <paramref name="shareY"/>
    /// the y axes of a row follow that row's first axis and only the first column shows y tick labels.
    /// Axis titles set before are kept.
    /// </summary>
    public Layout WithSubplotGrid(int rows, int columns, bool shareX = false, bool shareY = false, double gap = 0.08)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (!(gap >= 0 && gap < 0.5)) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must be in [0, 0.5)");
        double cellWidth = (1 - gap * (columns - 1)) / columns, cellHeight = (1 - gap * (rows - 1)) / rows;
        var xs = new Axis[rows * columns];
        var ys = new Axis[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int k = r * columns + c;
                var (xId, yId) = SubplotAxes(r, c, columns);
                double x0 = c * (cellWidth + gap), y1 = 1 - r * (cellHeight + gap);
                var x = (k < XAxes.Count ? XAxes[k] : new Axis()) with { Domain = (x0, Math.Min(1, x0 + cellWidth)), Anchor = yId };
                var y = (k < YAxes.Count ? YAxes[k] : new Axis()) with { Domain = (Math.Max(0, y1 - cellHeight), y1), Anchor = xId };
                if (shareX)
                {
                    var bottom = SubplotAxes(rows - 1, c, columns).X;
                    if (xId != bottom) x = x with { Matches = bottom, ShowTickLabels = false };
                }
                if (shareY)
                {
                    var first = SubplotAxes(r, 0, columns).Y;
                    if (yId != first) y = y with { Matches = first, ShowTickLabels = false };
                }
                xs[k] = x;
                ys[k] = y;
            }
        }
        return this with { XAxes = xs, YAxes = ys };
    }

    /// <summary>The trace axis references ("x3", "y3") of grid cell (row, column) in a grid with <paramref name="columns"/> columns.</summary>
    public static (string X, string Y) SubplotAxes(int row, int column, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, columns);
        int k = row * columns + column + 1;
        return k == 1 ? ("x", "y") : ($"x{k}", $"y{k}");
    }

    private static T[] SetAt<T>(IReadOnlyList<T> list, int number, T value, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (number < 1) throw new ArgumentOutOfRangeException(argumentName, number, "plotly numbers axes and subplots from 1");
        var items = new List<T>(list);
        while (items.Count < number) items.Add(default!);
        items[number - 1] = value;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
                throw new ArgumentOutOfRangeException(argumentName, number, $"number {i + 1} must be set before number {number}");
        }
        return items.ToArray();
    }

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.Object("title", Title is null ? null : new TitleText(Title));
        WriteNumbered(writer, "xaxis", XAxes);
        WriteNumbered(writer, "yaxis", YAxes);
        WriteNumbered(writer, "scene", Scenes);
        WriteNumbered(writer, "polar", Polars);
        writer.Object("grid", Grid);
        writer.Bool("showlegend", ShowLegend);
        writer.Object("legend", Legend);
        if (Annotations.Count > 0) writer.ObjectArray("annotations", Annotations);
        if (Shapes.Count > 0) writer.ObjectArray("shapes", Shapes);
        writer.Number("width", Width);
        writer.Number("height", Height);
        writer.Object("margin", Margin);
        writer.Object("font", Font);
        writer.String("barmode", BarMode);
        if (HoverMode == "false") writer.Bool("hovermode", false);
        else writer.String("hovermode", HoverMode);
        writer.String("plot_bgcolor", PlotBgColor);
        writer.String("paper_bgcolor", PaperBgColor);
        writer.StringArray("colorway", Colorway);
        writer.Json.WriteEndObject();
    }

    private static void WriteNumbered<T>(PlotlyJsonWriter writer, string prefix, IReadOnlyList<T> items) where T : IPlotlyWritable
    {
        for (int i = 0; i < items.Count; i++)
            writer.Object(i == 0 ? prefix : prefix + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), items[i]);
    }
}
