using Microsoft.DotNet.Interactive.Formatting;
using InteractiveFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// The formatters registered in a session with .NET Interactive's <c>Formatter.Register</c> (all overloads end up
/// as <see cref="ITypeFormatter"/>s in its registry; the package's own defaults are not included). For a value the
/// formatter of the most derived registered type wins; among equal types the latest registration.
/// </summary>
internal static class UserFormatters
{
    /// <summary>The MIME types that user formatters exist for, for values of <paramref name="type"/>.</summary>
    public static IEnumerable<string> MimeTypesFor(Type type) =>
        InteractiveFormatter.RegisteredFormatters(includeDefaults: false)
            .Where(f => AppliesTo(f, type))
            .Select(f => f.MimeType)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The <paramref name="mime"/> text of <paramref name="value"/> from the best user formatter, or null when none applies or all decline.</summary>
    public static string? TryFormat(object value, string mime)
    {
        var type = value.GetType();
        // RegisteredFormatters lists the latest registration first; a stable sort keeps that order among equals.
        var candidates = InteractiveFormatter.RegisteredFormatters(includeDefaults: false)
            .Where(f => f.MimeType == mime && AppliesTo(f, type))
            .ToList();
        if (candidates.Count == 0) return null;
        var ordered = candidates.OrderBy(f => Distance(f.Type, type));
        foreach (var formatter in ordered)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using var context = new FormatContext(writer);
            bool handled;
            try
            {
                handled = formatter.Format(value, context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"The {mime} formatter registered for {PlainTextFormatter.TypeName(formatter.Type)} failed on a {PlainTextFormatter.TypeName(type)}: {e.Message}", e);
            }
            if (handled) return writer.ToString();
        }
        return null;
    }

    private static bool AppliesTo(ITypeFormatter formatter, Type type) =>
        formatter.Type.IsAssignableFrom(type)
        || (formatter.Type.IsGenericTypeDefinition && ImplementsGeneric(type, formatter.Type));

    private static bool ImplementsGeneric(Type type, Type definition)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == definition) return true;
        }
        return type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
    }

    /// <summary>How far <paramref name="registered"/> is from <paramref name="actual"/>: 0 for the type itself, larger for base types, interfaces last.</summary>
    private static int Distance(Type registered, Type actual)
    {
        var distance = 0;
        for (var current = actual; current is not null; current = current.BaseType, distance++)
        {
            if (current == registered || (registered.IsGenericTypeDefinition && current.IsGenericType && current.GetGenericTypeDefinition() == registered)) return distance;
        }
        return registered == typeof(object) ? int.MaxValue : int.MaxValue - 1;
    }
}
