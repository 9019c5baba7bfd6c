using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using NeuroRnn.Kernel.Interpreter;
using InteractiveFormatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Turns values into MIME bundles for notebook output. The registry is .NET Interactive's
/// <see cref="InteractiveFormatter"/>, so <c>Formatter.Register</c> and <c>Formatter.SetPreferredMimeTypesFor</c> in a
/// cell work as in Polyglot Notebooks. For each MIME type the first of these that produces text wins:
/// <list type="number">
/// <item>a formatter the user registered with <c>Formatter.Register</c> (most derived type first),</item>
/// <item>formatters declared by the <c>TypeFormatterSourceAttribute</c> convention (<see cref="ConventionFormatters"/>),</item>
/// <item>the kernel's built-ins (HTML content, exceptions, MathNet vectors/matrices, tables for sequences, plain text),</item>
/// <item>only for a MIME type asked for explicitly: .NET Interactive's default formatter for it.</item>
/// </list>
/// Which MIME types a value gets: those asked for, else the preferred ones set with <c>SetPreferredMimeTypesFor</c>,
/// else every rich view that applies. <c>text/plain</c> is always present.
/// </summary>
internal static class DisplayFormatter
{
    private const string PlainText = "text/plain";
    private const string Html = "text/html";

    /// <summary>
    /// Formats <paramref name="value"/>: text/plain plus the views in <paramref name="mimeTypes"/> when any are given
    /// (each must be produced), else the type's preferred views or all rich views that apply.
    /// </summary>
    /// <exception cref="ArgumentException">A requested MIME type is not a MIME type or no formatter produces it.</exception>
    public static MimeBundle Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        foreach (var mime in mimeTypes ?? [])
        {
            if (string.IsNullOrWhiteSpace(mime) || !mime.Contains('/')) throw new ArgumentException($"'{mime}' is not a MIME type such as text/html.", nameof(mimeTypes));
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            data[PlainText] = InteractiveFormatter.NullString ?? "<null>";
            return new MimeBundle(data);
        }

        if (mimeTypes is { Count: > 0 })
        {
            foreach (var mime in mimeTypes.Distinct(StringComparer.Ordinal))
            {
                data[mime] = Produce(value, mime) ?? Fallback(value, mime);
            }
        }
        else if (UserPreferredMimeTypes(value.GetType()) is { } preferred)
        {
            foreach (var mime in preferred)
            {
                var text = Produce(value, mime);
                if (text is not null) data[mime] = text;
            }
        }
        else
        {
            foreach (var (mime, text) in RichViews(value)) data.TryAdd(mime, text);
        }
        if (!data.ContainsKey(PlainText)) data[PlainText] = Produce(value, PlainText) ?? PlainTextFormatter.Format(value);
        return new MimeBundle(data);
    }

    /// <summary>The text/plain form of <paramref name="value"/>.</summary>
    public static string ToPlainText(object? value) => value is null ? InteractiveFormatter.NullString ?? "<null>" : Produce(value, PlainText) ?? PlainTextFormatter.Format(value);

    /// <summary>Rows shown by the built-in HTML tables: .NET Interactive's <c>Formatter.ListExpansionLimit</c> (default 20).</summary>
    public static int MaxTableRows => Math.Max(1, InteractiveFormatter.ListExpansionLimit);

    /// <summary>
    /// The MIME types set with <c>Formatter.SetPreferredMimeTypesFor</c> for <paramref name="type"/> (or a base type),
    /// or null when the user set none (.NET Interactive then answers with its default, text/html alone).
    /// </summary>
    private static IReadOnlyCollection<string>? UserPreferredMimeTypes(Type type)
    {
        var preferred = InteractiveFormatter.GetPreferredMimeTypesFor(type);
        if (preferred is null || preferred.Count == 0) return null;
        if (preferred.Count == 1 && preferred.First() == InteractiveFormatter.DefaultMimeType) return null;
        // Types that declare formatters by convention answer with their own preference; the convention decides then.
        if (ConventionFormatters.For(type) is not null) return null;
        return preferred;
    }

    private static IEnumerable<(string Mime, string Text)> RichViews(object value)
    {
        foreach (var mime in UserFormatters.MimeTypesFor(value.GetType()))
        {
            var text = UserFormatters.TryFormat(value, mime);
            if (text is not null) yield return (mime, text);
        }

        var convention = ConventionFormatters.For(value.GetType());
        if (convention is not null)
        {
            foreach (var view in convention.Format(value)) yield return view;
            // A type that declares its own formatters decides its views: built-in tables would only add noise.
            yield break;
        }

        var html = BuiltinHtml(value);
        if (html is not null) yield return (Html, html);
    }

    /// <summary>The <paramref name="mime"/> view of <paramref name="value"/> from a registered, convention or built-in formatter, or null.</summary>
    private static string? Produce(object value, string mime)
    {
        var text = UserFormatters.TryFormat(value, mime);
        if (text is not null) return text;
        var convention = ConventionFormatters.For(value.GetType());
        if (convention is not null)
        {
            foreach (var (conventionMime, conventionText) in convention.Format(value))
            {
                if (conventionMime == mime) return conventionText;
            }
        }
        return mime switch
        {
            Html => BuiltinHtml(value),
            PlainText => PlainTextFormatter.Format(value),
            _ => null,
        };
    }

    private static string? BuiltinHtml(object value) => value switch
    {
        IHtmlContent content => WriteHtml(content),
        Exception exception => ExceptionFormatter.ToHtml(exception),
        _ when MathNetFormatter.IsMathNet(value) => MathNetFormatter.ToHtml(value),
        string => null,
        System.Collections.IEnumerable sequence => HtmlTableFormatter.ToHtml(sequence, MaxTableRows),
        _ => null,
    };

    private static string WriteHtml(IHtmlContent content)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>.NET Interactive's default formatter, for a MIME type that was asked for and that nothing else produces.</summary>
    private static string Fallback(object value, string mime)
    {
        string text;
        try
        {
            text = InteractiveFormatter.ToDisplayString(value, mime);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"No {mime} formatter applies to {PlainTextFormatter.TypeName(value.GetType())} ({e.Message}).", nameof(value), e);
        }
        if (string.IsNullOrEmpty(text)) throw new ArgumentException($"No {mime} formatter applies to {PlainTextFormatter.TypeName(value.GetType())}.", nameof(value));
        return text;
    }
}
