namespace NeuroRnn.Data.Formatting;

/// <summary>
/// Marks a type whose notebook formatters come from <see cref="FormatterSourceType"/>. .NET Interactive finds this attribute
/// by its simple name (the convention of <c>Formatter.TryRegisterFromFormatterSources</c>), so NeuroRnn needs no reference
/// to Microsoft.DotNet.Interactive.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>A type with a public parameterless constructor and a public <c>IEnumerable CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the host should prefer for the marked type.</summary>
    public string[] PreferredMimeTypes { get; set; } = Array.Empty<string>();
}
