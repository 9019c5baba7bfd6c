using System.Reflection;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Finds magic commands in assemblies loaded with <c>#r</c>: a type that carries an attribute whose simple name is
/// <c>NeuroRnnMagicsAttribute</c> (declared anywhere, so a library needs no special base class) and has a public
/// static parameterless <c>RegisterMagics()</c> method, which is expected to call <see cref="MagicCommands.Register"/>.
/// </summary>
internal static class MagicDiscovery
{
    private const string AttributeName = "NeuroRnnMagicsAttribute";
    private static readonly HashSet<Assembly> Scanned = [];

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
            var register = type.GetMethod("RegisterMagics", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)
                ?? throw new MagicCommandException($"{type.FullName} is marked [{AttributeName}] but has no public static RegisterMagics() method.");
            try
            {
                register.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new MagicCommandException($"{type.FullName}.RegisterMagics() failed: {e.InnerException.Message}", e.InnerException);
            }
        }
    }
}
