namespace NeuroRnn.Charts.Serialization;

/// <summary>A part of a figure that writes itself as one plotly.js JSON object.</summary>
internal interface IPlotlyWritable
{
    /// <summary>Writes the whole object (from <c>{</c> to <c>}</c>).</summary>
    void WriteTo(PlotlyJsonWriter writer);
}
