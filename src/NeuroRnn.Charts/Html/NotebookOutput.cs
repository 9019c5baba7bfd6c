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
