using Microsoft.CodeAnalysis;

namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// XML documentation for the runtime assemblies cells reference. The runtime ships none; the SDK's reference pack
/// (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net&lt;N&gt;/*.xml</c>) does, so inspection shows
/// summaries wherever the SDK is installed and plain signatures elsewhere.
/// </summary>
internal static class ReferenceDocumentation
{
    // The implementation of most core types lives in System.Private.CoreLib, whose documentation the reference pack
    // spreads over the contracts that expose them.
    private static readonly string[] CoreLibContracts = ["System.Runtime", "System.Collections", "System.Memory", "System.Threading", "System.Runtime.Extensions"];

    private static readonly Lazy<string?> ReferencePackDirectory = new(FindReferencePack);

    /// <summary>A documentation provider for the assembly at <paramref name="assemblyPath"/>, or null when there is none.</summary>
    public static DocumentationProvider? For(string assemblyPath)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        var besideAssembly = Path.ChangeExtension(assemblyPath, ".xml");
        if (File.Exists(besideAssembly))
        {
            return XmlDocumentationProvider.CreateFromFile(besideAssembly);
        }

        if (ReferencePackDirectory.Value is not { } pack)
        {
            return null;
        }

        var files = (name == "System.Private.CoreLib" ? CoreLibContracts : [name])
            .Select(contract => Path.Combine(pack, contract + ".xml"))
            .Where(File.Exists)
            .ToArray();
        return files.Length switch
        {
            0 => null,
            1 => XmlDocumentationProvider.CreateFromFile(files[0]),
            _ => new MergedFiles(files),
        };
    }

    private static string? FindReferencePack()
    {
        // shared/Microsoft.NETCore.App/<version>/ → packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0
        var framework = new DirectoryInfo(HostAssemblies.FrameworkDirectory);
        var root = framework.Parent?.Parent?.Parent;
        if (root is null)
        {
            return null;
        }

        var packs = Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var target = $"net{Environment.Version.Major}.0";
        var exact = Path.Combine(packs, framework.Name, "ref", target);
        if (Directory.Exists(exact))
        {
            return exact;
        }

        return Directory.GetDirectories(packs)
            .Select(version => Path.Combine(version, "ref", target))
            .Where(Directory.Exists)
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Several XML documentation files read as one, merged on first use.</summary>
    private sealed class MergedFiles(IReadOnlyList<string> files) : XmlDocumentationProvider
    {
        protected override Stream GetSourceStream(CancellationToken cancellationToken)
        {
            var members = new System.Xml.Linq.XElement("members");
            foreach (var file in files)
            {
                members.Add(System.Xml.Linq.XDocument.Load(file).Root?.Element("members")?.Elements("member"));
            }

            var stream = new MemoryStream();
            new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement("doc", members)).Save(stream);
            stream.Position = 0;
            return stream;
        }

        public override bool Equals(object? obj) => obj is MergedFiles other && files.SequenceEqual(other.Files);

        public override int GetHashCode() => files.Count == 0 ? 0 : StringComparer.Ordinal.GetHashCode(files[0]);

        private IReadOnlyList<string> Files => files;
    }
}
