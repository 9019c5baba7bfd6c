namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// A metric of a parameter sweep against the swept parameter: one line with markers per series (e.g. per value of
    /// a second parameter) through the means, asymmetric error bars from <see cref="SweepMetricOptions.Low"/> to
    /// <see cref="SweepMetricOptions.High"/> (a confidence interval over seeds), and optionally every single run as a
    /// faint marker of the series' colour. NaN means are gaps (settings without finished runs).
    /// </summary>
    /// <param name="x">The swept parameter's values.</param>
    /// <param name="mean">mean[series][x].</param>
    /// <param name="options">Titles, series names, intervals, single runs.</param>
    public static Figure SweepMetric(IReadOnlyList<double> x, IReadOnlyList<IReadOnlyList<double>> mean, SweepMetricOptions? options = null)
    {
        options ??= new SweepMetricOptions();
        Check.NotEmpty(x, nameof(x));
        Check.NotEmpty(mean, nameof(mean));
        Check.Rows(mean, x.Count, nameof(mean), nameof(x));
        Check.Count(options.SeriesNames, mean.Count, nameof(options.SeriesNames), "series");
        if ((options.Low is null) != (options.High is null))
            throw new ArgumentException("Low and High must be given together", options.Low is null ? nameof(options.High) : nameof(options.Low));
        if (options.Low is not null)
        {
            Check.Count(options.Low, mean.Count, nameof(options.Low), "series");
            Check.Count(options.High, mean.Count, nameof(options.High), "series");
            Check.Rows(options.Low, x.Count, nameof(options.Low), nameof(x));
            Check.Rows(options.High!, x.Count, nameof(options.High), nameof(x));
        }
        if ((options.PointX is null) != (options.PointY is null))
            throw new ArgumentException("PointX and PointY must be given together", options.PointX is null ? nameof(options.PointY) : nameof(options.PointX));
        if (options.PointX is not null)
        {
            Check.Count(options.PointX, mean.Count, nameof(options.PointX), "series");
            Check.Count(options.PointY, mean.Count, nameof(options.PointY), "series");
            for (int s = 0; s < mean.Count; s++)
                if (options.PointX[s] is null || options.PointY![s] is null || options.PointX[s].Count != options.PointY[s].Count)
                    throw new ArgumentException($"PointX[{s}] and PointY[{s}] must have the same number of values", nameof(options.PointX));
        }
        if (options.LogX && x.Any(v => !(v > 0)))
            throw new ArgumentOutOfRangeException(nameof(x), "LogX needs positive x values");

        var traces = new List<Trace>();
        for (int s = 0; s < mean.Count; s++)
        {
            string name = options.SeriesNames?[s] ?? $"series {s}";
            ErrorBars? bars = null;
            if (options.Low is not null)
            {
                var up = new double[x.Count];
                var down = new double[x.Count];
                for (int i = 0; i < x.Count; i++)
                {
                    up[i] = options.High![s][i] - mean[s][i];
                    down[i] = mean[s][i] - options.Low[s][i];
                    if (up[i] < 0 || down[i] < 0)
                        throw new ArgumentException($"The interval [{options.Low[s][i]}, {options.High[s][i]}] of series {s} at x[{i}] does not contain its mean {mean[s][i]}", nameof(options.Low));
                }
                bars = new ErrorBars { Array = up, ArrayMinus = down, Color = Palette.Color(s), Thickness = 1.5, Width = 4 };
            }
            traces.Add(new ScatterTrace
            {
                Name = name,
                LegendGroup = name,
                X = DataArray.FromNumbers(x),
                Y = DataArray.FromNumbers(mean[s]),
                Mode = TraceMode.Lines | TraceMode.Markers,
                Line = new LineStyle { Color = Palette.Color(s), Width = 2 },
                Marker = new MarkerStyle { Color = Palette.Color(s), Size = 8 },
                ErrorY = bars,
            });
            if (options.PointX is not null)
                traces.Add(new ScatterTrace
                {
                    Name = $"{name} (runs)",
                    LegendGroup = name,
                    ShowLegend = false,
                    X = DataArray.FromNumbers(options.PointX[s]),
                    Y = DataArray.FromNumbers(options.PointY![s]),
                    Mode = TraceMode.Markers,
                    Marker = new MarkerStyle { Color = Palette.Color(s), Size = 5, Opacity = 0.45 },
                });
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.XTitle, Type = options.LogX ? AxisType.Log : AxisType.Linear }],
                YAxes = [new Axis { Title = options.YTitle }],
            },
        };
    }
}
