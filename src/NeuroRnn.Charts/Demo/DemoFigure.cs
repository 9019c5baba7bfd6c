namespace NeuroRnn.Charts.Demo;

/// <summary>One figure of the chart demo: a heading, a short file-name-safe key, and the figure.</summary>
/// <param name="Key">Short identifier, e.g. "tuning-curves" (used for per-figure files).</param>
/// <param name="Heading">Heading shown above the figure.</param>
/// <param name="Figure">The figure.</param>
public sealed record DemoFigure(string Key, string Heading, Figure Figure);
