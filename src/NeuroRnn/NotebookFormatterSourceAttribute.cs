using System.Reflection;

namespace NeuroRnn;

/// <summary>
/// Names, by assembly-qualified name, the type that supplies the notebook formatters of the marked core type.
/// </summary>
/// <remarks>
/// Why an attribute carrying a name: notebook hosts (.NET Interactive's <c>Formatter.TryRegisterFromFormatterSources</c>
/// and the NeuroRnn kernel) find formatters by an attribute whose simple name is <c>TypeFormatterSourceAttribute</c>
/// that sits on the formatted type itself. The HTML lives in NeuroRnn.Interactive (the core knows nothing of notebooks)
/// and the core cannot reference it, so the attribute holds only a type name and resolves it when a host asks. The
/// alternative — registering formatters when NeuroRnn.Interactive loads — needs a host API at load time, which the
/// NeuroRnn kernel deliberately does not offer and which fails whenever a recording is shown before that registration
/// ran. When NeuroRnn.Interactive is not loaded, <see cref="FormatterSourceType"/> names a source with no formatters,
/// so hosts fall back to their default display instead of failing.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    private const string InteractiveAssembly = "NeuroRnn.Interactive";

    /// <param name="formatterSourceTypeName">The full name of a type in NeuroRnn.Interactive, e.g. <c>NeuroRnn.Interactive.Formatting.RecordingFormatterSource</c>.</param>
    public TypeFormatterSourceAttribute(string formatterSourceTypeName) => FormatterSourceTypeName = formatterSourceTypeName;

    /// <summary>The full name of the formatter source type in NeuroRnn.Interactive.</summary>
    public string FormatterSourceTypeName { get; }

    /// <summary>The formatter source when NeuroRnn.Interactive can be loaded; otherwise a source with no formatters.</summary>
    public Type FormatterSourceType => Resolve(FormatterSourceTypeName) ?? typeof(NoFormatterSource);

    /// <summary>The MIME types hosts show by default, first preferred.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];

    private static Type? Resolve(string fullName)
    {
        // An already loaded NeuroRnn.Interactive (in whatever load context the host used) wins over loading by name.
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name == InteractiveAssembly && assembly.GetType(fullName, throwOnError: false) is { } loaded) return loaded;
        }
        try
        {
            return Assembly.Load(InteractiveAssembly).GetType(fullName, throwOnError: false);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The formatter source used when NeuroRnn.Interactive is absent: no formatters, hosts use their defaults.</summary>
    internal sealed class NoFormatterSource
    {
        public System.Collections.IEnumerable CreateTypeFormatters() => Array.Empty<object>();
    }
}
