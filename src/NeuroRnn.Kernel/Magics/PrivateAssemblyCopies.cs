using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Copies assemblies referenced with <c>#r "path.dll"</c> (and their dependencies from the same folder) into a
/// private per-session folder before they are loaded: rebuilding the original while the session runs would
/// otherwise break it ("Method not found"). Also resolves those dependencies when the runtime asks for them.
/// </summary>
internal sealed class PrivateAssemblyCopies : IDisposable
{
    private readonly string _root;
    private readonly bool _ownsRoot;
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private int _counter;

    public PrivateAssemblyCopies(string? root)
    {
        _ownsRoot = root is null;
        _root = root ?? Path.Combine(Path.GetTempPath(), "neurornn-kernel", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    public string Root => _root;

    /// <summary>Copies <paramref name="path"/> and its dependencies found next to it; returns the path of the copy.</summary>
    /// <exception cref="MagicCommandException">The file does not exist or is not a .NET assembly.</exception>
    public string Copy(string path)
    {
        var source = Path.GetFullPath(path);
        if (!File.Exists(source)) throw new MagicCommandException($"#r: the file '{source}' does not exist.");
        if (!IsManagedAssembly(source)) throw new MagicCommandException($"#r: '{source}' is not a .NET assembly.");
        string target;
        lock (_gate)
        {
            target = Path.Combine(_root, (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Directory.CreateDirectory(target);
        var copied = Path.Combine(target, Path.GetFileName(source));
        File.Copy(source, copied);
        Remember(copied);
        CopyDependencies(source, target, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFileName(source) });
        return copied;
    }

    /// <summary>Makes <paramref name="path"/> (e.g. a restored NuGet assembly) resolvable by simple name.</summary>
    public void Remember(string path)
    {
        lock (_gate) _byName[Path.GetFileNameWithoutExtension(path)] = path;
    }

    private void CopyDependencies(string assemblyPath, string target, HashSet<string> done)
    {
        var folder = Path.GetDirectoryName(assemblyPath)!;
        foreach (var name in ReferencedAssemblyNames(assemblyPath))
        {
            var file = name + ".dll";
            var candidate = Path.Combine(folder, file);
            if (!done.Add(file) || !File.Exists(candidate)) continue;
            var copy = Path.Combine(target, file);
            File.Copy(candidate, copy, overwrite: true);
            Remember(copy);
            CopyDependencies(candidate, target, done);
        }
        // Symbols make stack traces of the library readable.
        var pdb = Path.ChangeExtension(assemblyPath, ".pdb");
        if (File.Exists(pdb)) File.Copy(pdb, Path.Combine(target, Path.GetFileName(pdb)), overwrite: true);
    }

    private static IEnumerable<string> ReferencedAssemblyNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        if (!reader.HasMetadata) return [];
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        string? path;
        lock (_gate)
        {
            if (name.Name is null || !_byName.TryGetValue(name.Name, out path)) return null;
        }
        return context.LoadFromAssemblyPath(path);
    }

    public void Dispose()
    {
        AssemblyLoadContext.Default.Resolving -= Resolve;
        if (!_ownsRoot) return;
        try
        {
            // Loaded files can be deleted on Linux; on Windows they stay until the process ends.
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
