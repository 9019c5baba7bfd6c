using System.Globalization;

namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Condition-averaged population trajectories in the subspace of targeted dimensionality reduction (Mante et al. 2013,
    /// Fig. 2 and 5): one panel per projection (e.g. choice × motion and choice × colour, per context), one line per
    /// condition, coloured by signed coherence (blue for negative, red for positive, darker for stronger) with filled
    /// markers for choice +1 and open markers for choice −1. Traces: one per trajectory, panel by panel; each coherence is
    /// in the legend once.
    /// </summary>
    /// <param name="panels">The panels (at least one; each with matching trajectory, coherence and choice counts).</param>
    /// <param name="options">Layout, names, title.</param>
    public static Figure TdrTrajectories(IReadOnlyList<TdrPanel> panels, TdrTrajectoryOptions? options = null)
    {
        Check.NotEmpty(panels, nameof(panels));
        options ??= new TdrTrajectoryOptions();
        int columns = options.Columns ?? Math.Min(2, panels.Count);
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(options.Columns), columns, "Columns must be at least 1");
        if (options.MarkerEvery < 1) throw new ArgumentOutOfRangeException(nameof(options.MarkerEvery), options.MarkerEvery, "MarkerEvery must be at least 1");
        for (int p = 0; p < panels.Count; p++)
        {
            var panel = panels[p] ?? throw new ArgumentException($"panels[{p}] is null", nameof(panels));
            if (panel.Trajectories is null || panel.Trajectories.Count == 0) throw new ArgumentException($"panels[{p}] has no trajectories", nameof(panels));
            if (panel.Coherence?.Count != panel.Trajectories.Count || panel.Choice?.Count != panel.Trajectories.Count)
                throw new ArgumentException($"panels[{p}] has {panel.Trajectories.Count} trajectories but {panel.Coherence?.Count ?? 0} coherences and {panel.Choice?.Count ?? 0} choices", nameof(panels));
            for (int i = 0; i < panel.Trajectories.Count; i++)
            {
                var t = panel.Trajectories[i] ?? throw new ArgumentException($"panels[{p}].Trajectories[{i}] is null", nameof(panels));
                if (t.GetLength(1) < 2) throw new ArgumentException($"panels[{p}].Trajectories[{i}] has {t.GetLength(1)} columns but needs 2", nameof(panels));
            }
            if (panel.AxisTitles is not null && panel.AxisTitles.Count != 2)
                throw new ArgumentException($"panels[{p}].AxisTitles has {panel.AxisTitles.Count} entries but needs 2", nameof(panels));
        }

        var levels = panels.SelectMany(p => p.Coherence).Where(double.IsFinite).Distinct().Order().ToArray();
        var shown = new HashSet<double>();
        var traces = new List<Trace>();
        int rows = (panels.Count + columns - 1) / columns;
        var xAxes = new List<Axis>();
        var yAxes = new List<Axis>();
        var annotations = new List<Annotation>();
        for (int p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var (xId, yId) = Layout.SubplotAxes(p / columns, p % columns, columns);
            var titles = panel.AxisTitles ?? ["axis 1", "axis 2"];
            xAxes.Add(new Axis { Title = titles[0], ZeroLine = true });
            yAxes.Add(new Axis { Title = titles[1], ZeroLine = true });
            for (int i = 0; i < panel.Trajectories.Count; i++)
            {
                var t = panel.Trajectories[i];
                double coherence = panel.Coherence[i], choice = panel.Choice[i];
                string color = CoherenceColor(coherence, levels);
                string label = string.Create(CultureInfo.InvariantCulture, $"{options.CoherenceName} {coherence:+0.###;-0.###;0}");
                int steps = t.GetLength(0);
                traces.Add(new ScatterTrace
                {
                    Name = label,
                    LegendGroup = label,
                    ShowLegend = shown.Add(coherence),
                    X = Column(t, 0),
                    Y = Column(t, 1),
                    XAxis = xId,
                    YAxis = yId,
                    Mode = TraceMode.Lines | TraceMode.Markers,
                    Line = new LineStyle { Color = color, Width = 1.5 },
                    Marker = new MarkerStyle
                    {
                        Color = color,
                        Symbol = choice > 0 ? "circle" : "circle-open",
                        Sizes = DataArray.FromNumbers(Enumerable.Range(0, steps).Select(k => k % options.MarkerEvery == 0 || k == steps - 1 ? 7.0 : 0.0)),
                        Line = new LineStyle { Color = color, Width = 1.5 },
                    },
                    HoverTemplate = string.Create(CultureInfo.InvariantCulture, $"{label}, choice {choice:+0;-0;0}<extra></extra>"),
                });
            }
            if (!string.IsNullOrEmpty(panel.Title))
                annotations.Add(new Annotation
                {
                    Text = panel.Title,
                    X = ((p % columns) + 0.5) / columns,
                    Y = 1 - (double)(p / columns) / rows,
                    XRef = "paper", YRef = "paper", XAnchor = "center", YAnchor = "bottom", ShowArrow = false,
                });
        }
        annotations.Add(new Annotation { Text = "filled: choice +1 · open: choice −1", X = 1, Y = -0.08, XRef = "paper", YRef = "paper", XAnchor = "right", YAnchor = "top", ShowArrow = false, Font = new Font { Size = 11 } });
        var layout = new Layout { Title = options.Title, XAxes = xAxes, YAxes = yAxes, HoverMode = "closest", Annotations = annotations, Height = rows * options.RowHeight + 80 }
            .WithSubplotGrid(rows, columns, gap: 0.1);
        return new Figure { Data = traces, Layout = layout };
    }

    /// <summary>Blue shades for negative coherences, red for positive, darker with the magnitude's rank among the levels of its sign.</summary>
    private static string CoherenceColor(double coherence, double[] levels)
    {
        if (!double.IsFinite(coherence) || coherence == 0) return "#555555";
        var same = levels.Where(l => Math.Sign(l) == Math.Sign(coherence)).Select(Math.Abs).Order().ToArray();
        double rank = same.Length <= 1 ? 1 : (double)Array.IndexOf(same, Math.Abs(coherence)) / (same.Length - 1);
        (int r, int g, int b) light = coherence < 0 ? (158, 202, 225) : (252, 174, 145), dark = coherence < 0 ? (8, 81, 156) : (165, 15, 21);
        int Mix(int a, int z) => (int)Math.Round(a + (z - a) * rank);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(light.r, dark.r):x2}{Mix(light.g, dark.g):x2}{Mix(light.b, dark.b):x2}");
    }
}
