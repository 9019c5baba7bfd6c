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
    private const string AttributeName = "NeuroRnnFormattersAttribute";
    private static readonly HashSet<Assembly> Scanned = [];

    /// <summary>Calls the registration methods of <paramref name="assembly"/> (once per assembly).</summary>
    /// <exception cref="InvalidOperationException">A marked type has no such method or the method failed; the message names the type.</exception>
    public static void RegisterFrom(Assembly assembly)
    {
        lock (Scanned)
        {
            if (!Scanned.Add(assembly)) return;
        }
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        foreach (var type in types)
        {
            if (!type.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == AttributeName)) continue;
            var register = type.GetMethod("RegisterFormatters", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{type.FullName} is marked [{AttributeName}] but has no public static RegisterFormatters() method.");
            try
            {
                register.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"{type.FullName}.RegisterFormatters() failed: {e.InnerException.Message}", e.InnerException);
            }
        }
    }
}
