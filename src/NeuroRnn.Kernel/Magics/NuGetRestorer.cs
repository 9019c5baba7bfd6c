using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Resolves <c>#r "nuget: Package, Version"</c>: restores a generated net10.0 project with the machine's own NuGet
/// configuration (<c>dotnet restore</c>), reads the runtime assemblies of the package and its dependencies from
/// <c>project.assets.json</c>, and remembers the list per package and version so a second session needs no restore.
/// </summary>
internal sealed partial class NuGetRestorer
{
    private const string TargetFramework = "net10.0";
    private readonly string _cacheRoot;
    private readonly TimeSpan _timeout;

    public NuGetRestorer(string? cacheRoot, TimeSpan timeout)
    {
        _cacheRoot = cacheRoot ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "neurornn", "nuget");
        _timeout = timeout;
    }

    /// <summary>Parses the text after <c>#r</c> (<c>"nuget: Id, Version"</c>, version optional) into id and version.</summary>
    /// <exception cref="MagicCommandException">The text is not a valid package reference.</exception>
    public static (string Id, string? Version) ParseReference(string reference)
    {
        var body = reference.Trim();
        if (!body.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) throw new MagicCommandException($"Not a NuGet reference: {reference}");
        var parts = body["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
        var id = parts[0];
        var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (parts.Length > 2 || !PackageId().IsMatch(id) || (version is not null && !PackageVersion().IsMatch(version)))
        {
            throw new MagicCommandException($"#r: expected \"nuget: PackageId, Version\" (version optional), got \"{reference}\".");
        }
        return (id, version);
    }

    /// <summary>
    /// The runtime assemblies of <paramref name="id"/> (at <paramref name="version"/>, or the latest) and its
    /// dependencies, restored from the machine's NuGet sources plus <paramref name="extraSources"/> (from <c>#i</c> and
    /// the working folder's <c>nuget.config</c>). Assemblies the kernel already has (the framework, FSharp.Core, the
    /// formatting package, …) are left out: the kernel's copy is the one that is loaded.
    /// </summary>
    /// <exception cref="MagicCommandException">
    /// A plain-HTTP source from a configuration file that does not allow it (named with its file, as NuGet's NU1302 would
    /// fail the restore), or the restore failed (unknown package, unreachable source, …); the message carries NuGet's errors.
    /// </exception>
    public async Task<IReadOnlyList<string>> RestoreAsync(string id, string? version, IReadOnlyList<NuGetSource> extraSources, CancellationToken cancellationToken)
    {
        var directive = $"#r \"nuget: {id}{(version is null ? "" : ", " + version)}\"";
        // NuGet fails every restore that lists such a source (NU1302). The kernel restores in a project of its own, so
        // NuGet would name the kernel's generated file; this names the user's file and says how to allow it.
        if (extraSources.FirstOrDefault(s => s.IsRefusedInsecure) is { } refused)
        {
            throw new MagicCommandException(
                $"{directive}: the package source {refused.Location} from {refused.Origin} is plain HTTP, and that file does not set " +
                "allowInsecureConnections=\"true\" on it. NuGet refuses such a source for every restore (NU1302: NuGet requires HTTPS " +
                "sources), and so does the kernel. Use its https address, add allowInsecureConnections=\"true\" to its <add> element in " +
                $"{refused.Origin}, or name it in the notebook with #i \"nuget: {refused.Location}\" (allowed for the session).");
        }
        var key = version is null ? "latest" : Sanitize(version);
        // Another set of sources may resolve another package: it gets its own cache entry. Every plain-HTTP source that
        // reaches this point is allowed, so the locations alone decide what the restore sees.
        if (extraSources.Count > 0) key += "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", extraSources.Select(s => s.Location)))))[..12].ToLowerInvariant();
        var folder = Path.Combine(_cacheRoot, id.ToLowerInvariant(), key);
        var listFile = Path.Combine(folder, "assemblies.txt");
        // A floating version ("0.1.0-*") may mean a newer package than last time (a re-packed local folder): restore again.
        bool floating = version is not null && version.Contains('*', StringComparison.Ordinal);
        if (!floating && File.Exists(listFile))
        {
            // An empty list is a valid answer: every assembly of the package may already be the host's.
            var cached = await File.ReadAllLinesAsync(listFile, cancellationToken);
            if (cached.All(File.Exists)) return cached;
        }

        var project = Path.Combine(folder, "project");
        Directory.CreateDirectory(project);
        var projectFile = Path.Combine(project, "restore.csproj");
        await File.WriteAllTextAsync(projectFile, ProjectText(id, version), cancellationToken);
        // The extra sources go into a nuget.config next to the project: NuGet adds them to the user's configured
        // sources, and only there can a plain-HTTP source be allowed (each with its origin's permission).
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), SourcesConfig(extraSources), cancellationToken);
        // --force-evaluate: otherwise NuGet's no-op check keeps the floating version it resolved last time.
        string[] arguments = floating ? ["restore", projectFile, "--nologo", "-v", "q", "--force-evaluate"] : ["restore", projectFile, "--nologo", "-v", "q"];
        var (exitCode, output) = await DotnetCli.RunAsync(directive, arguments, project, _timeout, cancellationToken);
        var assets = Path.Combine(project, "obj", "project.assets.json");
        if (exitCode != 0 || !File.Exists(assets))
        {
            var errors = DotnetCli.Errors(output);
            var detail = errors.Count > 0 ? string.Join(Environment.NewLine, errors) : output.Trim();
            throw new MagicCommandException($"{directive}: restore failed.{Environment.NewLine}{detail}");
        }

        var assemblies = ReadRuntimeAssemblies(assets);
        await File.WriteAllLinesAsync(listFile, assemblies, cancellationToken);
        return assemblies;
    }

    /// <summary>The restore project's nuget.config: the sources in order, a plain-HTTP one with the permission its origin gave.</summary>
    internal static string SourcesConfig(IReadOnlyList<NuGetSource> sources)
    {
        var entries = sources.Select((source, i) =>
            $"    <add key=\"notebook-source-{i + 1}\" value=\"{SecurityElement.Escape(source.Location)}\"{(source.IsPlainHttp && source.AllowInsecureConnections ? " allowInsecureConnections=\"true\"" : "")} />");
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n{string.Join("\n", entries)}\n  </packageSources>\n</configuration>\n";
    }

    private static string ProjectText(string id, string? version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{TargetFramework}</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
            <NoWarn>NU1603;NU1701;NU1902;NU1903;NU1904</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{SecurityElement.Escape(id)}" Version="{SecurityElement.Escape(version ?? "*")}" />
          </ItemGroup>
        </Project>
        """;

    private static IReadOnlyList<string> ReadRuntimeAssemblies(string assetsPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = document.RootElement;
        var packageFolders = root.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToArray();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => !t.Name.Contains('/'));
        var hostNames = Engines.HostAssemblies.LoadedByHost();
        var result = new List<string>();
        foreach (var package in target.Value.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            if (!package.Value.TryGetProperty("runtime", out var runtime)) continue;
            var libraryPath = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            foreach (var file in runtime.EnumerateObject())
            {
                if (!file.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                // The host's own copy (framework, FSharp.Core, …) wins over a package copy of the same assembly.
                if (hostNames.Contains(Path.GetFileNameWithoutExtension(file.Name))) continue;
                var full = packageFolders.Select(folder => Path.Combine(folder, libraryPath, file.Name)).FirstOrDefault(File.Exists);
                if (full is not null) result.Add(Path.GetFullPath(full));
            }
        }
        return result;
    }

    private static string Sanitize(string version) => string.Concat(version.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PackageId();

    [GeneratedRegex(@"^[A-Za-z0-9.*\-+\[\]\(\), ]+$")]
    private static partial Regex PackageVersion();
}
