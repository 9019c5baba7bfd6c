using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using Newtonsoft.Json.Linq;
using NeuroRnn.Charts;
using Plotly.NET;

namespace NeuroRnn.Interop.PlotlyNet;

/// <summary>
/// Shows Plotly.NET charts offline in notebooks: <c>text/html</c> that draws the chart's JSON with the plotly.js that
/// NeuroRnn.Charts embeds once per notebook (shared with NeuroRnn figures, see <see cref="NotebookOutput"/>), instead
/// of Plotly.NET's own output, which loads plotly.js from a CDN; and a one-line <c>text/plain</c> summary. Registered
/// in .NET Interactive's formatter registry, which NeuroRnn's kernel reads; the kernel calls
/// <see cref="RegisterFormatters"/> when this assembly is loaded with <c>#r</c>. Registered formatters take precedence
/// over the one Plotly.NET declares on <see cref="GenericChart"/>. Calling it again does nothing.
/// </summary>
[NeuroRnnFormatters]
public static class PlotlyNetFormatting
{
    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Registers the formatters (once per process).</summary>
    public static void RegisterFormatters()
    {
        lock (Gate)
        {
            if (registered) return;
            registered = true;
        }
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Html(chart)), "text/html");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(Summary(chart)), "text/plain");
    }

    /// <summary>The notebook HTML of a chart: its plotly JSON drawn with NeuroRnn's embedded plotly.js (carried by the first figure of the process only).</summary>
    public static string Html(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return NotebookOutput.Html(Json(chart));
    }

    /// <summary>
    /// The chart's plotly JSON: Plotly.NET's <c>GenericChart.toJson</c>, or, where Plotly.NET's globals cannot start,
    /// the chart's traces, layout and config written from their members here.
    /// </summary>
    /// <remarks>
    /// Under .NET Interactive (FSharp.Core 10.0 in the host; Plotly.NET gets 10.1 from <c>FSharpCoreBinding</c>) the
    /// Giraffe.ViewEngine that Plotly.NET uses binds to the host's FSharp.Core, so Plotly.NET's F# types and Giraffe's
    /// differ and the static initialiser of Plotly.NET's globals (its JSON settings and HTML script tags) throws
    /// MissingMethodException — <c>toJson</c> then fails with a TypeInitializationException every time. The values in the
    /// chart's objects are plain .NET values and nested dynamic objects (Plotly.NET converts its style parameters when it
    /// sets them), so writing them out gives the same JSON.
    /// </remarks>
    internal static string Json(GenericChart chart)
    {
        try
        {
            return GenericChart.toJson(chart);
        }
        catch (TypeInitializationException)
        {
            return MemberJson(chart);
        }
    }

    /// <summary>The chart's plotly JSON written from the members of its traces, layout and config (see <see cref="Json"/>).</summary>
    internal static string MemberJson(GenericChart chart)
    {
        var figure = new JObject
        {
            ["data"] = new JArray(GenericChart.getTraces(chart).Select(ToJson)),
            ["layout"] = ToJson(GenericChart.getLayout(chart)),
            ["config"] = ToJson(GenericChart.getConfig(chart)),
        };
        return figure.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>
    /// A property of a dynamic object, or null. Read through <c>GetProperties</c> (BCL types) rather than
    /// <c>TryGetPropertyValue</c>, whose F# option is the host's FSharp.Core type under .NET Interactive (see <see cref="Json"/>).
    /// </summary>
    private static object? Property(DynamicObj.DynamicObj target, string name) =>
        target.GetProperties(true).FirstOrDefault(p => p.Key == name).Value;

    private static JToken ToJson(object? value) => value switch
    {
        null => JValue.CreateNull(),
        DynamicObj.DynamicObj dynamic => new JObject(dynamic.GetProperties(true).Select(p => new JProperty(p.Key, ToJson(p.Value)))),
        string text => new JValue(text),
        System.Collections.IEnumerable items => new JArray(items.Cast<object?>().Select(ToJson)),
        _ => JToken.FromObject(value),
    };

    /// <summary>A one-line description: the trace types and the title.</summary>
    public static string Summary(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var types = GenericChart.getTraces(chart).Select(t => Property(t, "type") is { } type ? Convert.ToString(type, CultureInfo.InvariantCulture) : "trace").ToArray();
        var title = Property(GenericChart.getLayout(chart), "title") is DynamicObj.DynamicObj titleObject && Property(titleObject, "text") is { } text ? $" \"{text}\"" : "";
        return $"Plotly.NET chart{title}: {types.Length} trace{(types.Length == 1 ? "" : "s")} ({string.Join(", ", types.Distinct())})";
    }
}

/// <summary>
/// Marks a type whose public static <c>RegisterFormatters()</c> NeuroRnn's kernel calls when the assembly is loaded
/// with <c>#r</c>. Found by its simple name, so the kernel and this package need no reference to each other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class NeuroRnnFormattersAttribute : Attribute;
