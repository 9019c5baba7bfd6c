using NeuroRnn.Analysis;
using NeuroRnn.Charts;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive;

/// <summary>Tuning-curve figures from <see cref="TuningCurve"/>s of recordings and fitted models.</summary>
public static class TuningChart
{
    /// <summary>
    /// Data tuning curves (mean ± SEM) of every unit in <paramref name="data"/>, overlaid with the dashed model curves of the
    /// same units when <paramref name="model"/> is given (same units in the same order, same angles).
    /// </summary>
    /// <exception cref="ArgumentException">The lists are empty, differ in length, or the angles disagree.</exception>
    public static Figure FromCurves(IReadOnlyList<TuningCurve> data, IReadOnlyList<TuningCurve>? model = null, string title = "Tuning curves")
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("No tuning curves given.", nameof(data));
        var angles = data[0].AnglesDeg;
        for (int u = 1; u < data.Count; u++) CheckAngles(data[u], angles, nameof(data));
        if (model is not null)
        {
            if (model.Count != data.Count) throw new ArgumentException($"{model.Count} model curves for {data.Count} data curves.", nameof(model));
            foreach (var m in model) CheckAngles(m, angles, nameof(model));
        }
        return NeuroCharts.TuningCurves(angles, data.Select(c => (IReadOnlyList<double>)c.Mean).ToArray(), data.Select(c => (IReadOnlyList<double>)c.Sem).ToArray(),
            model?.Select(c => (IReadOnlyList<double>)c.Mean).ToArray(),
            new TuningChartOptions { Title = title, UnitNames = data.Select(c => c.UnitId).ToArray(), StimulusTitle = "direction (deg)", ResponseTitle = $"response ({data[0].ResponseUnit})" });
    }

    /// <summary>
    /// A grid of small panels, one per unit: data (markers with ±SEM) and model (dashed line) tuning curves.
    /// </summary>
    /// <param name="data">Data curves.</param>
    /// <param name="model">Model curves of the same units (or null).</param>
    /// <param name="units">Indices into the lists of the units to draw.</param>
    /// <param name="columns">Panels per row.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">A unit index is out of range or no unit is given.</exception>
    public static Figure Grid(IReadOnlyList<TuningCurve> data, IReadOnlyList<TuningCurve>? model, IReadOnlyList<int> units, int columns = 4, string title = "Tuning: data vs model")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0) throw new ArgumentException("Give at least one unit.", nameof(units));
        if (columns < 1) throw new ArgumentException($"columns must be positive, got {columns}.", nameof(columns));
        if (model is not null && model.Count != data.Count) throw new ArgumentException($"{model.Count} model curves for {data.Count} data curves.", nameof(model));
        foreach (int u in units)
            if (u < 0 || u >= data.Count) throw new ArgumentException($"Unit {u} is outside [0, {data.Count}).", nameof(units));
        columns = Math.Min(columns, units.Count);
        int rows = (units.Count + columns - 1) / columns;
        var traces = new List<Trace>();
        var annotations = new List<Annotation>();
        for (int i = 0; i < units.Count; i++)
        {
            var (x, y) = Layout.SubplotAxes(i / columns, i % columns, columns);
            var d = data[units[i]];
            traces.Add(new ScatterTrace
            {
                Name = "data", LegendGroup = "data", ShowLegend = i == 0, X = d.AnglesDeg, Y = d.Mean, XAxis = x, YAxis = y,
                Mode = TraceMode.Markers | TraceMode.Lines,
                Marker = new MarkerStyle { Color = "#1f77b4", Size = 6 }, Line = new LineStyle { Color = "#1f77b4", Width = 1 },
                ErrorY = new ErrorBars { Array = d.Sem.Select(s => double.IsFinite(s) ? s : 0).ToArray(), Color = "#1f77b4", Thickness = 1, Width = 2 },
            });
            if (model is not null)
            {
                var m = model[units[i]];
                traces.Add(new ScatterTrace
                {
                    Name = "model", LegendGroup = "model", ShowLegend = i == 0, X = m.AnglesDeg, Y = m.Mean, XAxis = x, YAxis = y,
                    Mode = TraceMode.Lines, Line = new LineStyle { Color = "#d62728", Width = 2.5, Dash = "dash" },
                });
            }
            annotations.Add(new Annotation
            {
                Text = d.UnitId, XRef = x + " domain", YRef = y + " domain", X = 0.02, Y = 1.0, XAnchor = "left", YAnchor = "bottom",
            });
        }
        var layout = new Layout { Title = title, HoverMode = "closest", Height = 230 * rows + 80 }.WithSubplotGrid(rows, columns, gap: 0.06);
        return new Figure { Data = traces, Layout = layout with { Annotations = annotations } };
    }

    /// <summary>The grid of <see cref="Grid"/> for a fit: data and model tuning of the fitted units listed in <paramref name="units"/>.</summary>
    public static Figure FromFit(RecordingFitResult fit, IReadOnlyList<int> units, int columns = 4)
    {
        var (data, model) = PreferredOrientationRecovery.TuningOf(fit);
        return Grid(data, model, units, columns);
    }

    private static void CheckAngles(TuningCurve curve, double[] angles, string name)
    {
        if (curve is null) throw new ArgumentException("A tuning curve is null.", name);
        if (!curve.AnglesDeg.AsSpan().SequenceEqual(angles))
            throw new ArgumentException($"Unit {curve.UnitId} has other stimulus angles than the first curve; all curves must share the angles.", name);
    }
}
