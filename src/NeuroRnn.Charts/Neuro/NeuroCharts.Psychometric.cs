namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Psychometric curves: P(choice) against signed coherence, one marker trace per context (with binomial error
    /// bars when trial counts are given), plus one line per context for <see cref="PsychometricOptions.Fits"/>;
    /// dotted reference lines at P = 0.5 and coherence 0; y from 0 to 1.
    /// </summary>
    /// <param name="coherence">Signed coherence levels.</param>
    /// <param name="pChoice">pChoice[context][level]: fraction of choices, in [0, 1] (NaN = no trials).</param>
    /// <param name="options">Context names, trial counts, fits.</param>
    public static Figure PsychometricCurves(IReadOnlyList<double> coherence, IReadOnlyList<IReadOnlyList<double>> pChoice, PsychometricOptions? options = null)
    {
        options ??= new PsychometricOptions();
        Check.NotEmpty(coherence, nameof(coherence));
        Check.NotEmpty(pChoice, nameof(pChoice));
        Check.Rows(pChoice, coherence.Count, nameof(pChoice), nameof(coherence));
        for (int c = 0; c < pChoice.Count; c++)
        {
            for (int i = 0; i < coherence.Count; i++)
            {
                double p = pChoice[c][i];
                if (!double.IsNaN(p) && !(p >= 0 && p <= 1))
                    throw new ArgumentOutOfRangeException(nameof(pChoice), p, $"pChoice[{c}][{i}] = {p} is not a probability in [0, 1]");
            }
        }
        Check.Count(options.ContextNames, pChoice.Count, nameof(options.ContextNames), "contexts");
        Check.Count(options.TrialCounts, pChoice.Count, nameof(options.TrialCounts), "contexts");
        Check.Count(options.Fits, pChoice.Count, nameof(options.Fits), "contexts");
        Check.Count(options.FitLower, pChoice.Count, nameof(options.FitLower), "contexts");
        Check.Count(options.FitUpper, pChoice.Count, nameof(options.FitUpper), "contexts");
        if ((options.FitLower is null) != (options.FitUpper is null))
            throw new ArgumentException("FitLower and FitUpper must be given together", options.FitLower is null ? nameof(options.FitUpper) : nameof(options.FitLower));
        if (options.FitLower is not null && options.Fits is null)
            throw new ArgumentException("FitLower/FitUpper draw a band around Fits, which was not given", nameof(options.FitLower));
        if (options.Fits is not null && options.FitPoints < 2)
            throw new ArgumentOutOfRangeException(nameof(options.FitPoints), options.FitPoints, "FitPoints must be at least 2");
        if (options.TrialCounts is not null)
        {
            for (int c = 0; c < pChoice.Count; c++)
            {
                var counts = options.TrialCounts[c] ?? throw new ArgumentException($"TrialCounts[{c}] is null", nameof(options.TrialCounts));
                if (counts.Count != coherence.Count)
                    throw new ArgumentException($"TrialCounts[{c}] has {counts.Count} values but coherence has {coherence.Count}", nameof(options.TrialCounts));
            }
        }

        var x = DataArray.FromNumbers(coherence);
        var traces = new List<Trace>();
        for (int c = 0; c < pChoice.Count; c++)
        {
            var name = options.ContextNames?[c] ?? $"context {c}";
            ErrorBars? errors = null;
            if (options.TrialCounts is not null)
            {
                var se = new double[coherence.Count];
                for (int i = 0; i < se.Length; i++)
                {
                    double p = pChoice[c][i];
                    int n = options.TrialCounts[c][i];
                    se[i] = n > 0 ? Math.Sqrt(p * (1 - p) / n) : double.NaN;
                }
                errors = new ErrorBars { Array = se, Color = Palette.Color(c), Thickness = 1.2, Width = 3 };
            }
            traces.Add(new ScatterTrace
            {
                Name = name,
                LegendGroup = name,
                X = x,
                Y = DataArray.FromNumbers(pChoice[c]),
                Mode = options.Fits is null ? TraceMode.Lines | TraceMode.Markers : TraceMode.Markers,
                Marker = new MarkerStyle { Color = Palette.Color(c), Size = 8 },
                Line = new LineStyle { Color = Palette.Color(c), Width = 1.5 },
                ErrorY = errors,
            });
        }
        if (options.Fits is not null)
        {
            double lo = coherence.Min(), hi = coherence.Max();
            for (int c = 0; c < pChoice.Count; c++)
            {
                var fit = options.Fits[c] ?? throw new ArgumentException($"Fits[{c}] is null", nameof(options.Fits));
                var fx = new double[options.FitPoints];
                var fy = new double[options.FitPoints];
                for (int i = 0; i < fx.Length; i++)
                {
                    fx[i] = lo + (hi - lo) * i / (fx.Length - 1);
                    fy[i] = fit(fx[i]);
                }
                var name = options.ContextNames?[c] ?? $"context {c}";
                if (options.FitLower is not null)
                {
                    var lower = options.FitLower[c] ?? throw new ArgumentException($"FitLower[{c}] is null", nameof(options.FitLower));
                    var upper = options.FitUpper![c] ?? throw new ArgumentException($"FitUpper[{c}] is null", nameof(options.FitUpper));
                    // One closed polygon: along the upper edge, back along the lower one.
                    traces.Add(new ScatterTrace
                    {
                        Name = $"{name} fit CI",
                        LegendGroup = name,
                        ShowLegend = false,
                        X = fx.Concat(fx.Reverse()).ToArray(),
                        Y = fx.Select(upper).Concat(fx.Reverse().Select(lower)).ToArray(),
                        Mode = TraceMode.Lines,
                        Line = new LineStyle { Color = Palette.Color(c), Width = 0 },
                        Fill = "toself",
                        FillColor = Palette.Color(c),
                        Opacity = 0.2,
                        HoverTemplate = "CI<extra></extra>",
                    });
                }
                traces.Add(new ScatterTrace
                {
                    Name = $"{name} fit",
                    LegendGroup = name,
                    ShowLegend = false,
                    X = fx,
                    Y = fy,
                    Mode = TraceMode.Lines,
                    Line = new LineStyle { Color = Palette.Color(c), Width = 2 },
                    HoverTemplate = "fit %{x:.3f}: %{y:.3f}<extra></extra>",
                });
            }
        }
        var reference = new LineStyle { Color = Palette.Reference, Width = 1, Dash = "dot" };
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.CoherenceTitle, ZeroLine = false }],
                YAxes = [new Axis { Title = options.ChoiceTitle, Range = (-0.02, 1.02), ZeroLine = false }],
                Shapes = [Shape.HorizontalLine(0.5, reference), Shape.VerticalLine(0, reference)],
                HoverMode = "closest",
            },
        };
    }
}
