using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>A histogram binned by plotly.js (plotly <c>histogram</c>) of <see cref="X"/> (or of <see cref="Y"/> for horizontal bars).</summary>
public sealed record HistogramTrace : CartesianTrace
{
    /// <inheritdoc />
    public override string Type => "histogram";

    /// <summary>Samples binned along x.</summary>
    public DataArray? X { get; init; }

    /// <summary>Samples binned along y (horizontal histogram) when <see cref="X"/> is null.</summary>
    public DataArray? Y { get; init; }

    /// <summary>Maximum number of bins along x.</summary>
    public int? NBinsX { get; init; }

    /// <summary>Explicit bins along x: (start, end, size).</summary>
    public (double Start, double End, double Size)? XBins { get; init; }

    /// <summary>plotly normalisation: "" (counts), "percent", "probability", "density", "probability density".</summary>
    public string? HistNorm { get; init; }

    /// <summary>Bar colours and outlines.</summary>
    public MarkerStyle? Marker { get; init; }

    /// <inheritdoc />
    protected override int? PointCount => X?.Length ?? Y?.Length;

    private protected override void WriteProperties(PlotlyJsonWriter writer)
    {
        WriteAxes(writer);
        writer.Array("x", X);
        writer.Array("y", Y);
        writer.Integer("nbinsx", NBinsX);
        if (XBins is var (start, end, size))
        {
            writer.Json.WritePropertyName("xbins");
            writer.Json.WriteStartObject();
            writer.Number("start", start);
            writer.Number("end", end);
            writer.Number("size", size);
            writer.Json.WriteEndObject();
        }
        writer.String("histnorm", HistNorm);
        writer.Object("marker", Marker);
    }
}
