using NeuroRnn.Charts.Serialization;

namespace NeuroRnn.Charts;

/// <summary>
/// A plotly colour scale: either one of plotly.js's named scales (e.g. "Viridis", "RdBu", "Greys") or explicit
/// stops (position in [0, 1], CSS colour) in increasing position order from 0 to 1.
/// </summary>
public sealed record ColorScale : IPlotlyWritable
{
    private ColorScale(string? name, IReadOnlyList<(double Position, string Color)>? stops)
    {
        Name = name;
        Stops = stops;
    }

    /// <summary>The plotly.js name of a built-in scale, or null for explicit stops.</summary>
    public string? Name { get; }

    /// <summary>The explicit stops, or null for a named scale.</summary>
    public IReadOnlyList<(double Position, string Color)>? Stops { get; }

    /// <summary>A plotly.js built-in scale by name.</summary>
    public static ColorScale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ColorScale(name, null);
    }

    /// <summary>A scale through explicit stops.</summary>
    /// <exception cref="ArgumentException">Fewer than two stops, first not at 0, last not at 1, or positions decreasing.</exception>
    public static ColorScale FromStops(params (double Position, string Color)[] stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Length < 2) throw new ArgumentException($"a colour scale needs at least 2 stops, got {stops.Length}", nameof(stops));
        if (stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException($"colour scale stops must run from 0 to 1, got {stops[0].Position} to {stops[^1].Position}", nameof(stops));
        for (int i = 1; i < stops.Length; i++)
        {
            if (!(stops[i].Position >= stops[i - 1].Position))
                throw new ArgumentException($"colour scale stop {i} at {stops[i].Position} comes before stop {i - 1} at {stops[i - 1].Position}", nameof(stops));
            if (string.IsNullOrWhiteSpace(stops[i].Color)) throw new ArgumentException($"colour scale stop {i} has no colour", nameof(stops));
        }
        return new ColorScale(null, stops.ToArray());
    }

    /// <summary>plotly.js "Viridis" (perceptually uniform; default for activity).</summary>
    public static ColorScale Viridis { get; } = Named("Viridis");

    /// <summary>plotly.js "Greys".</summary>
    public static ColorScale Greys { get; } = Named("Greys");

    /// <summary>
    /// Blue–white–red diverging scale (ColorBrewer RdBu end points) with white in the middle: use with
    /// <c>zmid = 0</c> so that zero weights are white, inhibition blue and excitation red.
    /// </summary>
    public static ColorScale BlueWhiteRed { get; } = FromStops((0, "#2166ac"), (0.25, "#67a9cf"), (0.5, "#f7f7f7"), (0.75, "#ef8a62"), (1, "#b2182b"));

    void IPlotlyWritable.WriteTo(PlotlyJsonWriter writer)
    {
        var json = writer.Json;
        if (Name is not null)
        {
            json.WriteStringValue(Name);
            return;
        }
        json.WriteStartArray();
        foreach (var (position, color) in Stops!)
        {
            json.WriteStartArray();
            writer.NumberValue(position);
            json.WriteStringValue(color);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
