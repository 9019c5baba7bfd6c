using System.Globalization;

namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// Histogram of per-unit choice probabilities (ROC areas between the two choices) on [0, 1]: with
    /// <paramref name="significant"/>, significant units are filled and the others drawn as stacked outlines (Britten et al.
    /// 1996, Fig. 4 style); with <paramref name="groups"/>, one overlaid histogram per group. A dotted line marks chance
    /// (0.5) and a dashed line the mean of each group. NaN values (units without both choices) are left out.
    /// </summary>
    /// <param name="choiceProbability">One value per unit, in [0, 1] or NaN.</param>
    /// <param name="significant">Whether each unit's CP differs from 0.5 (e.g. by a permutation test); null: not shown.</param>
    /// <param name="groups">Group (0, 1, …) of each unit; null: one group.</param>
    /// <param name="options">Bin width, names, titles.</param>
    public static Figure ChoiceProbabilityHistogram(IReadOnlyList<double> choiceProbability, IReadOnlyList<bool>? significant = null,
        IReadOnlyList<int>? groups = null, ChoiceProbabilityHistogramOptions? options = null)
    {
        Check.NotEmpty(choiceProbability, nameof(choiceProbability));
        options ??= new ChoiceProbabilityHistogramOptions();
        for (int i = 0; i < choiceProbability.Count; i++)
        {
            double v = choiceProbability[i];
            if (!double.IsNaN(v) && !(v >= 0 && v <= 1))
                throw new ArgumentOutOfRangeException(nameof(choiceProbability), v, $"choiceProbability[{i}] = {v} is not in [0, 1]");
        }
        Check.Count(significant, choiceProbability.Count, nameof(significant), "units");
        Check.Count(groups, choiceProbability.Count, nameof(groups), "units");
        CheckGroups(groups, options.GroupNames, nameof(groups));
        if (!(options.BinWidth > 0 && options.BinWidth <= 0.5)) throw new ArgumentOutOfRangeException(nameof(options.BinWidth), options.BinWidth, "BinWidth must be in (0, 0.5]");

        var traces = new List<Trace>();
        var shapes = new List<Shape> { Shape.VerticalLine(0.5, new LineStyle { Color = Palette.Reference, Width = 1, Dash = "dot" }) };
        var bins = (0.0, 1.0 + 1e-9, options.BinWidth);
        var groupIds = Enumerable.Range(0, choiceProbability.Count).Select(i => groups?[i] ?? 0).Distinct().Order().ToArray();
        bool several = groups is not null && groupIds.Length > 1;
        foreach (int g in groupIds)
        {
            string name = options.GroupNames?[g] ?? (several ? $"group {g}" : "units");
            var members = Enumerable.Range(0, choiceProbability.Count).Where(i => (groups?[i] ?? 0) == g && !double.IsNaN(choiceProbability[i])).ToArray();
            if (members.Length == 0) continue;
            var color = Palette.Color(g);
            foreach (bool? isSignificant in significant is null ? new bool?[] { null } : [true, false])
            {
                var values = members.Where(i => isSignificant is null || significant![i] == isSignificant).Select(i => choiceProbability[i]).ToArray();
                if (values.Length == 0) continue;
                string label = isSignificant switch { true => $"{name}, significant", false => $"{name}, n.s.", _ => name };
                traces.Add(new HistogramTrace
                {
                    Name = label,
                    LegendGroup = name,
                    X = values,
                    XBins = bins,
                    Opacity = several ? 0.6 : 1,
                    Marker = new MarkerStyle
                    {
                        Color = isSignificant == false ? "rgba(255,255,255,0)" : color,
                        Line = new LineStyle { Color = color, Width = 1.5 },
                    },
                });
            }
            double mean = members.Average(i => choiceProbability[i]);
            shapes.Add(Shape.VerticalLine(mean, new LineStyle { Color = color, Width = 2, Dash = "dash" }));
            traces.Add(new ScatterTrace
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"{name} mean {mean:F3}"),
                LegendGroup = name,
                X = new[] { mean },
                Y = new[] { 0.0 },
                Mode = TraceMode.Markers,
                Marker = new MarkerStyle { Color = color, Symbol = "triangle-up", Size = 11 },
            });
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = options.Title,
                XAxes = [new Axis { Title = options.ValueTitle, Range = (0, 1) }],
                YAxes = [new Axis { Title = "units" }],
                BarMode = several ? "overlay" : "stack",
                Shapes = shapes,
                HoverMode = "closest",
            },
        };
    }
}
