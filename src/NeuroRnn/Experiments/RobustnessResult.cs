using System.Globalization;
using System.Text;

namespace NeuroRnn.Experiments;

/// <summary>The networks of <see cref="ArchitectureRobustness.Run"/> and the pairwise SVCCA of their dynamics.</summary>
public sealed class RobustnessResult
{
    private readonly double[,] similarity;

    internal RobustnessResult(RobustnessOptions options, IReadOnlyList<RobustnessNetwork> networks, double[,] similarity)
    {
        Options = options;
        Networks = networks;
        this.similarity = similarity;
    }

    /// <summary>The settings.</summary>
    public RobustnessOptions Options { get; }

    /// <summary>Every network, in training order (nonlinearity, then size, then optimizer).</summary>
    public IReadOnlyList<RobustnessNetwork> Networks { get; }

    /// <summary>Pairwise SVCCA [i, j] between networks i and j of <see cref="Networks"/> (symmetric, 1 on the diagonal; NaN when a network's rates are not finite).</summary>
    public double[,] Similarity() => (double[,])similarity.Clone();

    /// <summary>Mean off-diagonal SVCCA between networks sharing (or not sharing) a property, e.g. <c>n => n.Nonlinearity</c>.</summary>
    public (double Same, double Different) MeanSimilarityBy<TKey>(Func<RobustnessNetwork, TKey> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        double same = 0, different = 0;
        int ns = 0, nd = 0;
        for (int i = 0; i < Networks.Count; i++)
            for (int j = i + 1; j < Networks.Count; j++)
            {
                double s = similarity[i, j];
                if (!double.IsFinite(s)) continue;
                if (EqualityComparer<TKey>.Default.Equals(property(Networks[i]), property(Networks[j]))) { same += s; ns++; }
                else { different += s; nd++; }
            }
        return (ns > 0 ? same / ns : double.NaN, nd > 0 ? different / nd : double.NaN);
    }

    /// <summary>The networks and the similarity matrix as Markdown tables.</summary>
    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, inv) : "–";
        var md = new StringBuilder();
        md.AppendLine("| # | network | output error | SVCCA with circuit | fixed points (stable) | slow points | iterations | train s | stopped |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < Networks.Count; i++)
        {
            var n = Networks[i];
            md.AppendLine($"| {i} | {n.Label} | {F(n.OutputError, "G3")} | {F(n.SvccaWithCircuit, "F3")} | {(n.FixedPoints is { } f ? $"{f} ({n.StableFixedPoints})" : "–")} | {n.SlowPoints?.ToString(inv) ?? "–"} | {n.Iterations} | {F(n.TrainSeconds, "F1")} | {n.StopReason} |");
        }
        md.AppendLine();
        md.Append("| SVCCA |");
        for (int j = 0; j < Networks.Count; j++) md.Append(inv, $" {j} |");
        md.AppendLine();
        md.Append("|---|");
        for (int j = 0; j < Networks.Count; j++) md.Append("---|");
        md.AppendLine();
        for (int i = 0; i < Networks.Count; i++)
        {
            md.Append(inv, $"| {i} {Networks[i].Label} |");
            for (int j = 0; j < Networks.Count; j++) md.Append($" {F(similarity[i, j], "F2")} |");
            md.AppendLine();
        }
        return md.ToString();
    }
}
