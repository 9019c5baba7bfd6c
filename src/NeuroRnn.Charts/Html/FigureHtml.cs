using System.Buffers;
using System.Globalization;
using System.Text;

namespace NeuroRnn.Charts.Html;

/// <summary>Builds the HTML of figures: the plot div, the drawing script and the plotly.js loader.</summary>
internal static class FigureHtml
{
    // Page-wide state lives on window so that several fragments (cells) cooperate: a queue of plots waiting for
    // plotly.js, and a flag so the CDN script is requested once.
    private const string QueueName = "window.__neurornnPlotlyQueue";

    public static string Fragment(Figure figure, HtmlOptions options) =>
        Fragment(figure, options, includeLibrary: options.PlotlyJs != PlotlyJsMode.AlreadyLoaded);

    /// <summary>The div and script; <paramref name="includeLibrary"/> adds the plotly.js of <see cref="HtmlOptions.PlotlyJs"/>.</summary>
    public static string Fragment(Figure figure, HtmlOptions options, bool includeLibrary)
    {
        var divId = options.DivId ?? NewDivId();
        ValidateDivId(divId);
        var json = FigureJson(figure, options.BinaryArrays);
        var sb = new StringBuilder(json.Length + 2048 + (includeLibrary && options.PlotlyJs == PlotlyJsMode.Embedded ? PlotlyJs.Script.Length : 0));
        AppendDiv(sb, figure, divId, options.DefaultHeight);
        if (includeLibrary && options.PlotlyJs == PlotlyJsMode.Embedded) AppendEmbeddedLibrary(sb);
        AppendDrawScript(sb, divId, json, includeLibrary && options.PlotlyJs == PlotlyJsMode.Cdn);
        return sb.ToString();
    }

    /// <summary>The library for the page head: inline or a CDN script tag.</summary>
    public static void AppendHeadLibrary(StringBuilder sb, PlotlyJsMode mode)
    {
        switch (mode)
        {
            case PlotlyJsMode.Embedded:
                AppendEmbeddedLibrary(sb);
                break;
            case PlotlyJsMode.Cdn:
                sb.Append("<script type=\"text/javascript\" charset=\"utf-8\" src=\"").Append(PlotlyJs.CdnUrl).Append("\"></script>\n");
                break;
        }
    }

    public static string NewDivId() => "neurornn-plot-" + Guid.NewGuid().ToString("N")[..16];

    private static void ValidateDivId(string divId)
    {
        if (divId.Length == 0 || !divId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"div id '{divId}' must be non-empty and contain only ASCII letters, digits, '-' and '_'", nameof(HtmlOptions.DivId));
    }

    private static string FigureJson(Figure figure, bool binaryArrays)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        figure.WriteJson(buffer, binaryArrays ? JsonOptions.ForPinnedPlotlyJs : JsonOptions.Default);
        // The writer escapes everything outside printable ASCII, so this is a plain ASCII copy.
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void AppendDiv(StringBuilder sb, Figure figure, string divId, string defaultHeight)
    {
        var height = figure.Layout.Height is double h && double.IsFinite(h)
            ? h.ToString(CultureInfo.InvariantCulture) + "px"
            : System.Net.WebUtility.HtmlEncode(defaultHeight);
        var width = figure.Layout.Width is double w && double.IsFinite(w) ? w.ToString(CultureInfo.InvariantCulture) + "px" : "100%";
        sb.Append("<div id=\"").Append(divId).Append("\" class=\"neurornn-plot\" style=\"width:").Append(width)
          .Append(";height:").Append(height).Append(";\"></div>\n");
    }

    private static void AppendEmbeddedLibrary(StringBuilder sb)
    {
        // The bundle is one UMD expression, so it can sit inside the guard; it defines window.Plotly.
        sb.Append("<script type=\"text/javascript\">if (!window.Plotly) {\n")
          .Append(PlotlyJs.Script)
          .Append("\n}\n(").Append(QueueName).Append(" || []).splice(0).forEach(function (draw) { draw(); });</script>\n");
    }

    private static void AppendDrawScript(StringBuilder sb, string divId, string json, bool loadFromCdn)
    {
        sb.Append("<script type=\"text/javascript\">\n(function () {\n  var figure = ").Append(json).Append(";\n")
          .Append("  var draw = function () { window.Plotly.newPlot(\"").Append(divId).Append("\", figure.data, figure.layout, figure.config); };\n")
          .Append("  if (window.Plotly) { draw(); return; }\n")
          .Append("  ").Append(QueueName).Append(" = ").Append(QueueName).Append(" || [];\n")
          .Append("  ").Append(QueueName).Append(".push(draw);\n");
        if (loadFromCdn)
        {
            sb.Append("  if (window.__neurornnPlotlyLoading) { return; }\n")
              .Append("  window.__neurornnPlotlyLoading = true;\n")
              .Append("  var script = document.createElement(\"script\");\n")
              .Append("  script.src = \"").Append(PlotlyJs.CdnUrl).Append("\";\n")
              .Append("  script.charset = \"utf-8\";\n")
              .Append("  script.onload = function () { ").Append(QueueName).Append(".splice(0).forEach(function (d) { d(); }); };\n")
              .Append("  script.onerror = function () { window.__neurornnPlotlyLoading = false; var div = document.getElementById(\"").Append(divId)
              .Append("\"); if (div) { div.textContent = \"plotly.js could not be loaded from ").Append(PlotlyJs.CdnUrl).Append("\"; } };\n")
              .Append("  document.head.appendChild(script);\n");
        }
        sb.Append("})();\n</script>\n");
    }
}
