namespace NeuroRnn.Charts.Formatting;

/// <summary>
/// Names the formatter source of a type by the convention notebook hosts follow without a package reference
/// (.NET Interactive's <c>Formatter.TryRegisterFromFormatterSources</c> and the NeuroRnn kernel): the host looks
/// for an attribute whose simple name is <c>TypeFormatterSourceAttribute</c>, reads <see cref="FormatterSourceType"/>
/// and <see cref="PreferredMimeTypes"/>, creates the source and asks it for formatters.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) =>
        FormatterSourceType = formatterSourceType ?? throw new ArgumentNullException(nameof(formatterSourceType));

    /// <summary>The type with a public parameterless constructor and <c>IEnumerable CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types shown by default (first preferred).</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
