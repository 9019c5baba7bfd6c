using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
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
        return NotebookOutput.Html(GenericChart.toJson(chart));
    }

    /// <summary>A one-line description: the trace types and the title.</summary>
    public static string Summary(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var types = GenericChart.getTraces(chart).Select(t => t.TryGetPropertyValue("type") is { } type ? Convert.ToString(type.Value, CultureInfo.InvariantCulture) : "trace").ToArray();
        var title = GenericChart.getLayout(chart).TryGetPropertyValue("title") is { } t && t.Value is DynamicObj.DynamicObj titleObject
            && titleObject.TryGetPropertyValue("text") is { } text ? $" \"{text.Value}\"" : "";
        return $"Plotly.NET chart{title}: {types.Length} trace{(types.Length == 1 ? "" : "s")} ({string.Join(", ", types.Distinct())})";
    }
}

/// <summary>
/// Marks a type whose public static <c>RegisterFormatters()</c> NeuroRnn's kernel calls when the assembly is loaded
/// with <c>#r</c>. Found by its simple name, so the kernel and this package need no reference to each other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class NeuroRnnFormattersAttribute : Attribute;
