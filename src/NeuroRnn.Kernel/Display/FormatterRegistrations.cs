using System.Reflection;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// Lets a library register formatters for types it does not own (e.g. a third-party data frame) when it is loaded
/// with <c>#r</c>: a type that carries an attribute whose simple name is <c>NeuroRnnFormattersAttribute</c> (declared
/// anywhere, may be internal) and has a public static parameterless <c>RegisterFormatters()</c>, which is expected to
/// call .NET Interactive's <c>Formatter.Register</c> (the registry <see cref="DisplayFormatter"/> reads). Types that
/// a library owns should rather carry the <c>TypeFormatterSourceAttribute</c> convention (<see cref="ConventionFormatters"/>).
/// </summary>
internal static class FormatterRegistrations
{
    private static readonly Conventions.MarkedTypes Marked = new("NeuroRnnFormattersAttribute");

    /// <summary>Calls the registration methods of <paramref name="assembly"/> (once per assembly).</summary>
    /// <exception cref="InvalidOperationException">A marked type has no such method or the method failed; the message names the type.</exception>
    public static void RegisterFrom(Assembly assembly)
    {
        foreach (var type in Marked.FirstScan(assembly))
            Marked.Invoke(type, "RegisterFormatters", (message, inner) => new InvalidOperationException(message, inner));
    }
}
