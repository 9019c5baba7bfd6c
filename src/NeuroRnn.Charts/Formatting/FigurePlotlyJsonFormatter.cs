namespace NeuroRnn.Charts.Formatting;

/// <summary>Formats a <see cref="Figure"/> as <c>application/vnd.plotly.v1+json</c> (plain JSON of data, layout, config).</summary>
public sealed class FigurePlotlyJsonFormatter
{
    /// <summary>"application/vnd.plotly.v1+json".</summary>
    public string MimeType => NotebookOutput.PlotlyMimeType;

    /// <summary>The formatted type, <see cref="Figure"/>.</summary>
    public Type Type => typeof(Figure);

    /// <summary>Writes the JSON and returns true when <paramref name="instance"/> is a figure; otherwise false.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Figure figure || writer is null) return false;
        writer.Write(figure.ToJson());
        return true;
    }
}
