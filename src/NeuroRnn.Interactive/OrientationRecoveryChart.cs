using NeuroRnn.Charts;
using NeuroRnn.Fitting;

namespace NeuroRnn.Interactive;

/// <summary>Scatter of recovered against true preferred orientations.</summary>
public static class OrientationRecoveryChart
{
    /// <summary>
    /// True (x) against model (y) preferred orientation of every unit; selective units (data OSI ≥ threshold) are filled,
    /// the others open. The diagonal and the ±tolerance band are drawn; points near 0°/180° wrap around, so errors are
    /// circular even where the scatter looks far from the diagonal.
    /// </summary>
    public static Figure FromRecovery(PreferredOrientationRecovery recovery, string title = "Preferred orientation: model vs ground truth")
    {
        ArgumentNullException.ThrowIfNull(recovery);
        var selective = new HashSet<int>(recovery.SelectiveUnits);
        int[] sel = Enumerable.Range(0, recovery.TrueDeg.Length).Where(selective.Contains).ToArray();
        int[] rest = Enumerable.Range(0, recovery.TrueDeg.Length).Where(u => !selective.Contains(u)).ToArray();
        Trace Points(int[] units, string name, string symbol, string color) => new ScatterTrace
        {
            Name = name,
            X = units.Select(u => recovery.TrueDeg[u]).ToArray(),
            Y = units.Select(u => recovery.ModelDeg[u]).ToArray(),
            Text = units.Select(u => recovery.UnitIds[u]).ToArray(),
            Mode = TraceMode.Markers,
            Marker = new MarkerStyle { Color = color, Symbol = symbol, Size = 7 },
        };
        double tol = recovery.ToleranceDeg;
        var traces = new List<Trace>
        {
            new ScatterTrace { Name = $"±{tol:0.#}°", LegendGroup = "tolerance", X = new double[] { 0, 180 - tol }, Y = new double[] { tol, 180 }, Mode = TraceMode.Lines, Line = new LineStyle { Color = "#2ca02c", Dash = "dash", Width = 1 } },
            new ScatterTrace { Name = $"±{tol:0.#}°", LegendGroup = "tolerance", ShowLegend = false, X = new double[] { tol, 180 }, Y = new double[] { 0, 180 - tol }, Mode = TraceMode.Lines, Line = new LineStyle { Color = "#2ca02c", Dash = "dash", Width = 1 } },
            new ScatterTrace { Name = "identity", X = new double[] { 0, 180 }, Y = new double[] { 0, 180 }, Mode = TraceMode.Lines, Line = new LineStyle { Color = "#888888", Dash = "dot", Width = 1 } },
            Points(sel, $"OSI ≥ {recovery.OsiThreshold:0.##} ({sel.Length})", "circle", "#1f77b4"),
        };
        if (rest.Length > 0) traces.Add(Points(rest, $"OSI < {recovery.OsiThreshold:0.##} ({rest.Length})", "circle-open", "#999999"));
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = $"{title}: {recovery.ModelFractionWithinTolerance:P0} of selective units within {tol:0.#}°",
                XAxes = [new Axis { Title = "true preferred orientation (deg)", Range = (0, 180), DTick = 30 }],
                YAxes = [new Axis { Title = "model preferred orientation (deg)", Range = (0, 180), DTick = 30 }],
                HoverMode = "closest",
            },
        };
    }
}
