using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroRnn.Charts.Serialization;

/// <summary>
/// Writes plotly.js JSON with <see cref="Utf8JsonWriter"/>: properties whose value is null are left out (plotly
/// then uses its default), non-finite numbers become <c>null</c>, large numeric arrays optionally become typed-array
/// specs. The default encoder escapes &lt;, &gt;, &amp; and non-ASCII characters, so the text can be placed inside an
/// HTML &lt;script&gt; element as it is.
/// </summary>
internal sealed class PlotlyJsonWriter : IDisposable
{
    private readonly int binaryThreshold;

    public PlotlyJsonWriter(IBufferWriter<byte> output, JsonOptions options)
    {
        Json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = options.Indented,
            Encoder = JavaScriptEncoder.Default,
            SkipValidation = true,
        });
        binaryThreshold = Math.Max(1, options.BinaryArrayThreshold);
    }

    public Utf8JsonWriter Json { get; }

    public void Dispose() => Json.Dispose();

    public void String(string name, string? value)
    {
        if (value is not null) Json.WriteString(name, value);
    }

    public void Number(string name, double? value)
    {
        if (value is not double v) return;
        Json.WritePropertyName(name);
        NumberValue(v);
    }

    public void NumberValue(double value)
    {
        if (double.IsFinite(value)) Json.WriteNumberValue(value);
        else Json.WriteNullValue();
    }

    public void Integer(string name, int? value)
    {
        if (value is int v) Json.WriteNumber(name, v);
    }

    public void Bool(string name, bool? value)
    {
        if (value is bool v) Json.WriteBoolean(name, v);
    }

    public void Object(string name, IPlotlyWritable? value)
    {
        if (value is null) return;
        Json.WritePropertyName(name);
        value.WriteTo(this);
    }

    public void ObjectArray<T>(string name, IReadOnlyList<T>? values) where T : IPlotlyWritable
    {
        if (values is null) return;
        Json.WritePropertyName(name);
        Json.WriteStartArray();
        for (int i = 0; i < values.Count; i++) values[i].WriteTo(this);
        Json.WriteEndArray();
    }

    public void Pair(string name, (double Low, double High)? value)
    {
        if (value is not var (low, high)) return;
        Json.WritePropertyName(name);
        Json.WriteStartArray();
        NumberValue(low);
        NumberValue(high);
        Json.WriteEndArray();
    }

    public void StringArray(string name, IReadOnlyList<string>? values)
    {
        if (values is null) return;
        Json.WritePropertyName(name);
        Json.WriteStartArray();
        foreach (var v in values)
        {
            if (v is null) Json.WriteNullValue(); else Json.WriteStringValue(v);
        }
        Json.WriteEndArray();
    }

    public void Array(string name, DataArray? values)
    {
        if (values is null) return;
        Json.WritePropertyName(name);
        if (!values.IsNumeric)
        {
            Json.WriteStartArray();
            foreach (var v in values.Strings)
            {
                if (v is null) Json.WriteNullValue(); else Json.WriteStringValue(v);
            }
            Json.WriteEndArray();
            return;
        }
        NumericArray(values.Numbers, shape: null);
    }

    public void Matrix(string name, DataMatrix? matrix)
    {
        if (matrix is null) return;
        Json.WritePropertyName(name);
        if (matrix.Values.Length >= binaryThreshold && matrix.Rows > 0)
        {
            NumericArray(matrix.Values, shape: $"{matrix.Rows},{matrix.Columns}");
            return;
        }
        Json.WriteStartArray();
        for (int i = 0; i < matrix.Rows; i++) PlainNumbers(matrix.Row(i));
        Json.WriteEndArray();
    }

    private void NumericArray(ReadOnlySpan<double> values, string? shape)
    {
        if (values.Length < binaryThreshold || !BitConverter.IsLittleEndian)
        {
            PlainNumbers(values);
            return;
        }
        Json.WriteStartObject();
        Json.WriteString("dtype", "f8");
        if (shape is not null) Json.WriteString("shape", shape);
        if (values.IndexOfAny(double.PositiveInfinity, double.NegativeInfinity) < 0)
        {
            Json.WriteBase64String("bdata", MemoryMarshal.AsBytes(values));
        }
        else
        {
            // ±∞ would be drawn far off the axis; NaN is a gap, the same meaning null has in plain JSON.
            var copy = ArrayPool<double>.Shared.Rent(values.Length);
            try
            {
                var span = copy.AsSpan(0, values.Length);
                values.CopyTo(span);
                for (int i = 0; i < span.Length; i++)
                {
                    if (double.IsInfinity(span[i])) span[i] = double.NaN;
                }
                Json.WriteBase64String("bdata", MemoryMarshal.AsBytes((ReadOnlySpan<double>)span));
            }
            finally
            {
                ArrayPool<double>.Shared.Return(copy);
            }
        }
        Json.WriteEndObject();
    }

    private void PlainNumbers(ReadOnlySpan<double> values)
    {
        Json.WriteStartArray();
        foreach (double v in values)
        {
            if (double.IsFinite(v)) Json.WriteNumberValue(v);
            else Json.WriteNullValue();
        }
        Json.WriteEndArray();
    }
}
