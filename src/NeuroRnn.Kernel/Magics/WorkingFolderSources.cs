namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// The NuGet sources configured for the folder the kernel runs in (the <c>nuget.config</c> files from that folder up,
/// and the user's), as <c>dotnet nuget list source</c> reports them there. .NET Interactive restores <c>#r "nuget:"</c>
/// from exactly these, so a notebook folder whose <c>nuget.config</c> names a package folder works the same in both
/// hosts. NeuroRnn's kernel restores in a project of its own elsewhere, so it passes them on explicitly. Asked once per
/// working folder and session; local folders that do not exist (yet) are left out rather than failing every restore.
/// </summary>
internal sealed class WorkingFolderSources
{
    private readonly Dictionary<string, IReadOnlyList<string>> _byFolder = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;

    public WorkingFolderSources(TimeSpan timeout) => _timeout = timeout;

    /// <summary>The enabled package folders of <paramref name="folder"/>'s configuration; empty when the SDK cannot list them.</summary>
    public async Task<IReadOnlyList<string>> GetAsync(string folder, CancellationToken cancellationToken)
    {
        lock (_byFolder)
        {
            if (_byFolder.TryGetValue(folder, out var known)) return known;
        }
        IReadOnlyList<string> sources;
        try
        {
            var (exitCode, output) = await DotnetCli.RunAsync("#r \"nuget:\"", ["nuget", "list", "source", "--format", "short"], folder, _timeout, cancellationToken);
            sources = exitCode == 0 ? Parse(output) : [];
        }
        catch (MagicCommandException)
        {
            sources = []; // the package's own restore will then report what is missing
        }
        lock (_byFolder) _byFolder[folder] = sources;
        return sources;
    }

    /// <summary>"E https://…" / "D /folder" lines (enabled / disabled) → the enabled package folders that exist.</summary>
    internal static IReadOnlyList<string> Parse(string listing) =>
        listing.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .Where(s => s.Length > 0 && !s.Contains("://", StringComparison.Ordinal) && Path.IsPathRooted(s) && Directory.Exists(s))
            .ToArray();
}
