using NeuroRnn.Charts.Serialization;
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
        var before = new StringBuilder(1024);
        AppendDiv(before, figure, divId, options.DefaultHeight);
        bool embed = includeLibrary && options.PlotlyJs == PlotlyJsMode.Embedded;
        var after = new StringBuilder(2048);
        AppendDrawScriptEnd(after, divId, includeLibrary && options.PlotlyJs == PlotlyJsMode.Cdn);

        using var json = new PooledByteBufferWriter(figure.EstimateJsonBytes(options.BinaryArrays));
        figure.WriteJson(json, options.BinaryArrays ? JsonOptions.ForPinnedPlotlyJs : JsonOptions.Default);
        // One copy into the final string: HTML before the JSON, the JSON (ASCII: the writer escapes everything
        // else), the rest of the script. A StringBuilder would copy multi-megabyte figures twice more.
        var head = before.Append(embed ? EmbeddedLibraryStart : "").ToString();
        var library = embed ? PlotlyJs.Script : "";
        var middle = (embed ? EmbeddedLibraryEnd : "") + DrawScriptStart;
        var tail = after.ToString();
        int jsonChars = Encoding.UTF8.GetCharCount(json.WrittenSpan);
        int total = checked(head.Length + library.Length + middle.Length + jsonChars + tail.Length);
        return string.Create(total, (head, library, middle, tail, json), static (span, parts) =>
        {
            parts.head.AsSpan().CopyTo(span);
            span = span[parts.head.Length..];
            parts.library.AsSpan().CopyTo(span);
            span = span[parts.library.Length..];
            parts.middle.AsSpan().CopyTo(span);
            span = span[parts.middle.Length..];
            int n = Encoding.UTF8.GetChars(parts.json.WrittenSpan, span);
            parts.tail.AsSpan().CopyTo(span[n..]);
        });
    }

    /// <summary>
    /// The div and script of a figure given as plotly JSON (an object with <c>data</c> and optionally <c>layout</c> and
    /// <c>config</c>, e.g. from another .NET plotting library), drawn exactly like a <see cref="Figure"/>'s.
    /// </summary>
    /// <exception cref="ArgumentException">The JSON is not an object with a <c>data</c> array.</exception>
    public static string FragmentFromJson(string figureJson, HtmlOptions options, bool includeLibrary)
    {
        var (width, height) = CheckFigureJson(figureJson);
        var divId = options.DivId ?? NewDivId();
        ValidateDivId(divId);
        var sb = new StringBuilder(figureJson.Length + 1024);
        var w = width is double wv ? wv.ToString(CultureInfo.InvariantCulture) + "px" : "100%";
        var h = height is double hv ? hv.ToString(CultureInfo.InvariantCulture) + "px" : System.Net.WebUtility.HtmlEncode(options.DefaultHeight);
        sb.Append("<div id=\"").Append(divId).Append("\" class=\"neurornn-plot\" style=\"width:").Append(w).Append(";height:").Append(h).Append(";\"></div>\n");
        bool embed = includeLibrary && options.PlotlyJs == PlotlyJsMode.Embedded;
        if (embed) AppendEmbeddedLibrary(sb);
        // "<" only occurs inside JSON strings; as \u003c it cannot end the script element ("</script>") early.
        sb.Append(DrawScriptStart).Append(figureJson.Replace("<", "\\u003c", StringComparison.Ordinal));
        AppendDrawScriptEnd(sb, divId, includeLibrary && options.PlotlyJs == PlotlyJsMode.Cdn);
        return sb.ToString();
    }

    /// <summary>Checks the shape of figure JSON; returns layout.width and layout.height when they are numbers.</summary>
    private static (double? Width, double? Height) CheckFigureJson(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        System.Text.Json.JsonDocument document;
        try
        {
            document = System.Text.Json.JsonDocument.Parse(figureJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"figureJson is not valid JSON: {e.Message}", nameof(figureJson), e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != System.Text.Json.JsonValueKind.Array)
                throw new ArgumentException("figureJson must be a JSON object with a \"data\" array (and optionally \"layout\" and \"config\" objects).", nameof(figureJson));
            double? Number(string name) =>
                root.TryGetProperty("layout", out var layout) && layout.ValueKind == System.Text.Json.JsonValueKind.Object
                && layout.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number
                && value.GetDouble() is var d && double.IsFinite(d) && d > 0 ? d : null;
            return (Number("width"), Number("height"));
        }
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

    private static void AppendDiv(StringBuilder sb, Figure figure, string divId, string defaultHeight)
    {
        var height = figure.Layout.Height is double h && double.IsFinite(h)
            ? h.ToString(CultureInfo.InvariantCulture) + "px"
            : System.Net.WebUtility.HtmlEncode(defaultHeight);
        var width = figure.Layout.Width is double w && double.IsFinite(w) ? w.ToString(CultureInfo.InvariantCulture) + "px" : "100%";
        sb.Append("<div id=\"").Append(divId).Append("\" class=\"neurornn-plot\" style=\"width:").Append(width)
          .Append(";height:").Append(height).Append(";\"></div>\n");
    }

    // The bundle is one UMD expression, so it can sit inside the guard; it defines window.Plotly. Plots of
    // fragments that ran before it (queued) are drawn right after.
    private const string EmbeddedLibraryStart = "<script type=\"text/javascript\">if (!window.Plotly) {\n";
    private const string EmbeddedLibraryEnd = "\n}\n(" + QueueName + " || []).splice(0).forEach(function (draw) { draw(); });</script>\n";
    private const string DrawScriptStart = "<script type=\"text/javascript\">\n(function () {\n  var figure = ";

    private static void AppendEmbeddedLibrary(StringBuilder sb) =>
        sb.Append(EmbeddedLibraryStart).Append(PlotlyJs.Script).Append(EmbeddedLibraryEnd);

    private static void AppendDrawScriptEnd(StringBuilder sb, string divId, bool loadFromCdn)
    {
        sb.Append(";\n")
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
