using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Formatters declared by the .NET Interactive convention, so one definition serves Polyglot Notebooks and this
/// kernel without a compile-time reference to either: the value's type (or a base class) carries an attribute
/// whose simple name is <c>TypeFormatterSourceAttribute</c> (any namespace, may be internal) with a
/// <c>Type FormatterSourceType</c> property and optionally <c>string[] PreferredMimeTypes</c> (default text/html).
/// The source has a public parameterless constructor and <c>IEnumerable CreateTypeFormatters()</c>; each formatter
/// has <c>string MimeType</c>, <c>bool Format(object, TextWriter)</c> and optionally <c>Type Type</c>.
/// Everything is found by reflection once per type.
/// </summary>
internal sealed class ConventionFormatters
{
    private const string AttributeName = "TypeFormatterSourceAttribute";
    private static readonly ConcurrentDictionary<Type, ConventionFormatters?> Cache = new();

    private readonly string[] _preferredMimeTypes;
    private readonly IReadOnlyList<ReflectedFormatter> _formatters;

    private ConventionFormatters(string[] preferredMimeTypes, IReadOnlyList<ReflectedFormatter> formatters)
    {
        _preferredMimeTypes = preferredMimeTypes;
        _formatters = formatters;
    }

    /// <summary>The convention formatters of <paramref name="type"/>, or null when it declares none.</summary>
    public static ConventionFormatters? For(Type type) => Cache.GetOrAdd(type, Discover);

    /// <summary>The preferred representations (and text/plain when the source has one) of <paramref name="value"/>.</summary>
    public IEnumerable<(string Mime, string Text)> Format(object value)
    {
        foreach (var mime in _preferredMimeTypes.Append("text/plain").Distinct(StringComparer.Ordinal))
        {
            foreach (var formatter in _formatters)
            {
                if (formatter.MimeType != mime || !formatter.AppliesTo(value)) continue;
                var text = formatter.Format(value);
                if (text is not null)
                {
                    yield return (mime, text);
                    break;
                }
            }
        }
    }

    private static ConventionFormatters? Discover(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetCustomAttributes(inherit: false))
            {
                var attributeType = attribute.GetType();
                if (attributeType.Name != AttributeName) continue;
                var sourceType = SourceTypeOf(attribute, current)
                    ?? throw new InvalidOperationException($"{attributeType.FullName} on {current.FullName} has no FormatterSourceType.");
                // A source the convention cannot create (Plotly.NET 6's GenericChartFormatterSource has no parameterless
                // constructor; .NET Interactive skips it too) declares nothing: registered and built-in formatters apply.
                if (sourceType.GetConstructor(Type.EmptyTypes) is null) continue;
                var preferred = attributeType.GetProperty("PreferredMimeTypes", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(attribute) as string[];
                var formatters = CreateFormatters(sourceType);
                // Without PreferredMimeTypes a source may state its preference with Formatter.SetPreferredMimeTypesFor
                // while creating its formatters (the formatting package's own LaTeXString does); else text/html.
                if (preferred is not { Length: > 0 }) preferred = [.. Microsoft.DotNet.Interactive.Formatting.Formatter.GetPreferredMimeTypesFor(current)];
                return new ConventionFormatters(preferred.Length > 0 ? preferred : ["text/html"], formatters);
            }
        }
        return null;
    }

    /// <summary>
    /// The formatter source named by the attribute: its <c>FormatterSourceType</c> property, or <c>TypeFormatterSourceType</c>
    /// (Plotly.NET's spelling), or else the <see cref="Type"/> passed to its constructor.
    /// </summary>
    private static Type? SourceTypeOf(object attribute, Type marked)
    {
        const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var attributeType = attribute.GetType();
        foreach (var name in new[] { "FormatterSourceType", "TypeFormatterSourceType" })
        {
            if (attributeType.GetProperty(name, Instance)?.GetValue(attribute) is Type type) return type;
        }
        return marked.GetCustomAttributesData()
            .Where(data => data.AttributeType == attributeType)
            .SelectMany(data => data.ConstructorArguments)
            .Select(argument => argument.Value)
            .OfType<Type>()
            .FirstOrDefault();
    }

    private static List<ReflectedFormatter> CreateFormatters(Type sourceType)
    {
        var source = Activator.CreateInstance(sourceType)
            ?? throw new InvalidOperationException($"Could not create the formatter source {sourceType.FullName}.");
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"The formatter source {sourceType.FullName} has no public CreateTypeFormatters() method.");
        var formatters = new List<ReflectedFormatter>();
        if (create.Invoke(source, null) is IEnumerable created)
        {
            foreach (var formatter in created)
            {
                if (formatter is not null) formatters.Add(ReflectedFormatter.Create(formatter, sourceType));
            }
        }
        return formatters;
    }

    private sealed class ReflectedFormatter
    {
        private readonly object _instance;
        private readonly MethodInfo? _format;
        private readonly Type? _type;

        private ReflectedFormatter(object instance, string mimeType, MethodInfo? format, Type? type)
        {
            _instance = instance;
            MimeType = mimeType;
            _format = format;
            _type = type;
        }

        public string MimeType { get; }

        public static ReflectedFormatter Create(object instance, Type sourceType)
        {
            // Formatters written against the package itself (e.g. LaTeXString's) format into a FormatContext.
            if (instance is ITypeFormatter typed) return new ReflectedFormatter(instance, typed.MimeType, null, typed.Type);
            var type = instance.GetType();
            var mime = type.GetProperty("MimeType", BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) as string
                ?? throw new InvalidOperationException($"A formatter from {sourceType.FullName} ({type.FullName}) has no MimeType.");
            var format = type.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])
                ?? throw new InvalidOperationException($"The formatter {type.FullName} has no public bool Format(object, TextWriter).");
            var target = type.GetProperty("Type", BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) as Type;
            return new ReflectedFormatter(instance, mime, format, target);
        }

        public bool AppliesTo(object value) => _type is null || _type.IsInstanceOfType(value);

        public string? Format(object value)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            object? handled;
            try
            {
                if (_format is null)
                {
                    using var context = new FormatContext(writer);
                    handled = ((ITypeFormatter)_instance).Format(value, context);
                }
                else
                {
                    handled = _format.Invoke(_instance, [value, writer]);
                }
            }
            catch (Exception e) when (e is TargetInvocationException { InnerException: not null } || (_format is null && e is not OutOfMemoryException))
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                throw new InvalidOperationException($"The {MimeType} formatter {_instance.GetType().FullName} failed on a {value.GetType().Name}: {cause.Message}", cause);
            }
            return handled is true ? writer.ToString() : null;
        }
    }
}
