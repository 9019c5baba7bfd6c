using System.Globalization;
using DynamicObj;
using NeuroRnn.Charts;
using Newtonsoft.Json.Linq;
using Plotly.NET;
using Figure = NeuroRnn.Charts.Figure;
using JsonOptions = NeuroRnn.Charts.JsonOptions;
using Trace = Plotly.NET.Trace;
using Layout = Plotly.NET.Layout;
using Config = Plotly.NET.Config;

namespace NeuroRnn.Interop.PlotlyNet;

/// <summary>
/// Hands NeuroRnn.Charts figures (every chart builder's result) to Plotly.NET users as a <see cref="GenericChart"/>:
/// each trace, the layout and the config are copied attribute by attribute into Plotly.NET's dynamic objects, so the
/// chart serialises to the same plotly JSON and can be styled further with Plotly.NET's own functions.
/// </summary>
public static class PlotlyNetFigures
{
    /// <summary>The figure as a Plotly.NET chart (Plotly.NET's default template is not applied: the figure keeps its look).</summary>
    public static GenericChart ToGenericChart(this Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // Plain JSON arrays (not plotly.js typed-array blobs), which every plotly.js version and Plotly.NET understand.
        var json = JObject.Parse(figure.ToJson(JsonOptions.Default));
        var traces = new List<Trace>();
        foreach (var token in json["data"] as JArray ?? [])
        {
            var traceJson = (JObject)token;
            var type = (string?)traceJson["type"] ?? "scatter";
            var trace = new Trace(type);
            Copy(traceJson, trace, skip: "type");
            traces.Add(trace);
        }
        var chart = GenericChart.ofTraceObjects(false, traces);
        var layout = new Layout();
        if (json["layout"] is JObject layoutJson) Copy(layoutJson, layout, skip: null);
        var config = new Config();
        if (json["config"] is JObject configJson) Copy(configJson, config, skip: null);
        return GenericChart.setConfig(config, GenericChart.setLayout(layout, chart));
    }

    private static void Copy(JObject source, DynamicObj.DynamicObj target, string? skip)
    {
        foreach (var property in source.Properties())
        {
            if (property.Name == skip) continue;
            var value = ToDynamic(property.Value);
            if (value is not null) target.SetProperty(property.Name, value);
        }
    }

    /// <summary>JSON → what Plotly.NET puts in its objects: nested objects as DynamicObj, number/text arrays as typed arrays.</summary>
    private static object? ToDynamic(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                var nested = new DynamicObj.DynamicObj();
                Copy(obj, nested, skip: null);
                return nested;
            case JArray array:
                if (array.All(t => t.Type is JTokenType.Integer or JTokenType.Float))
                    return array.Select(t => t.Value<double>()).ToArray();
                if (array.All(t => t.Type == JTokenType.String))
                    return array.Select(t => t.Value<string>()!).ToArray();
                return array.Select(ToDynamic).ToArray();
            case JValue value:
                return value.Type switch
                {
                    JTokenType.Integer => Convert.ToInt64(value.Value, CultureInfo.InvariantCulture),
                    JTokenType.Float => Convert.ToDouble(value.Value, CultureInfo.InvariantCulture),
                    JTokenType.String => (string)value!,
                    JTokenType.Boolean => (bool)value,
                    _ => null,
                };
            default:
                return null;
        }
    }
}
