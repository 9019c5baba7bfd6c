namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Fixed and slow points in a 2-D state space (e.g. the first two principal components of the network's activity), on
    /// top of the trajectories they were found from: trajectories as thin lines coloured by their group, points as
    /// diamonds coloured by theirs (filled when stable, open when unstable) and, with
    /// <see cref="FixedPointMapOptions.SlowDirections"/>, each point's slow direction as a short segment — the picture of a
    /// line attractor per context (Mante et al. 2013, Fig. 5). Traces: one per trajectory, then per group the stable
    /// points, the unstable points and the slow directions that exist.
    /// </summary>
    /// <param name="trajectories">One time × dimension matrix per trajectory (columns 0 and 1 are drawn); may be empty.</param>
    /// <param name="trajectoryGroups">Group (0, 1, …) of each trajectory; null: all 0.</param>
    /// <param name="points">Points × dimensions (columns 0 and 1 are drawn).</param>
    /// <param name="pointGroups">Group of each point; null: all 0.</param>
    /// <param name="options">Names, stability, slow directions, titles.</param>
    public static Figure FixedPointMap(IReadOnlyList<double[,]> trajectories, IReadOnlyList<int>? trajectoryGroups, double[,] points,
        IReadOnlyList<int>? pointGroups = null, FixedPointMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(points);
        options ??= new FixedPointMapOptions();
        int count = points.GetLength(0);
        if (count == 0) throw new ArgumentException("points has no rows", nameof(points));
        if (points.GetLength(1) < 2) throw new ArgumentException($"points has {points.GetLength(1)} columns but a 2-D map needs at least 2", nameof(points));
        for (int i = 0; i < trajectories.Count; i++)
        {
            var t = trajectories[i] ?? throw new ArgumentException($"trajectories[{i}] is null", nameof(trajectories));
            if (t.GetLength(1) < 2) throw new ArgumentException($"trajectories[{i}] has {t.GetLength(1)} columns but a 2-D map needs at least 2", nameof(trajectories));
        }
        Check.Count(trajectoryGroups, trajectories.Count, nameof(trajectoryGroups), "trajectories");
        Check.Count(pointGroups, count, nameof(pointGroups), "points");
        Check.Count(options.PointStable, count, nameof(options.PointStable), "points");
        Check.Count(options.AxisTitles, 2, nameof(options.AxisTitles), "dimensions");
        CheckGroups(trajectoryGroups, options.GroupNames, nameof(trajectoryGroups));
        CheckGroups(pointGroups, options.GroupNames, nameof(pointGroups));
        var directions = options.SlowDirections;
        if (directions is not null && (directions.GetLength(0) != count || directions.GetLength(1) < 2))
            throw new ArgumentException($"SlowDirections is {directions.GetLength(0)}×{directions.GetLength(1)} but must have one row per point ({count}) and at least 2 columns", nameof(options.SlowDirections));
        if (options.DirectionLength is { } given && !(given > 0)) throw new ArgumentOutOfRangeException(nameof(options.DirectionLength), given, "DirectionLength must be positive");

        string GroupName(int g) => options.GroupNames?[g] ?? $"group {g}";
        var traces = new List<Trace>();
        var legendShown = new HashSet<int>();
        for (int i = 0; i < trajectories.Count; i++)
        {
            int g = trajectoryGroups?[i] ?? 0;
            var t = trajectories[i];
            traces.Add(new ScatterTrace
            {
                Name = $"{GroupName(g)} trajectories",
                LegendGroup = $"trajectories {g}",
                ShowLegend = legendShown.Add(g),
                X = Column(t, 0),
                Y = Column(t, 1),
                Mode = TraceMode.Lines,
                Line = new LineStyle { Color = Palette.Color(g), Width = 1 },
                Opacity = options.TrajectoryOpacity,
                HoverTemplate = $"{GroupName(g)}<extra></extra>",
            });
        }

        double length = options.DirectionLength ?? 0.06 * Math.Max(Range(points, trajectories, 0), Range(points, trajectories, 1));
        foreach (int g in Enumerable.Range(0, count).Select(k => pointGroups?[k] ?? 0).Distinct().Order())
        {
            var members = Enumerable.Range(0, count).Where(k => (pointGroups?[k] ?? 0) == g).ToArray();
            foreach (bool stable in new[] { true, false })
            {
                var rows = members.Where(k => (options.PointStable?[k] ?? true) == stable).ToArray();
                if (rows.Length == 0) continue;
                traces.Add(new ScatterTrace
                {
                    Name = $"{GroupName(g)} {(stable ? "stable" : "unstable")} points",
                    LegendGroup = $"points {g}",
                    X = rows.Select(k => points[k, 0]).ToArray(),
                    Y = rows.Select(k => points[k, 1]).ToArray(),
                    Mode = TraceMode.Markers,
                    Marker = new MarkerStyle
                    {
                        Color = Palette.Color(g), Symbol = stable ? "diamond" : "diamond-open", Size = 10,
                        Line = new LineStyle { Color = stable ? "#000000" : Palette.Color(g), Width = stable ? 1 : 2 },
                    },
                });
            }
            if (directions is null) continue;
            // One trace of segments separated by gaps (NaN → null): a line through each point along its slow direction.
            var x = new List<double>();
            var y = new List<double>();
            foreach (int k in members)
            {
                double dx = directions[k, 0], dy = directions[k, 1], norm = Math.Sqrt(dx * dx + dy * dy);
                if (!(norm > 0) || !double.IsFinite(norm)) continue;
                double hx = 0.5 * length * dx / norm, hy = 0.5 * length * dy / norm;
                x.AddRange([points[k, 0] - hx, points[k, 0] + hx, double.NaN]);
                y.AddRange([points[k, 1] - hy, points[k, 1] + hy, double.NaN]);
            }
            if (x.Count == 0) continue;
            traces.Add(new ScatterTrace
            {
                Name = $"{GroupName(g)} slow direction",
                LegendGroup = $"points {g}",
                X = x.ToArray(),
                Y = y.ToArray(),
                Mode = TraceMode.Lines,
                Line = new LineStyle { Color = Palette.Color(g), Width = 2.5 },
                ConnectGaps = false,
            });
        }
        var titles = options.AxisTitles ?? ["PC 1", "PC 2"];
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = titles[0] }],
                YAxes = [new Axis { Title = titles[1] }],
                HoverMode = "closest",
            },
        };
    }

    private static void CheckGroups(IReadOnlyList<int>? groups, IReadOnlyList<string>? names, string argument)
    {
        if (groups is null) return;
        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i] < 0) throw new ArgumentOutOfRangeException(argument, groups[i], $"{argument}[{i}] is negative");
            if (names is not null && groups[i] >= names.Count)
                throw new ArgumentException($"{argument}[{i}] is {groups[i]} but only {names.Count} group names were given", argument);
        }
    }

    private static double[] Column(double[,] matrix, int column)
    {
        var values = new double[matrix.GetLength(0)];
        for (int i = 0; i < values.Length; i++) values[i] = matrix[i, column];
        return values;
    }

    /// <summary>The finite range of column <paramref name="column"/> over the points and trajectories (1 when empty or flat).</summary>
    private static double Range(double[,] points, IReadOnlyList<double[,]> trajectories, int column)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        void Add(double v)
        {
            if (!double.IsFinite(v)) return;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        for (int i = 0; i < points.GetLength(0); i++) Add(points[i, column]);
        foreach (var t in trajectories)
            for (int i = 0; i < t.GetLength(0); i++) Add(t[i, column]);
        return hi > lo ? hi - lo : 1;
    }
}
