namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Activity of a population as a units × time heat-map (one trace), optionally with the units sorted
    /// (by peak time, or in a given order); row k shows unit Order[k], and hovering shows the unit's index.
    /// </summary>
    /// <param name="activity">activity[unit, time].</param>
    /// <param name="options">Order, time axis, colours.</param>
    public static Figure ActivityHeatmap(double[,] activity, ActivityHeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        options ??= new ActivityHeatmapOptions();
        int units = activity.GetLength(0), steps = activity.GetLength(1);
        if (units == 0 || steps == 0) throw new ArgumentException($"activity is {units}×{steps}; it needs at least one unit and one time step", nameof(activity));
        if (options.Time is not null && options.Time.Count != steps)
            throw new ArgumentException($"Time has {options.Time.Count} values but activity has {steps} time steps", nameof(options.Time));
        var order = options.Order is not null ? ValidatedOrder(options.Order, units) : options.SortByPeakTime ? PeakTimeOrder(activity) : null;

        var z = new double[units, steps];
        var rowLabels = new string[units];
        for (int k = 0; k < units; k++)
        {
            int unit = order?[k] ?? k;
            rowLabels[k] = $"unit {unit}";
            for (int t = 0; t < steps; t++) z[k, t] = activity[unit, t];
        }
        var heatmap = new HeatmapTrace
        {
            Name = "activity",
            Z = z,
            X = options.Time is null ? DataArray.Range(steps) : DataArray.FromNumbers(options.Time),
            // Sorted rows are labelled with the unit they show (a category axis), so hover and ticks tell the unit.
            Y = order is null ? DataArray.Range(units) : DataArray.FromStrings(rowLabels),
            ColorScale = options.ColorScale,
            ColorBar = new ColorBar { Title = options.ColorBarTitle },
            HoverTemplate = (order is null ? "unit %{y}" : "%{y}") + "<br>t=%{x}<br>%{z:.3g}<extra></extra>",
        };
        return new Figure
        {
            Data = [heatmap],
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.TimeTitle }],
                YAxes = [new Axis
                {
                    Title = order is null ? options.UnitTitle : $"{options.UnitTitle} ({(options.Order is null ? "sorted by peak time" : "sorted")})",
                    AutoRange = "reversed",
                    Type = order is null ? null : AxisType.Category,
                }],
            },
        };
    }

    /// <summary>The unit order by time of peak activity (earliest first; ties keep unit order; NaN never peaks).</summary>
    public static int[] PeakTimeOrder(double[,] activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        int units = activity.GetLength(0), steps = activity.GetLength(1);
        var peak = new int[units];
        for (int u = 0; u < units; u++)
        {
            int best = steps;
            double max = double.NegativeInfinity;
            for (int t = 0; t < steps; t++)
            {
                if (activity[u, t] > max) { max = activity[u, t]; best = t; }
            }
            peak[u] = best;
        }
        return Enumerable.Range(0, units).OrderBy(u => peak[u]).ThenBy(u => u).ToArray();
    }

    /// <summary>
    /// A spike raster: one row per trial (or unit), a vertical tick at each spike time. One WebGL trace
    /// (scattergl), so hundreds of thousands of spikes stay fast.
    /// </summary>
    /// <param name="spikeTimes">spikeTimes[row]: the spike times of that row, in any order.</param>
    /// <param name="options">Titles, colour, tick size.</param>
    public static Figure SpikeRaster(IReadOnlyList<IReadOnlyList<double>> spikeTimes, SpikeRasterOptions? options = null)
    {
        Check.NotEmpty(spikeTimes, nameof(spikeTimes));
        options ??= new SpikeRasterOptions();
        int total = 0;
        for (int r = 0; r < spikeTimes.Count; r++)
            total += (spikeTimes[r] ?? throw new ArgumentException($"spikeTimes[{r}] is null", nameof(spikeTimes))).Count;
        var x = new double[total];
        var y = new double[total];
        int k = 0;
        for (int r = 0; r < spikeTimes.Count; r++)
        {
            var row = spikeTimes[r];
            for (int i = 0; i < row.Count; i++, k++)
            {
                x[k] = row[i];
                y[k] = r;
            }
        }
        var raster = new ScatterGlTrace
        {
            Name = "spikes",
            X = x,
            Y = y,
            Mode = TraceMode.Markers,
            Marker = new MarkerStyle { Symbol = "line-ns-open", Size = options.TickSize, Color = options.Color, Line = new LineStyle { Color = options.Color, Width = 1.5 } },
            HoverTemplate = "t=%{x}<br>row %{y}<extra></extra>",
        };
        return new Figure
        {
            Data = [raster],
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.TimeTitle }],
                YAxes = [new Axis { Title = options.RowTitle, AutoRange = "reversed", ZeroLine = false }],
                ShowLegend = false,
            },
        };
    }

    private static int[] ValidatedOrder(IReadOnlyList<int> order, int units)
    {
        if (order.Count != units) throw new ArgumentException($"Order has {order.Count} entries but activity has {units} units", nameof(ActivityHeatmapOptions.Order));
        var seen = new bool[units];
        for (int k = 0; k < units; k++)
        {
            int u = order[k];
            if (u < 0 || u >= units) throw new ArgumentException($"Order[{k}] = {u} is not a unit index in [0, {units})", nameof(ActivityHeatmapOptions.Order));
            if (seen[u]) throw new ArgumentException($"Order[{k}] = {u} repeats a unit; Order must be a permutation", nameof(ActivityHeatmapOptions.Order));
            seen[u] = true;
        }
        return order.ToArray();
    }
}
