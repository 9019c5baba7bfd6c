namespace NeuroRnn.Charts;

public static partial class NeuroCharts
{
    /// <summary>
    /// A labelled square similarity matrix (e.g. pairwise SVCCA of networks' dynamics) as a heatmap on a 0–1 scale, the
    /// first row at the top; NaN cells stay blank.
    /// </summary>
    /// <param name="similarity">n × n values (symmetric is not required).</param>
    /// <param name="labels">n row and column labels.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">The matrix is empty or not square, or the label count differs.</exception>
    public static Figure SimilarityMatrix(double[,] similarity, IReadOnlyList<string> labels, string title = "Pairwise similarity (SVCCA)")
    {
        ArgumentNullException.ThrowIfNull(similarity);
        ArgumentNullException.ThrowIfNull(labels);
        int n = similarity.GetLength(0);
        if (n == 0 || similarity.GetLength(1) != n)
            throw new ArgumentException($"similarity is {n} × {similarity.GetLength(1)}; it must be square and non-empty.", nameof(similarity));
        if (labels.Count != n)
            throw new ArgumentException($"labels has {labels.Count} entries but similarity has {n} rows.", nameof(labels));
        var names = labels.ToArray();
        return new Figure
        {
            Data =
            [
                new HeatmapTrace
                {
                    Z = similarity, X = names, Y = names, ZMin = 0, ZMax = 1, ColorScale = ColorScale.Viridis,
                    HoverTemplate = "%{y} vs %{x}: %{z:.3f}<extra></extra>",
                },
            ],
            Layout = new Layout
            {
                Title = title,
                XAxes = [new Axis { TickFormat = null }],
                YAxes = [new Axis { AutoRange = "reversed" }],
            },
        };
    }
}
