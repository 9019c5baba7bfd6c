using System.Text;

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
/// </remarks>
internal sealed class WorkingFolderSources
{
    private static readonly string[] ConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];
    private readonly Dictionary<string, (string Fingerprint, IReadOnlyList<string> Sources)> _byFolder = new(StringComparer.Ordinal);
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
    /// folders that exist. Empty when the SDK cannot list them (the package's own restore then reports what is missing).
    /// </summary>
    public async Task<IReadOnlyList<string>> GetAsync(string folder, CancellationToken cancellationToken)
    {
        var fingerprint = ConfigFingerprint(folder);
        IReadOnlyList<string>? sources = null;
        lock (_byFolder)
        {
            if (_byFolder.TryGetValue(folder, out var known) && known.Fingerprint == fingerprint) sources = known.Sources;
        }
        if (sources is null)
        {
            try
            {
                var (exitCode, output) = await _list(folder, cancellationToken);
                sources = exitCode == 0 ? Parse(output) : [];
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
        return Usable(sources);
    }

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
        sources.Where(s => IsFeed(s) || Directory.Exists(s)).ToArray();

    private static bool IsFeed(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// Path, size and write time of every NuGet configuration file that <c>dotnet nuget list source</c> reads in
    /// <paramref name="folder"/>: the folder's and its parents', and the user's.
    /// </summary>
    internal static string ConfigFingerprint(string folder)
    {
        var text = new StringBuilder();
        void Add(string path)
        {
            var file = new FileInfo(path);
            if (file.Exists) text.Append(path).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        }
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            foreach (var name in ConfigNames) Add(Path.Combine(dir.FullName, name));
        Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config"));
        return text.ToString();
    }
}
