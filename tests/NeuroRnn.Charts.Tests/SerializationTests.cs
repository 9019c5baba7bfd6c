using System.Text.Json;

namespace NeuroRnn.Charts.Tests;

public class SerializationTests
{
    [Fact]
    public void Non_finite_numbers_become_null_everywhere()
    {
        var figure = Figure.Of(new ScatterTrace
        {
            X = new[] { 0.0, 1, 2, 3 },
            Y = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4 },
            Opacity = double.NaN,
        }).WithLayout(l => l.WithXAxis(new Axis().WithRange(double.NaN, 1)));
        using var doc = JsonDocument.Parse(figure.ToJson());
        var trace = doc.RootElement.GetProperty("data")[0];
        var y = trace.GetProperty("y").EnumerateArray().ToArray();
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Number], y.Select(v => v.ValueKind));
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("opacity").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("layout").GetProperty("xaxis").GetProperty("range")[0].ValueKind);
    }

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        double[] values = [0.1, 1.0 / 3, -2.5e-300, 1.7976931348623157e308, 5e-324, 123456789.125];
        using var doc = JsonDocument.Parse(Figure.Of(new ScatterTrace { Y = values }).ToJson());
        Assert.Equal(values, doc.RootElement.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Large_arrays_become_typed_arrays_that_decode_to_the_same_values()
    {
        var y = Enumerable.Range(0, 2000).Select(i => Math.Sin(i * 0.01)).ToArray();
        y[5] = double.NaN;
        y[6] = double.PositiveInfinity;
        var json = Figure.Of(new ScatterGlTrace { Y = y }).ToJson(new JsonOptions { BinaryArrayThreshold = 1000 });
        using var doc = JsonDocument.Parse(json);
        var spec = doc.RootElement.GetProperty("data")[0].GetProperty("y");
        Assert.Equal("f8", spec.GetProperty("dtype").GetString());
        var bytes = Convert.FromBase64String(spec.GetProperty("bdata").GetString()!);
        var decoded = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, decoded, 0, bytes.Length);
        Assert.Equal(y.Length, decoded.Length);
        Assert.True(double.IsNaN(decoded[5]));
        Assert.True(double.IsNaN(decoded[6]), "±∞ must become NaN (a gap), like null in plain JSON");
        for (int i = 0; i < y.Length; i++)
        {
            if (i is not (5 or 6)) Assert.Equal(y[i], decoded[i]);
        }
    }

    [Fact]
    public void Large_matrices_become_typed_arrays_with_rows_then_columns_shape()
    {
        var z = new double[40, 30];
        z[2, 3] = 7;
        var json = Figure.Of(new HeatmapTrace { Z = z }).ToJson(new JsonOptions { BinaryArrayThreshold = 100 });
        using var doc = JsonDocument.Parse(json);
        var spec = doc.RootElement.GetProperty("data")[0].GetProperty("z");
        Assert.Equal("40,30", spec.GetProperty("shape").GetString());
        var bytes = Convert.FromBase64String(spec.GetProperty("bdata").GetString()!);
        Assert.Equal(40 * 30 * 8, bytes.Length);
        Assert.Equal(7.0, BitConverter.ToDouble(bytes, (2 * 30 + 3) * 8));
    }

    [Fact]
    public void Default_json_has_no_typed_arrays()
    {
        var json = Figure.Of(new ScatterGlTrace { Y = new double[5000] }).ToJson();
        Assert.DoesNotContain("bdata", json);
    }

    [Fact]
    public void Html_sensitive_text_is_escaped_in_json()
    {
        var json = Figure.Of(new ScatterTrace { Name = "</script><script>alert(1)</script>", Y = new[] { 1.0 } }).ToJson();
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script>", doc.RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Config_defaults_are_responsive_without_logo()
    {
        using var doc = JsonDocument.Parse(new Figure().ToJson());
        var config = doc.RootElement.GetProperty("config");
        Assert.True(config.GetProperty("responsive").GetBoolean());
        Assert.False(config.GetProperty("displaylogo").GetBoolean());
    }

    [Fact]
    public void Figures_are_immutable_values()
    {
        var source = new[] { 1.0, 2, 3 };
        var figure = Figure.Of(new ScatterTrace { Y = source });
        source[0] = 99;
        var withTitle = figure.WithTitle("t").AddTrace(new BarTrace { Y = new[] { 1.0 } });
        Assert.Null(figure.Layout.Title);
        Assert.Single(figure.Data);
        Assert.Equal(2, withTitle.Data.Count);
        Assert.Contains("[1,2,3]", figure.ToJson());
        Assert.Equal("Figure 't' (2 traces: scatter, bar)", withTitle.ToString());
    }

    [Fact]
    public void Fluent_trace_helpers_keep_the_concrete_type()
    {
        ScatterGlTrace gl = new ScatterGlTrace { Y = new[] { 1.0 } }.WithName("n").WithOpacity(0.5).OnAxes("x2", "y2");
        Assert.Equal(("n", 0.5, "x2", "y2"), (gl.Name, gl.Opacity, gl.XAxis, gl.YAxis));
        Assert.Equal("lines+markers+text", new ScatterTrace().WithMode(TraceMode.Lines | TraceMode.Markers | TraceMode.Text).ToJsonMode());
    }
}

internal static class TraceTestExtensions
{
    public static string? ToJsonMode(this ScatterTrace t)
    {
        using var doc = JsonDocument.Parse(Figure.Of(t).ToJson());
        return doc.RootElement.GetProperty("data")[0].GetProperty("mode").GetString();
    }
}
