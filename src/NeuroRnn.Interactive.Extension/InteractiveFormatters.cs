using System.Collections;
using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Interactive.Extension;

/// <summary>
/// Registers with .NET Interactive's <see cref="Formatter"/> every formatter that NeuroRnn's types name by convention
/// (the <c>TypeFormatterSourceAttribute</c> on recordings, fits, figures…). The host would also find them lazily; registering
/// them when the extension loads makes them win over any formatter cached for those types earlier in the session and sets
/// the preferred MIME types (HTML with a short plain-text summary).
/// </summary>
internal static class InteractiveFormatters
{
    /// <summary>The types registered, for the extension's load message.</summary>
    public static IReadOnlyList<Type> RegisterAll()
    {
        var registered = new List<Type>();
        var assemblies = new[] { typeof(NeuroRnn.Data.Recording).Assembly, typeof(NeuroRnn.Charts.Figure).Assembly };
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            var attribute = type.GetCustomAttributes(inherit: false).FirstOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
            if (attribute is null) continue;
            var sourceType = attribute.GetType().GetProperty("FormatterSourceType", BindingFlags.Public | BindingFlags.Instance)?.GetValue(attribute) as Type;
            var preferred = attribute.GetType().GetProperty("PreferredMimeTypes", BindingFlags.Public | BindingFlags.Instance)?.GetValue(attribute) as string[];
            if (sourceType?.GetMethod("CreateTypeFormatters")?.Invoke(Activator.CreateInstance(sourceType), null) is not IEnumerable formatters) continue;
            var mimeTypes = new List<string>();
            foreach (var formatter in formatters.Cast<object>())
            {
                var mime = (string)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter)!;
                var format = formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
                Formatter.Register(type, (value, writer) => format.Invoke(formatter, [value, writer]), mime);
                mimeTypes.Add(mime);
            }
            if (mimeTypes.Count == 0) continue;
            // Plain text too, so that front ends without HTML (and Jupyter's text view) get the summary, not an object dump.
            var shown = (preferred is { Length: > 0 } ? preferred : ["text/html"]).Append("text/plain").Distinct().Where(mimeTypes.Contains).ToArray();
            Formatter.SetPreferredMimeTypesFor(type, shown);
            registered.Add(type);
        }
        return registered;
    }
}
