using System.Net;
using System.Text.Json;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// The output of a <c>#!mermaid</c> cell: an HTML element that the pinned mermaid library (npm <c>mermaid</c>,
/// embedded in the kernel) turns into an SVG diagram in the front end, with no network access. The library is
/// embedded once per session — in the first diagram's output — and later diagrams wait for it; front ends run
/// every output of a notebook in one page, so the first output serves them all. The diagram text is also the
/// <c>text/plain</c> view.
/// </summary>
internal sealed class MermaidOutput
{
    private static readonly Lazy<string> Library = new(ReadLibrary);
    private readonly object _gate = new();
    private bool _librarySent;

    /// <summary>Whether an output of this session already carries the library.</summary>
    public bool LibrarySent
    {
        get
        {
            lock (_gate) return _librarySent;
        }
    }

    /// <summary>The bundle for diagram <paramref name="source"/>, with the library if this session has not sent it yet.</summary>
    public MimeBundle Render(string source)
    {
        bool withLibrary;
        lock (_gate)
        {
            withLibrary = !_librarySent;
            _librarySent = true;
        }
        var id = "neurornn-mermaid-" + Guid.NewGuid().ToString("N");
        var html = new System.Text.StringBuilder();
        if (withLibrary) html.Append("<script type=\"text/javascript\">\n").Append(Library.Value).Append("\n</script>\n");
        html.Append("<div class=\"neurornn-mermaid\" id=\"").Append(id).Append("\"><pre>").Append(WebUtility.HtmlEncode(source)).Append("</pre></div>\n");
        // mermaid.render turns the text into SVG; the library may still be loading when a later output runs first.
        html.Append("<script type=\"text/javascript\">\n(function () {\n")
            .Append("  const element = document.getElementById(").Append(JsonSerializer.Serialize(id)).Append(");\n")
            .Append("  const source = ").Append(JsonSerializer.Serialize(source).Replace("</", "<\\/", StringComparison.Ordinal)).Append(";\n")
            .Append("  let tries = 0;\n")
            .Append("  function draw() {\n")
            .Append("    if (!window.mermaid) { if (++tries < 200) setTimeout(draw, 50); return; }\n")
            .Append("    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });\n")
            .Append("    window.mermaid.render(element.id + '-svg', source)\n")
            .Append("      .then(function (result) { element.innerHTML = result.svg; element.setAttribute('data-rendered', 'true'); })\n")
            .Append("      .catch(function (error) { element.innerHTML = '<pre style=\"color:#b00020\"></pre>'; element.firstChild.textContent = 'Mermaid: ' + error; element.setAttribute('data-rendered', 'error'); });\n")
            .Append("  }\n  draw();\n})();\n</script>");
        return new MimeBundle(new Dictionary<string, string> { ["text/html"] = html.ToString(), ["text/plain"] = source });
    }

    private static string ReadLibrary()
    {
        using var stream = typeof(MermaidOutput).Assembly.GetManifestResourceStream("NeuroRnn.Kernel.mermaid.min.js")
            ?? throw new InvalidOperationException("The kernel was built without mermaid.min.js (run 'npm ci' at the repository root and rebuild).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
