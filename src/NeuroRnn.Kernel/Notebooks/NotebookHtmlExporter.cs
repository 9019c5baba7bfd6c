using System.Net;
using System.Text;
using Markdig;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Notebooks;

/// <summary>
/// A self-contained HTML page of a notebook: markdown rendered with Markdig, code in <c>pre</c> blocks followed by
/// their outputs in order. text/html outputs are inlined as they are (so scripts such as plotly figures run;
/// a chart library that embeds its script once per process keeps working because order is preserved), images
/// become data URIs, everything else is escaped text.
/// </summary>
public static class NotebookHtmlExporter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
        .cell { margin: 1.2em 0; }
        pre.code { background: #f5f5f7; border-left: 3px solid #5b8def; padding: .6em .8em; overflow-x: auto; }
        .lang { font-size: .75em; color: #777; }
        .output pre { margin: .3em 0; padding: .4em .8em; overflow-x: auto; }
        .stderr { background: #fff0f0; }
        .error { background: #fde8e8; color: #8a1010; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 2px 6px; }
        """;

    /// <summary>The page for <paramref name="notebook"/>, titled <paramref name="title"/>.</summary>
    public static string ToHtml(Notebook notebook, string title)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        foreach (var cell in notebook.Cells)
        {
            html.Append("<div class=\"cell\">");
            if (cell.Kind == "markdown")
            {
                html.Append(Markdown.ToHtml(cell.Source, Pipeline));
            }
            else if (cell.Kind == "code")
            {
                html.Append("<div class=\"lang\">").Append(Encode(KernelNames.LanguageName(cell.Language)));
                if (cell.ExecutionCount is { } count) html.Append(" [").Append(count).Append(']');
                html.Append("</div><pre class=\"code\"><code>").Append(Encode(cell.Source)).Append("</code></pre>");
                foreach (var output in cell.Outputs) AppendOutput(html, output);
            }
            else
            {
                html.Append("<pre>").Append(Encode(cell.Source)).Append("</pre>");
            }
            html.Append("</div>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendOutput(StringBuilder html, CellOutput output)
    {
        html.Append("<div class=\"output\">");
        switch (output)
        {
            case CellOutput.Stream stream:
                html.Append("<pre class=\"").Append(stream.Name == "stderr" ? "stderr" : "stdout").Append("\">").Append(Encode(stream.Text)).Append("</pre>");
                break;
            case CellOutput.DisplayData display:
                AppendBundle(html, display.Bundle);
                break;
            case CellOutput.ExecuteResult result:
                AppendBundle(html, result.Bundle);
                break;
            case CellOutput.Error error:
                html.Append("<pre class=\"error\">").Append(Encode($"{error.Name}: {error.Value}\n" + string.Join("\n", error.Traceback))).Append("</pre>");
                break;
        }
        html.Append("</div>");
    }

    private static void AppendBundle(StringBuilder html, MimeBundle bundle)
    {
        var data = bundle.Data;
        if (data.TryGetValue("text/html", out var rich)) html.Append(rich);
        else if (data.TryGetValue("image/svg+xml", out var svg)) html.Append(svg);
        else if (data.TryGetValue("image/png", out var png)) html.Append("<img src=\"data:image/png;base64,").Append(png.Trim()).Append("\">");
        else if (data.TryGetValue("image/jpeg", out var jpeg)) html.Append("<img src=\"data:image/jpeg;base64,").Append(jpeg.Trim()).Append("\">");
        else if (data.TryGetValue("text/markdown", out var markdown)) html.Append(Markdown.ToHtml(markdown, Pipeline));
        else if (data.TryGetValue("text/plain", out var plain)) html.Append("<pre>").Append(Encode(plain)).Append("</pre>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
