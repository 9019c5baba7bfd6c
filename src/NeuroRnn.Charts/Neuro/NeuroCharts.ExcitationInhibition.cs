namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// One unit's excitatory (red), inhibitory (blue, negative) and net (black) input current over time — the picture of
    /// a balanced unit is two large mirror-image currents and a small net current.
    /// </summary>
    /// <param name="timeMs">Time of each step.</param>
    /// <param name="excitatory">Excitatory current per step.</param>
    /// <param name="inhibitory">Inhibitory current per step (negative).</param>
    /// <param name="net">Net current per step.</param>
    /// <param name="options">Titles.</param>
    public static Figure ExcitationInhibitionCurrents(IReadOnlyList<double> timeMs, IReadOnlyList<double> excitatory, IReadOnlyList<double> inhibitory,
        IReadOnlyList<double> net, ExcitationInhibitionOptions? options = null)
    {
        Check.NotEmpty(timeMs, nameof(timeMs));
        Check.Count(excitatory, timeMs.Count, nameof(excitatory), "time steps");
        Check.Count(inhibitory, timeMs.Count, nameof(inhibitory), "time steps");
        Check.Count(net, timeMs.Count, nameof(net), "time steps");
        options ??= new ExcitationInhibitionOptions();
        ScatterTrace Line(string name, IReadOnlyList<double> y, string color, double width) => new()
        {
            Name = name, X = DataArray.FromNumbers(timeMs), Y = DataArray.FromNumbers(y), Mode = TraceMode.Lines,
            Line = new LineStyle { Color = color, Width = width },
        };
        return new Figure
        {
            Data = [Line("excitatory", excitatory, "#d62728", 2), Line("inhibitory", inhibitory, "#1f77b4", 2), Line("net", net, "#222222", 2.5)],
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.TimeTitle }],
                YAxes = [new Axis { Title = options.CurrentTitle }],
                Shapes = [Shape.HorizontalLine(0, new LineStyle { Color = Palette.Reference, Width = 1, Dash = "dot" })],
                HoverMode = "x unified",
            },
        };
    }

    /// <summary>
    /// Balance across units: each unit's mean excitatory current against its mean |inhibitory| current, with the identity
    /// line (perfect balance) dashed; optional groups (e.g. E and I units) in their own colours.
    /// </summary>
    /// <param name="excitatory">Mean excitatory current per unit.</param>
    /// <param name="inhibitory">Mean |inhibitory| current per unit (non-negative).</param>
    /// <param name="groups">Group of each unit; null: one group.</param>
    /// <param name="options">Titles and group names.</param>
    public static Figure ExcitationInhibitionBalance(IReadOnlyList<double> excitatory, IReadOnlyList<double> inhibitory,
        IReadOnlyList<int>? groups = null, ExcitationInhibitionOptions? options = null)
    {
        Check.NotEmpty(excitatory, nameof(excitatory));
        Check.Count(inhibitory, excitatory.Count, nameof(inhibitory), "units");
        Check.Count(groups, excitatory.Count, nameof(groups), "units");
        options ??= new ExcitationInhibitionOptions();
        CheckGroups(groups, options.GroupNames, nameof(groups));
        var traces = new List<Trace>();
        foreach (int g in Enumerable.Range(0, excitatory.Count).Select(i => groups?[i] ?? 0).Distinct().Order())
        {
            var members = Enumerable.Range(0, excitatory.Count).Where(i => (groups?[i] ?? 0) == g).ToArray();
            traces.Add(new ScatterTrace
            {
                Name = options.GroupNames?[g] ?? (groups is null ? "units" : $"group {g}"),
                X = members.Select(i => inhibitory[i]).ToArray(),
                Y = members.Select(i => excitatory[i]).ToArray(),
                Mode = TraceMode.Markers,
                Marker = new MarkerStyle { Color = Palette.Color(g), Size = 7, Opacity = 0.8 },
            });
        }
        double max = Math.Max(excitatory.Where(double.IsFinite).DefaultIfEmpty(1).Max(), inhibitory.Where(double.IsFinite).DefaultIfEmpty(1).Max());
        traces.Add(new ScatterTrace
        {
            Name = "E = |I|", X = new[] { 0.0, max }, Y = new[] { 0.0, max }, Mode = TraceMode.Lines,
            Line = new LineStyle { Color = Palette.Reference, Width = 1, Dash = "dash" },
        });
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = "mean |inhibitory| " + options.CurrentTitle }],
                YAxes = [new Axis { Title = "mean excitatory " + options.CurrentTitle }],
            },
        };
    }
}
