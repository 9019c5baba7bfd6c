using System.Net;
using System.Text;
using NeuroRnn.Charts.Html;

namespace NeuroRnn.Charts;

/// <summary>A standalone HTML page of one or more figures, each under an optional heading.</summary>
public sealed record HtmlPage
{
    /// <summary>The page title (also the top heading when there are several figures).</summary>
    public string Title { get; init; } = "NeuroRnn figures";

    /// <summary>The figures, top to bottom.</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>Optional headings, one per figure (null or shorter list: no heading).</summary>
    public IReadOnlyList<string>? Headings { get; init; }

    /// <summary>The plot div ids, one per figure; null = "plot-1", "plot-2", ….</summary>
    public IReadOnlyList<string>? DivIds { get; init; }

    /// <summary>The page text; plotly.js is loaded once in the head (<paramref name="mode"/>).</summary>
    public string ToHtml(PlotlyJsMode mode = PlotlyJsMode.Embedded)
    {
        if (DivIds is not null && DivIds.Count != Figures.Count)
            throw new ArgumentException($"{DivIds.Count} div ids were given for {Figures.Count} figures", nameof(DivIds));
        var sb = new StringBuilder(mode == PlotlyJsMode.Embedded ? PlotlyJs.Script.Length + 65536 : 65536);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(Title)).Append("</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;margin:1.5rem;} h1{font-size:1.4rem;} h2{font-size:1.1rem;margin-top:2rem;}</style>\n");
        FigureHtml.AppendHeadLibrary(sb, mode);
        sb.Append("</head>\n<body>\n");
        if (Figures.Count > 1) sb.Append("<h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>\n");
        for (int i = 0; i < Figures.Count; i++)
        {
            var figure = Figures[i] ?? throw new ArgumentException($"figure {i} is null", nameof(Figures));
            if (Headings is not null && i < Headings.Count && Headings[i] is { } heading)
                sb.Append("<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n");
            var options = new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded, DivId = DivIds?[i] ?? $"plot-{i + 1}" };
            sb.Append(FigureHtml.Fragment(figure, options, includeLibrary: false));
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> (UTF-8), creating the folder if needed.</summary>
    public void Save(string path, PlotlyJsMode mode = PlotlyJsMode.Embedded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToHtml(mode), new UTF8Encoding(false));
    }
}
