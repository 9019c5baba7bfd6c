namespace NeuroRnn.Charts.Formatting;

/// <summary>Formats a <see cref="Figure"/> as notebook HTML (see <see cref="NotebookOutput"/>).</summary>
public sealed class FigureHtmlFormatter
{
    /// <summary>"text/html".</summary>
    public string MimeType => "text/html";

    /// <summary>The formatted type, <see cref="Figure"/>.</summary>
    public Type Type => typeof(Figure);

    /// <summary>Writes the HTML and returns true when <paramref name="instance"/> is a figure; otherwise false (the host falls through).</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Figure figure || writer is null) return false;
        writer.Write(NotebookOutput.Html(figure));
        return true;
    }
}
