namespace NeuroRnn.Charts;

/// <summary>
/// Neuroscience figures from plain arrays. Every builder validates its arguments (the exception names the argument
/// and the offending index/length) and returns an ordinary <see cref="Figure"/> that can be changed further.
/// </summary>
public static partial class NeuroCharts
{
    /// <summary>
    /// Tuning curves on Cartesian axes: for each unit the mean response (markers and line, with ±SEM error bars when
    /// <paramref name="sem"/> is given) and, when <paramref name="model"/> is given, the model's curve as a dashed line
    /// of the same colour. Traces: one per unit, plus one per unit for the model.
    /// </summary>
    /// <param name="stimuli">Stimulus values (e.g. orientations in degrees), one per column.</param>
    /// <param name="responses">responses[unit][stimulus]: mean responses.</param>
    /// <param name="sem">sem[unit][stimulus]: standard errors of the mean, or null.</param>
    /// <param name="model">model[unit][stimulus]: model responses, or null.</param>
    /// <param name="options">Titles and names.</param>
    public static Figure TuningCurves(
        IReadOnlyList<double> stimuli,
        IReadOnlyList<IReadOnlyList<double>> responses,
        IReadOnlyList<IReadOnlyList<double>>? sem = null,
        IReadOnlyList<IReadOnlyList<double>>? model = null,
        TuningChartOptions? options = null)
    {
        options ??= new TuningChartOptions();
        Check.NotEmpty(stimuli, nameof(stimuli));
        Check.NotEmpty(responses, nameof(responses));
        Check.Rows(responses, stimuli.Count, nameof(responses), nameof(stimuli));
        if (sem is not null)
        {
            Check.Count(sem, responses.Count, nameof(sem), "units");
            Check.Rows(sem, stimuli.Count, nameof(sem), nameof(stimuli));
        }
        if (model is not null)
        {
            Check.Count(model, responses.Count, nameof(model), "units");
            Check.Rows(model, stimuli.Count, nameof(model), nameof(stimuli));
        }
        Check.Count(options.UnitNames, responses.Count, nameof(options.UnitNames), "units");

        var x = DataArray.FromNumbers(stimuli);
        var traces = new List<Trace>();
        for (int u = 0; u < responses.Count; u++)
        {
            var name = UnitName(options.UnitNames, u);
            var color = Palette.Color(u);
            traces.Add(new ScatterTrace
            {
                Name = model is null ? name : $"{name} {options.DataLabel}",
                LegendGroup = name,
                X = x,
                Y = DataArray.FromNumbers(responses[u]),
                Mode = TraceMode.Lines | TraceMode.Markers,
                Line = new LineStyle { Color = color, Width = 1.5 },
                Marker = new MarkerStyle { Color = color, Size = 7 },
                ErrorY = sem is null ? null : new ErrorBars { Array = DataArray.FromNumbers(sem[u]), Color = color, Thickness = 1.2, Width = 3 },
            });
        }
        if (model is not null)
        {
            for (int u = 0; u < model.Count; u++)
            {
                var name = UnitName(options.UnitNames, u);
                traces.Add(new ScatterTrace
                {
                    Name = $"{name} {options.ModelLabel}",
                    LegendGroup = name,
                    X = x,
                    Y = DataArray.FromNumbers(model[u]),
                    Mode = TraceMode.Lines,
                    Line = new LineStyle { Color = Palette.Color(u), Width = 2.5, Dash = "dash" },
                });
            }
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.StimulusTitle }],
                YAxes = [new Axis { Title = options.ResponseTitle }],
                HoverMode = "closest",
            },
        };
    }

    /// <summary>
    /// Tuning curves in polar coordinates: radius = response, angle = stimulus in degrees. One trace per unit, plus
    /// one dashed trace per unit for <paramref name="model"/>. On a full circle the curves are closed.
    /// </summary>
    /// <param name="anglesDegrees">Stimulus angles in degrees.</param>
    /// <param name="responses">responses[unit][angle]: mean responses (must not be negative to read as radii).</param>
    /// <param name="model">model[unit][angle], or null.</param>
    /// <param name="options">Titles, names, sector.</param>
    public static Figure PolarTuningCurves(
        IReadOnlyList<double> anglesDegrees,
        IReadOnlyList<IReadOnlyList<double>> responses,
        IReadOnlyList<IReadOnlyList<double>>? model = null,
        TuningChartOptions? options = null)
    {
        options ??= new TuningChartOptions { Title = "Polar tuning curves" };
        Check.NotEmpty(anglesDegrees, nameof(anglesDegrees));
        Check.NotEmpty(responses, nameof(responses));
        Check.Rows(responses, anglesDegrees.Count, nameof(responses), nameof(anglesDegrees));
        if (model is not null)
        {
            Check.Count(model, responses.Count, nameof(model), "units");
            Check.Rows(model, anglesDegrees.Count, nameof(model), nameof(anglesDegrees));
        }
        Check.Count(options.UnitNames, responses.Count, nameof(options.UnitNames), "units");
        bool close = options.Sector is null;
        var theta = DataArray.FromNumbers(Closed(anglesDegrees, close));

        var traces = new List<Trace>();
        for (int u = 0; u < responses.Count; u++)
        {
            var name = UnitName(options.UnitNames, u);
            traces.Add(new ScatterPolarTrace
            {
                Name = model is null ? name : $"{name} {options.DataLabel}",
                LegendGroup = name,
                R = DataArray.FromNumbers(Closed(responses[u], close)),
                Theta = theta,
                ThetaUnit = "degrees",
                Mode = TraceMode.Lines | TraceMode.Markers,
                Line = new LineStyle { Color = Palette.Color(u), Width = 1.5 },
                Marker = new MarkerStyle { Color = Palette.Color(u), Size = 6 },
            });
        }
        if (model is not null)
        {
            for (int u = 0; u < model.Count; u++)
            {
                var name = UnitName(options.UnitNames, u);
                traces.Add(new ScatterPolarTrace
                {
                    Name = $"{name} {options.ModelLabel}",
                    LegendGroup = name,
                    R = DataArray.FromNumbers(Closed(model[u], close)),
                    Theta = theta,
                    ThetaUnit = "degrees",
                    Mode = TraceMode.Lines,
                    Line = new LineStyle { Color = Palette.Color(u), Width = 2.5, Dash = "dash" },
                });
            }
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                // Radii start at 0: plotly's autorange would otherwise start at the smallest response and distort the shape.
                Polars = [new PolarLayout { Sector = options.Sector, RadialTitle = options.ResponseTitle, RadialRange = (0, 1.1 * MaxFinite(responses, model)) }],
            },
        };
    }

    private static double MaxFinite(IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<IReadOnlyList<double>>? b)
    {
        double max = 0;
        foreach (var rows in b is null ? [a] : new[] { a, b })
            foreach (var row in rows)
                foreach (var v in row)
                    if (double.IsFinite(v)) max = Math.Max(max, v);
        return max > 0 ? max : 1;
    }

    private static string UnitName(IReadOnlyList<string>? names, int unit) => names?[unit] ?? $"unit {unit}";

    private static double[] Closed(IReadOnlyList<double> values, bool close)
    {
        var a = new double[values.Count + (close ? 1 : 0)];
        for (int i = 0; i < values.Count; i++) a[i] = values[i];
        if (close) a[^1] = values[0];
        return a;
    }
}
