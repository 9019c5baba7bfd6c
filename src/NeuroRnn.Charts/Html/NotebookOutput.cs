using NeuroRnn.Charts.Html;

namespace NeuroRnn.Charts;

/// <summary>
/// How figures are shown in notebooks (NeuroRnn kernel, .NET Interactive). plotly.js is ≈ 4.8 MB, so with
/// <see cref="PlotlyJsMode.Embedded"/> only the first figure shown in this process carries it; later figures use the
/// <c>window.Plotly</c> it defined. After a front-end reload without re-running that first cell, call
/// <see cref="ResetPlotlyEmbedding"/> (or restart the kernel) so that the next figure embeds it again.
/// </summary>
public static class NotebookOutput
{
    private static int libraryEmitted;

    /// <summary>The MIME type of plotly figure JSON.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Where notebook figures get plotly.js: embedded once (default, works offline) or from the CDN.</summary>
    public static PlotlyJsMode Mode { get; set; } = PlotlyJsMode.Embedded;

    /// <summary>Whether a figure of this process already carried the embedded plotly.js.</summary>
    public static bool PlotlyEmbedded => Volatile.Read(ref libraryEmitted) != 0;

    /// <summary>Makes the next notebook figure embed plotly.js again.</summary>
    public static void ResetPlotlyEmbedding() => Interlocked.Exchange(ref libraryEmitted, 0);

    /// <summary>
    /// The notebook HTML of a figure given as plotly JSON (<c>{"data": [...], "layout": {...}, "config": {...}}</c>, e.g. a
    /// Plotly.NET chart's <c>GenericChart.toJson</c>), drawn with the same embedded plotly.js as <see cref="Figure"/>s:
    /// the library rides along only if no figure of this process carried it yet.
    /// </summary>
    /// <exception cref="ArgumentException">The JSON is not an object with a <c>data</c> array.</exception>
    public static string Html(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        var mode = Mode;
        bool claimed = mode == PlotlyJsMode.Embedded && Interlocked.Exchange(ref libraryEmitted, 1) == 0;
        try
        {
            return FigureHtml.FragmentFromJson(figureJson, new HtmlOptions { PlotlyJs = mode }, includeLibrary: mode != PlotlyJsMode.Embedded || claimed);
        }
        catch when (claimed)
        {
            ResetPlotlyEmbedding(); // bad JSON: the next figure must still carry the library
            throw;
        }
    }

    /// <summary>The notebook HTML of a figure (embeds plotly.js only if no figure of this process has yet).</summary>
    public static string Html(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var mode = Mode;
        if (mode == PlotlyJsMode.Embedded && Interlocked.Exchange(ref libraryEmitted, 1) != 0)
            mode = PlotlyJsMode.AlreadyLoaded;
        return FigureHtml.Fragment(figure, new HtmlOptions { PlotlyJs = mode });
    }
}
