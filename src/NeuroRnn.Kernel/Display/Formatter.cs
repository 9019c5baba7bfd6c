using System.Collections.Concurrent;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Turns values into MIME bundles for notebook output. Order of precedence for each MIME type: formatters
/// registered with <see cref="Register{T}"/> (most derived type first), then formatters found by the
/// .NET Interactive convention (<c>TypeFormatterSourceAttribute</c>, see <see cref="ConventionFormatters"/>), then
/// the built-ins (exceptions, MathNet vectors/matrices, HTML tables for sequences). <c>text/plain</c> is always
/// present.
/// </summary>
public static class Formatter
{
    private static readonly ConcurrentDictionary<(Type Type, string MimeType), Func<object, string>> Registered = new();
    private static volatile int _maxTableRows = 20;

    /// <summary>Rows shown by the built-in HTML tables before a "… more" row (default 20).</summary>
    public static int MaxTableRows
    {
        get => _maxTableRows;
        set => _maxTableRows = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTableRows must be at least 1.");
    }

    /// <summary>Registers <paramref name="format"/> as the <paramref name="mimeType"/> view of values of type <typeparamref name="T"/> (and derived types).</summary>
    public static void Register<T>(string mimeType, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Register(typeof(T), mimeType, value => format((T)value));
    }

    /// <summary>Registers <paramref name="format"/> as the <paramref name="mimeType"/> view of values assignable to <paramref name="type"/>.</summary>
    public static void Register(Type type, string mimeType, Func<object, string> format)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(format);
        if (string.IsNullOrWhiteSpace(mimeType) || !mimeType.Contains('/'))
        {
            throw new ArgumentException($"'{mimeType}' is not a MIME type such as text/html.", nameof(mimeType));
        }
        Registered[(type, mimeType)] = format;
    }

    /// <summary>Removes the formatter registered for <paramref name="type"/> and <paramref name="mimeType"/>; returns whether there was one.</summary>
    public static bool Unregister(Type type, string mimeType) => Registered.TryRemove((type, mimeType), out _);

    /// <summary>
    /// Formats <paramref name="value"/>: text/plain plus every rich representation that applies, or only
    /// <paramref name="mimeType"/> (plus text/plain) when it is given.
    /// </summary>
    public static MimeBundle Format(object? value, string? mimeType = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            data["text/plain"] = "<null>";
            return new MimeBundle(data);
        }

        foreach (var (mime, text) in RichRepresentations(value))
        {
            if (mimeType is not null && mime != mimeType) continue;
            data.TryAdd(mime, text);
        }
        if (!data.ContainsKey("text/plain"))
        {
            data["text/plain"] = TryRegistered(value, "text/plain") ?? PlainTextFormatter.Format(value);
        }
        if (mimeType is not null && !data.ContainsKey(mimeType))
        {
            throw new ArgumentException($"No {mimeType} formatter applies to {PlainTextFormatter.TypeName(value.GetType())}.", nameof(mimeType));
        }
        return new MimeBundle(data);
    }

    /// <summary>The text/plain form of <paramref name="value"/>.</summary>
    public static string ToPlainText(object? value) => Format(value).Data["text/plain"];

    private static IEnumerable<(string Mime, string Text)> RichRepresentations(object value)
    {
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mime in RegisteredMimeTypes(value.GetType()))
        {
            var text = TryRegistered(value, mime);
            if (text is not null && produced.Add(mime)) yield return (mime, text);
        }

        var convention = ConventionFormatters.For(value.GetType());
        if (convention is not null)
        {
            foreach (var (mime, text) in convention.Format(value))
            {
                if (produced.Add(mime)) yield return (mime, text);
            }
            // A type that declares its own formatters decides its views: built-in tables would only add noise.
            yield break;
        }

        var html = value switch
        {
            Exception exception => ExceptionFormatter.ToHtml(exception),
            _ when MathNetFormatter.IsMathNet(value) => MathNetFormatter.ToHtml(value),
            string => null,
            System.Collections.IEnumerable sequence => HtmlTableFormatter.ToHtml(sequence, MaxTableRows),
            _ => null,
        };
        if (html is not null && produced.Add("text/html")) yield return ("text/html", html);
    }

    private static IEnumerable<string> RegisteredMimeTypes(Type type)
    {
        if (Registered.IsEmpty) return [];
        return Registered.Keys.Where(k => k.Type.IsAssignableFrom(type)).Select(k => k.MimeType).Distinct();
    }

    private static string? TryRegistered(object value, string mimeType)
    {
        if (Registered.IsEmpty) return null;
        // The most derived registered type wins, so a registration for a subclass overrides one for its base.
        Type? best = null;
        foreach (var key in Registered.Keys)
        {
            if (key.MimeType != mimeType || !key.Type.IsInstanceOfType(value)) continue;
            if (best is null || best.IsAssignableFrom(key.Type)) best = key.Type;
        }
        return best is not null && Registered.TryGetValue((best, mimeType), out var format) ? format(value) : null;
    }
}
