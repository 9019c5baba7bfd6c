using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// The NuGet sources configured for the folder the kernel runs in (the <c>nuget.config</c> files from that folder up,
/// and the user's), as <c>dotnet nuget list source</c> reports them there. .NET Interactive restores <c>#r "nuget:"</c>
/// from exactly these, so a notebook folder whose <c>nuget.config</c> names a package folder or a feed works the same in
/// both hosts. NeuroRnn's kernel restores in a project of its own elsewhere, so it passes them on explicitly.
/// </summary>
/// <remarks>
/// The listing (a <c>dotnet</c> process, ~1 s) is kept per working folder only while the configuration files it came
/// from are unchanged: a <c>nuget.config</c> written or edited during the session is read at the next <c>#r</c>. A failed
/// or empty listing is not kept. Local folders are checked at every <c>#r</c>, so a package folder that is created later
/// (packed after the kernel started) is used from then on, and one that does not exist yet does not fail every restore.
/// Each source keeps the file that defines it and that file's <c>allowInsecureConnections</c> on it (absent: not
/// allowed, as in NuGet), so a plain-HTTP feed is passed on only as the folder's own configuration permits.
/// </remarks>
internal sealed class WorkingFolderSources
{
    private static readonly string[] ConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];
    private readonly Dictionary<string, (string Fingerprint, IReadOnlyList<NuGetSource> Sources)> _byFolder = new(StringComparer.Ordinal);
    private readonly Func<string, CancellationToken, Task<(int ExitCode, string Output)>> _list;

    /// <summary>Lists sources with the SDK's <c>dotnet nuget list source</c>, stopped after <paramref name="timeout"/>.</summary>
    public WorkingFolderSources(TimeSpan timeout)
        : this((folder, cancellationToken) => DotnetCli.RunAsync("#r \"nuget:\"", ["nuget", "list", "source", "--format", "short"], folder, timeout, cancellationToken))
    {
    }

    /// <summary>Lists sources with <paramref name="list"/> (folder → exit code and "E source" lines): for tests.</summary>
    internal WorkingFolderSources(Func<string, CancellationToken, Task<(int ExitCode, string Output)>> list) => _list = list;

    /// <summary>
    /// The enabled sources of <paramref name="folder"/>'s configuration that can be used now: http(s) feeds and local
    /// folders that exist, each with its configuration file and permission for plain HTTP. Empty when the SDK cannot
    /// list them (the package's own restore then reports what is missing).
    /// </summary>
    public async Task<IReadOnlyList<NuGetSource>> GetAsync(string folder, CancellationToken cancellationToken)
    {
        var fingerprint = ConfigFingerprint(folder);
        IReadOnlyList<NuGetSource>? sources = null;
        lock (_byFolder)
        {
            if (_byFolder.TryGetValue(folder, out var known) && known.Fingerprint == fingerprint) sources = known.Sources;
        }
        if (sources is null)
        {
            try
            {
                var (exitCode, output) = await _list(folder, cancellationToken);
                sources = exitCode == 0 ? WithOrigins(folder, Parse(output)) : [];
            }
            catch (MagicCommandException)
            {
                sources = [];
            }
            if (sources.Count > 0)
            {
                lock (_byFolder) _byFolder[folder] = (fingerprint, sources);
            }
        }
        return sources.Where(s => IsUsable(s.Location)).ToArray();
    }

    /// <summary>
    /// Pairs each listed source with the nearest configuration file that defines it (the folder's, then its parents',
    /// then the user's — NuGet's order of precedence) and that entry's <c>allowInsecureConnections</c>. A source found in
    /// none of them (a machine-wide file) is named by <paramref name="folder"/>'s configuration and not allowed over HTTP.
    /// </summary>
    internal static IReadOnlyList<NuGetSource> WithOrigins(string folder, IReadOnlyList<string> sources)
    {
        var entries = ConfigFiles(folder).SelectMany(SourceEntries).ToList();
        return sources.Select(source =>
        {
            var entry = entries.FirstOrDefault(e => SameLocation(e.Value, source));
            return entry.File is null
                ? new NuGetSource(source, $"the NuGet configuration of {folder}", AllowInsecureConnections: false)
                : new NuGetSource(source, entry.File, entry.AllowInsecure);
        }).ToArray();
    }

    /// <summary>The <c>packageSources/add</c> entries of one configuration file; none when it cannot be read.</summary>
    private static IEnumerable<(string File, string Value, bool AllowInsecure)> SourceEntries(string file)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            // The listing itself read this file; a file that cannot be read now names no source.
            return [];
        }
        var sources = document.Root?.Element("packageSources");
        if (sources is null) return [];
        return sources.Elements("add")
            .Where(add => add.Attribute("value") is not null)
            .Select(add => (file, add.Attribute("value")!.Value.Trim(),
                string.Equals(add.Attribute("allowInsecureConnections")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            .ToArray();
    }

    /// <summary>Feed URLs compare without case and trailing slash; folders (relative in the file) are never plain HTTP.</summary>
    private static bool SameLocation(string configured, string listed) =>
        IsFeed(configured) && string.Equals(configured.TrimEnd('/'), listed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>"E https://…" / "D /folder" lines (enabled / disabled) → the enabled sources: feed URLs and rooted folders.</summary>
    internal static IReadOnlyList<string> Parse(string listing) =>
        listing.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .Where(s => IsFeed(s) || (!s.Contains("://", StringComparison.Ordinal) && Path.IsPathRooted(s)))
            .ToArray();

    /// <summary>The feeds, and the folders that exist now.</summary>
    internal static IReadOnlyList<string> Usable(IReadOnlyList<string> sources) =>
        sources.Where(IsUsable).ToArray();

    private static bool IsUsable(string source) => IsFeed(source) || Directory.Exists(source);

    private static bool IsFeed(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// Path, size and write time of every NuGet configuration file that <c>dotnet nuget list source</c> reads in
    /// <paramref name="folder"/>: the folder's and its parents', and the user's.
    /// </summary>
    internal static string ConfigFingerprint(string folder)
    {
        var text = new StringBuilder();
        foreach (var path in ConfigFiles(folder))
        {
            var file = new FileInfo(path);
            text.Append(path).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The existing configuration files <c>dotnet nuget list source</c> reads in <paramref name="folder"/>, nearest first, the user's last.</summary>
    private static IEnumerable<string> ConfigFiles(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            foreach (var name in ConfigNames)
            {
                var path = Path.Combine(dir.FullName, name);
                if (File.Exists(path)) yield return path;
            }
        var user = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(user)) yield return user;
    }
}
