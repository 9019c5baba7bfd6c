namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// A measure against a sampled fraction, one line-and-marker series per method (e.g. SVCCA of an embedder with its
    /// circuit against the percentage of the circuit's units given as hints), with optional error bars, a dashed
    /// per-series baseline (the same method without samples) and grey labelled reference lines.
    /// </summary>
    /// <param name="fractionsPercent">The sampled fractions in percent (positive when the axis is logarithmic).</param>
    /// <param name="values">values[series][point] (NaN = missing).</param>
    /// <param name="options">Names, spreads, baselines, references, axis titles.</param>
    /// <exception cref="ArgumentException">A list is empty or its length does not match, or a fraction is not positive on a log axis.</exception>
    public static Figure FractionCurves(IReadOnlyList<double> fractionsPercent, IReadOnlyList<IReadOnlyList<double>> values, FractionCurveOptions? options = null)
    {
        options ??= new FractionCurveOptions();
        Check.NotEmpty(fractionsPercent, nameof(fractionsPercent));
        Check.NotEmpty(values, nameof(values));
        Check.Rows(values, fractionsPercent.Count, nameof(values), nameof(fractionsPercent));
        Check.Count(options.SeriesNames, values.Count, nameof(options.SeriesNames), "series");
        Check.Count(options.Spread, values.Count, nameof(options.Spread), "series");
        Check.Count(options.Baselines, values.Count, nameof(options.Baselines), "series");
        if (options.Spread is not null) Check.Rows(options.Spread, fractionsPercent.Count, nameof(options.Spread), nameof(fractionsPercent));
        if (options.LogFraction)
            for (int i = 0; i < fractionsPercent.Count; i++)
                if (!(fractionsPercent[i] > 0))
                    throw new ArgumentException($"fractionsPercent[{i}] = {fractionsPercent[i]} cannot be drawn on a logarithmic axis; set LogFraction = false.", nameof(fractionsPercent));

        var x = DataArray.FromNumbers(fractionsPercent);
        var traces = new List<Trace>();
        var shapes = new List<Shape>();
        var annotations = new List<Annotation>();
        for (int s = 0; s < values.Count; s++)
        {
            string name = options.SeriesNames?[s] ?? $"series {s}";
            traces.Add(new ScatterTrace
            {
                Name = name,
                X = x,
                Y = DataArray.FromNumbers(values[s]),
                Mode = TraceMode.Lines | TraceMode.Markers,
                Marker = new MarkerStyle { Color = Palette.Color(s), Size = 8 },
                Line = new LineStyle { Color = Palette.Color(s), Width = 2 },
                ErrorY = options.Spread is null ? null : new ErrorBars { Array = DataArray.FromNumbers(options.Spread[s]), Color = Palette.Color(s), Thickness = 1.2, Width = 3 },
                HoverTemplate = name + ": %{x:.3g} %: %{y:.3f}<extra></extra>",
            });
            if (options.Baselines is { } baselines && double.IsFinite(baselines[s]))
                shapes.Add(Shape.HorizontalLine(baselines[s], new LineStyle { Color = Palette.Color(s), Width = 1.5, Dash = "dash" }));
        }
        foreach (var (label, value) in options.References ?? [])
        {
            shapes.Add(Shape.HorizontalLine(value, new LineStyle { Color = Palette.Reference, Width = 1, Dash = "dot" }));
            annotations.Add(new Annotation { Text = label, X = 1, Y = value, XRef = "paper", YRef = "y", XAnchor = "right", YAnchor = "bottom", ShowArrow = false });
        }
        var xAxis = new Axis { Title = options.FractionTitle, ZeroLine = false };
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [options.LogFraction ? xAxis.AsLog() : xAxis],
                YAxes = [new Axis { Title = options.ValueTitle, ZeroLine = false }],
                Shapes = shapes,
                Annotations = annotations,
                HoverMode = "closest",
            },
        };
    }
}
