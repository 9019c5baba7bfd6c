using System.Reflection;

namespace NeuroRnn.Kernel.Conventions;

/// <summary>
/// The kernel's by-convention contracts with libraries that reference no kernel assembly (magic commands, formatter
/// registrations): a type carries an attribute known only by its simple name and a public static parameterless method
/// the kernel calls. One reader for every such convention, so they scan and fail alike.
/// </summary>
internal sealed class MarkedTypes(string attributeName)
{
    private readonly HashSet<Assembly> _scanned = [];

    /// <summary>The attribute's simple name, e.g. <c>NeuroRnnMagicsAttribute</c>.</summary>
    public string AttributeName { get; } = attributeName;

    /// <summary>The loadable types of <paramref name="assembly"/> that carry the attribute; empty when it was scanned before.</summary>
    public IReadOnlyList<Type> FirstScan(Assembly assembly)
    {
        lock (_scanned)
        {
            if (!_scanned.Add(assembly)) return [];
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
        return types.Where(t => t.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == AttributeName)).ToArray();
    }

    /// <summary>
    /// Calls the public static parameterless <paramref name="method"/> of the marked <paramref name="type"/>; a missing
    /// method or an exception inside it becomes the exception <paramref name="fail"/> makes of a message naming the type.
    /// </summary>
    public object? Invoke(Type type, string method, Func<string, Exception?, Exception> fail)
    {
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
            ?? throw fail($"{type.FullName} is marked [{AttributeName}] but has no public static {method}() method.", null);
        try
        {
            return target.Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw fail($"{type.FullName}.{method}() failed: {e.InnerException.Message}", e.InnerException);
        }
    }
}
