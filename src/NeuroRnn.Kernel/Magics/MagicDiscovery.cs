using System.Collections;
using System.Reflection;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Finds magic commands in assemblies loaded with <c>#r</c>, by a convention that needs no compile-time reference in
/// either direction: a type carrying an attribute whose simple name is <c>NeuroRnnMagicsAttribute</c> (any namespace,
/// may be internal) with a public static parameterless <c>MagicDefinitions()</c> returning an <see cref="IEnumerable"/>
/// of definitions, each read by <see cref="ConventionMagic"/> and registered in <see cref="MagicCommands"/>.
/// </summary>
internal static class MagicDiscovery
{
    private const string AttributeName = "NeuroRnnMagicsAttribute";
    private const string MethodName = "MagicDefinitions";
    private static readonly Conventions.MarkedTypes Marked = new(AttributeName);
    private static readonly Lazy<bool> ApplicationScan = new(ScanApplication, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Registers the convention magics of the application's assemblies next to the kernel (e.g. a toolkit shipped with
    /// the kernel's tool), once. Only assemblies whose metadata declares a type named like the attribute are loaded.
    /// </summary>
    public static void EnsureApplicationScanned() => _ = ApplicationScan.Value;

    private static bool ScanApplication()
    {
        foreach (var path in Engines.HostAssemblies.ApplicationAssemblies())
        {
            try
            {
                if (!DeclaresType(path, AttributeName)) continue;
                RegisterFrom(System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path)));
            }
            catch (Exception e) when (e is MagicCommandException or IOException or BadImageFormatException)
            {
                // One broken library must not take the kernel's other magics with it; the kernel log says why.
                Console.Error.WriteLine($"neurornn kernel: magic commands of {path} were not registered: {e.Message}");
            }
        }
        return true;
    }

    private static bool DeclaresType(string path, string typeName)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        if (!pe.HasMetadata) return false;
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.TypeDefinitions.Any(handle => metadata.StringComparer.Equals(metadata.GetTypeDefinition(handle).Name, typeName));
    }

    public static void RegisterFrom(Assembly assembly)
    {
        foreach (var type in Marked.FirstScan(assembly))
        {
            object? found = Marked.Invoke(type, MethodName, (message, inner) => inner is null ? new MagicCommandException(message) : new MagicCommandException(message, inner));
            if (found is not IEnumerable list) throw new MagicCommandException($"{type.FullName}.{MethodName}() must return an IEnumerable of magic definitions.");
            // Adapt all first, so that one malformed definition registers none of the library's commands.
            var commands = list.Cast<object?>().Select(d => ConventionMagic.Adapt(d ?? throw new MagicCommandException($"{type.FullName}.{MethodName}() returned a null definition."), type)).ToArray();
            foreach (var command in commands) MagicCommands.Register(command);
        }
    }
}
