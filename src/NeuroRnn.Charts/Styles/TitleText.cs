using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>plotly's title object <c>{"text": …}</c> (plotly.js 3 no longer accepts a bare string).</summary>
internal sealed record TitleText(string Text, Font? Font = null) : IPlotlyWritable
{
    public void WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartObject();
        writer.String("text", Text);
        writer.Object("font", Font);
        writer.Json.WriteEndObject();
    }
}
