namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Trajectories in a 2-D state space (e.g. the first two principal components), one line per trial coloured by
    /// condition (one legend entry per condition), a start marker trace (circles) and an end marker trace (squares)
    /// and, when <see cref="StateSpaceOptions.FixedPoints"/> is given, stable fixed points (filled diamonds) and
    /// unstable ones (open diamonds). Traces: trajectories, start, end, then stable and unstable fixed points if any.
    /// </summary>
    /// <param name="trajectories">One time × dimension matrix per trial (at least 2 columns are used).</param>
    /// <param name="conditions">The condition index (0, 1, …) of each trial; null = all condition 0.</param>
    /// <param name="options">Names, fixed points, titles.</param>
    public static Figure StateSpace2D(IReadOnlyList<double[,]> trajectories, IReadOnlyList<int>? conditions = null, StateSpaceOptions? options = null) =>
        StateSpace(trajectories, conditions, options ?? new StateSpaceOptions(), dimensions: 2);

    /// <summary>The same as <see cref="StateSpace2D"/> in three dimensions (scatter3d, 3 columns used).</summary>
    public static Figure StateSpace3D(IReadOnlyList<double[,]> trajectories, IReadOnlyList<int>? conditions = null, StateSpaceOptions? options = null) =>
        StateSpace(trajectories, conditions, options ?? new StateSpaceOptions(), dimensions: 3);

    private static Figure StateSpace(IReadOnlyList<double[,]> trajectories, IReadOnlyList<int>? conditions, StateSpaceOptions options, int dimensions)
    {
        Check.NotEmpty(trajectories, nameof(trajectories));
        for (int i = 0; i < trajectories.Count; i++)
        {
            var t = trajectories[i] ?? throw new ArgumentException($"trajectories[{i}] is null", nameof(trajectories));
            if (t.GetLength(1) < dimensions)
                throw new ArgumentException($"trajectories[{i}] has {t.GetLength(1)} columns but a {dimensions}-D plot needs at least {dimensions}", nameof(trajectories));
            if (t.GetLength(0) == 0) throw new ArgumentException($"trajectories[{i}] has no time steps", nameof(trajectories));
        }
        Check.Count(conditions, trajectories.Count, nameof(conditions), "trajectories");
        if (conditions is not null)
        {
            for (int i = 0; i < conditions.Count; i++)
            {
                if (conditions[i] < 0) throw new ArgumentOutOfRangeException(nameof(conditions), conditions[i], $"conditions[{i}] is negative");
                if (options.ConditionNames is not null && conditions[i] >= options.ConditionNames.Count)
                    throw new ArgumentException($"conditions[{i}] is {conditions[i]} but only {options.ConditionNames.Count} condition names were given", nameof(conditions));
            }
        }
        Check.Count(options.AxisTitles, dimensions, nameof(options.AxisTitles), "dimensions");
        var fixedPoints = options.FixedPoints;
        if (fixedPoints is not null && fixedPoints.GetLength(1) < dimensions)
            throw new ArgumentException($"FixedPoints has {fixedPoints.GetLength(1)} columns but a {dimensions}-D plot needs at least {dimensions}", nameof(options.FixedPoints));
        if (options.FixedPointStable is not null)
        {
            if (fixedPoints is null) throw new ArgumentException("FixedPointStable was given without FixedPoints", nameof(options.FixedPointStable));
            Check.Count(options.FixedPointStable, fixedPoints.GetLength(0), nameof(options.FixedPointStable), "fixed points");
        }

        var traces = new List<Trace>();
        var legendShown = new HashSet<int>();
        for (int i = 0; i < trajectories.Count; i++)
        {
            int condition = conditions?[i] ?? 0;
            var name = options.ConditionNames?[condition] ?? $"condition {condition}";
            var line = new LineStyle { Color = Palette.Color(condition), Width = options.LineWidth };
            var columns = Columns(trajectories[i], dimensions, 0, trajectories[i].GetLength(0));
            traces.Add(MakeTrace(dimensions, columns, name, TraceMode.Lines, line, null) with
            {
                LegendGroup = name,
                ShowLegend = legendShown.Add(condition),
            });
        }
        traces.Add(MakeTrace(dimensions, Endpoints(trajectories, dimensions, first: true), "start", TraceMode.Markers, null,
            new MarkerStyle { Color = "#222222", Symbol = "circle", Size = dimensions == 2 ? 9 : 3 }));
        traces.Add(MakeTrace(dimensions, Endpoints(trajectories, dimensions, first: false), "end", TraceMode.Markers, null,
            new MarkerStyle { Color = "#222222", Symbol = "square", Size = dimensions == 2 ? 9 : 3 }));
        if (fixedPoints is not null)
        {
            int count = fixedPoints.GetLength(0);
            var stable = Enumerable.Range(0, count).Where(k => options.FixedPointStable?[k] ?? true).ToArray();
            var unstable = Enumerable.Range(0, count).Where(k => !(options.FixedPointStable?[k] ?? true)).ToArray();
            if (stable.Length > 0)
                traces.Add(MakeTrace(dimensions, SelectRows(fixedPoints, stable, dimensions), "stable fixed point", TraceMode.Markers, null,
                    new MarkerStyle { Color = Palette.Stable, Symbol = "diamond", Size = dimensions == 2 ? 13 : 5, Line = new LineStyle { Color = "#000000", Width = 1 } }));
            if (unstable.Length > 0)
                traces.Add(MakeTrace(dimensions, SelectRows(fixedPoints, unstable, dimensions), "unstable fixed point", TraceMode.Markers, null,
                    new MarkerStyle { Color = Palette.Unstable, Symbol = "diamond-open", Size = dimensions == 2 ? 13 : 5, Line = new LineStyle { Color = Palette.Unstable, Width = 2 } }));
        }

        var titles = options.AxisTitles ?? Enumerable.Range(1, dimensions).Select(d => $"PC {d}").ToArray();
        var layout = new Layout { Title = options.Title, HoverMode = "closest" };
        layout = dimensions == 2
            ? layout with { XAxes = [new Axis { Title = titles[0] }], YAxes = [new Axis { Title = titles[1] }] }
            : layout with { Height = 600, Margin = new Margin { L = 0, R = 0, T = 60, B = 0 }, Scenes = [new Scene { XAxis = new Axis { Title = titles[0] }, YAxis = new Axis { Title = titles[1] }, ZAxis = new Axis { Title = titles[2] } }] };
        return new Figure { Data = traces, Layout = layout };
    }

    private static Trace MakeTrace(int dimensions, double[][] columns, string name, TraceMode mode, LineStyle? line, MarkerStyle? marker) =>
        dimensions == 2
            ? new ScatterTrace { Name = name, X = columns[0], Y = columns[1], Mode = mode, Line = line, Marker = marker }
            : new Scatter3dTrace { Name = name, X = columns[0], Y = columns[1], Z = columns[2], Mode = mode, Line = line, Marker = marker };

    private static double[][] Columns(double[,] matrix, int dimensions, int startRow, int rowCount)
    {
        var columns = new double[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            columns[d] = new double[rowCount];
            for (int t = 0; t < rowCount; t++) columns[d][t] = matrix[startRow + t, d];
        }
        return columns;
    }

    private static double[][] Endpoints(IReadOnlyList<double[,]> trajectories, int dimensions, bool first)
    {
        var columns = new double[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            columns[d] = new double[trajectories.Count];
            for (int i = 0; i < trajectories.Count; i++)
                columns[d][i] = trajectories[i][first ? 0 : trajectories[i].GetLength(0) - 1, d];
        }
        return columns;
    }

    private static double[][] SelectRows(double[,] matrix, int[] rows, int dimensions)
    {
        var columns = new double[dimensions][];
        for (int d = 0; d < dimensions; d++)
        {
            columns[d] = new double[rows.Length];
            for (int k = 0; k < rows.Length; k++) columns[d][k] = matrix[rows[k], d];
        }
        return columns;
    }
}
