namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Loss against iteration for one or more runs on a log y axis; with <see cref="TrainingCurveOptions.Lambda"/>,
    /// each run's damping λ as a dotted line of the same colour on a secondary (right, log) y axis. Runs may differ
    /// in length; NaN losses (diverged steps) are gaps. Traces: one per run, plus one per run for λ.
    /// </summary>
    /// <param name="loss">loss[run][iteration].</param>
    /// <param name="options">Names, λ, titles.</param>
    public static Figure TrainingCurves(IReadOnlyList<IReadOnlyList<double>> loss, TrainingCurveOptions? options = null)
    {
        options ??= new TrainingCurveOptions();
        Check.NotEmpty(loss, nameof(loss));
        for (int r = 0; r < loss.Count; r++)
        {
            if (loss[r] is null) throw new ArgumentException($"loss[{r}] is null", nameof(loss));
        }
        Check.Count(options.RunNames, loss.Count, nameof(options.RunNames), "runs");
        if (options.Lambda is not null)
        {
            Check.Count(options.Lambda, loss.Count, nameof(options.Lambda), "runs");
            for (int r = 0; r < loss.Count; r++)
            {
                if (options.Lambda[r] is null) throw new ArgumentException($"Lambda[{r}] is null", nameof(options.Lambda));
                if (options.Lambda[r].Count != loss[r].Count)
                    throw new ArgumentException($"Lambda[{r}] has {options.Lambda[r].Count} values but loss[{r}] has {loss[r].Count}", nameof(options.Lambda));
            }
        }

        var traces = new List<Trace>();
        for (int r = 0; r < loss.Count; r++)
        {
            var name = options.RunNames?[r] ?? $"run {r}";
            traces.Add(new ScatterTrace
            {
                Name = name,
                LegendGroup = name,
                X = Iterations(loss[r].Count, options.FirstIteration),
                Y = DataArray.FromNumbers(loss[r]),
                Mode = TraceMode.Lines,
                Line = new LineStyle { Color = Palette.Color(r), Width = 2 },
            });
        }
        if (options.Lambda is not null)
        {
            for (int r = 0; r < loss.Count; r++)
            {
                var name = options.RunNames?[r] ?? $"run {r}";
                traces.Add(new ScatterTrace
                {
                    Name = $"{name} λ",
                    LegendGroup = name,
                    X = Iterations(loss[r].Count, options.FirstIteration),
                    Y = DataArray.FromNumbers(options.Lambda[r]),
                    Mode = TraceMode.Lines,
                    Line = new LineStyle { Color = Palette.Color(r), Width = 1.5, Dash = "dot" },
                    YAxis = "y2",
                });
            }
        }
        var lossAxis = new Axis { Title = options.LossTitle, Type = options.LogLoss ? AxisType.Log : AxisType.Linear, ExponentFormat = options.LogLoss ? "power" : null };
        var layout = new Layout
        {
            Title = options.Title,
            XAxes = [new Axis { Title = options.IterationTitle }],
            YAxes = options.Lambda is null
                ? [lossAxis]
                : [lossAxis, new Axis { Title = options.LambdaTitle, Type = AxisType.Log, Overlaying = "y", Side = "right", ShowGrid = false, ExponentFormat = "power" }],
            HoverMode = "x unified",
            Legend = options.Lambda is null ? null : new Legend { X = 1.08, XAnchor = "left" },
        };
        return new Figure { Data = traces, Layout = layout };
    }

    private static DataArray Iterations(int count, int first)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++) x[i] = first + i;
        return x;
    }
}
