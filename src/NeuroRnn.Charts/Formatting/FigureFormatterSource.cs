using System.Collections;

namespace NeuroRnn.Charts.Formatting;

/// <summary>
/// The formatter source named by <see cref="Figure"/>'s <c>TypeFormatterSource</c> attribute: notebook hosts create
/// it with the parameterless constructor and call <see cref="CreateTypeFormatters"/>.
/// </summary>
public sealed class FigureFormatterSource
{
    /// <summary>The formatters for <see cref="Figure"/>: <c>text/html</c>, <c>application/vnd.plotly.v1+json</c> and <c>text/plain</c>.</summary>
    public IEnumerable CreateTypeFormatters() => new object[] { new FigureHtmlFormatter(), new FigurePlotlyJsonFormatter(), new FigurePlainTextFormatter() };
}
