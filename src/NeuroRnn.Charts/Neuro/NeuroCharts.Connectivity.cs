namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// A weight matrix W (W[i, j] from unit j to unit i) as a heat-map with a diverging colour scale centred at 0
    /// (<c>zmid</c> = 0), row 0 at the top, square cells, and lines at the boundaries of
    /// <see cref="ConnectivityOptions.BlockSizes"/> (e.g. E/I populations). One trace.
    /// </summary>
    /// <param name="weights">weights[to, from].</param>
    /// <param name="options">Blocks, colours, titles.</param>
    public static Figure ConnectivityMatrix(double[,] weights, ConnectivityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        options ??= new ConnectivityOptions();
        int rows = weights.GetLength(0), columns = weights.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException($"weights is {rows}×{columns}; it must not be empty", nameof(weights));
        var blocks = options.BlockSizes;
        if (blocks is not null)
        {
            if (rows != columns)
                throw new ArgumentException($"BlockSizes needs a square matrix but weights is {rows}×{columns}", nameof(options.BlockSizes));
            for (int b = 0; b < blocks.Count; b++)
            {
                if (blocks[b] <= 0) throw new ArgumentException($"BlockSizes[{b}] = {blocks[b]} must be positive", nameof(options.BlockSizes));
            }
            if (blocks.Sum() != rows)
                throw new ArgumentException($"BlockSizes add up to {blocks.Sum()} but weights has {rows} units", nameof(options.BlockSizes));
        }
        if (options.BlockNames is not null)
        {
            if (blocks is null) throw new ArgumentException("BlockNames was given without BlockSizes", nameof(options.BlockNames));
            Check.Count(options.BlockNames, blocks.Count, nameof(options.BlockNames), "blocks");
        }

        double maxAbs = 0;
        foreach (double w in weights)
        {
            if (double.IsFinite(w)) maxAbs = Math.Max(maxAbs, Math.Abs(w));
        }
        var heatmap = new HeatmapTrace
        {
            Name = "W",
            Z = weights,
            ColorScale = options.ColorScale,
            ZMid = 0,
            ZMin = options.SymmetricRange && maxAbs > 0 ? -maxAbs : null,
            ZMax = options.SymmetricRange && maxAbs > 0 ? maxAbs : null,
            ColorBar = new ColorBar { Title = options.ColorBarTitle },
            HoverTemplate = "from %{x} to %{y}<br>w = %{z:.4g}<extra></extra>",
        };
        var layout = new Layout
        {
            Title = options.Title,
            XAxes = [new Axis { Title = options.FromTitle, Side = "bottom", ShowGrid = false, ZeroLine = false, Range = (-0.5, columns - 0.5), Constrain = "domain" }],
            YAxes = [new Axis { Title = options.ToTitle, Range = (rows - 0.5, -0.5), ScaleAnchor = "x", ScaleRatio = 1, ShowGrid = false, ZeroLine = false, Constrain = "domain" }],
        };
        if (blocks is not null)
        {
            var boundaryLine = new LineStyle { Color = "#000000", Width = 2 };
            int edge = 0;
            for (int b = 0; b < blocks.Count; b++)
            {
                if (options.BlockNames is not null)
                {
                    layout = layout.AddAnnotation(new Annotation
                    {
                        Text = $"<b>{System.Net.WebUtility.HtmlEncode(options.BlockNames[b])}</b>",
                        X = edge + (blocks[b] - 1) / 2.0,
                        Y = 1,
                        YRef = "paper",
                        YAnchor = "bottom",
                    });
                }
                edge += blocks[b];
                if (b == blocks.Count - 1) break;
                double at = edge - 0.5;
                layout = layout
                    .AddShape(Shape.LineBetween(at, -0.5, at, rows - 0.5, boundaryLine))
                    .AddShape(Shape.LineBetween(-0.5, at, columns - 0.5, at, boundaryLine));
            }
        }
        return new Figure { Data = [heatmap], Layout = layout };
    }
}
