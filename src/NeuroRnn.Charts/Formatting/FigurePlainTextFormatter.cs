namespace NeuroRnn.Charts.Formatting;

/// <summary>
/// Formats a <see cref="Figure"/> as <c>text/plain</c>: a one-line summary (Jupyter front ends without HTML show it,
/// and hosts that add text/plain to every display get it instead of the record's data).
/// </summary>
public sealed class FigurePlainTextFormatter
{
    /// <summary>"text/plain".</summary>
    public string MimeType => "text/plain";

    /// <summary>The formatted type, <see cref="Figure"/>.</summary>
    public Type Type => typeof(Figure);

    /// <summary>Writes the summary and returns true when <paramref name="instance"/> is a figure; otherwise false.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Figure figure || writer is null) return false;
        writer.Write(figure.ToString());
        return true;
    }
}
