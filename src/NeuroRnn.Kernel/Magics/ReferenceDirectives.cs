using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// The <c>#r</c> and <c>#i</c> lines of C# and F# cells, handled the same way for both languages (one package cache,
/// one list of sources, references loaded into both sessions):
/// <c>#r "path.dll"</c> (a private copy), <c>#r "nuget: Id, Version"</c> (restored with <see cref="NuGetRestorer"/>),
/// <c>#r "path.csproj"</c> (built with <see cref="ProjectReferences"/>) and <c>#i "nuget: source"</c>
/// (<see cref="PackageSources"/>).
/// </summary>
internal sealed class ReferenceDirectives : IDisposable
{
    private readonly LanguageSessions _sessions;
    private readonly PrivateAssemblyCopies _copies;
    private readonly NuGetRestorer _nuget;
    private readonly PackageSources _sources = new();
    private readonly WorkingFolderSources _workingFolderSources;
    private readonly TimeSpan _timeout;

    public ReferenceDirectives(LanguageSessions sessions, PolyglotInterpreterOptions options)
    {
        _sessions = sessions;
        _copies = new PrivateAssemblyCopies(options.SessionDirectory);
        _nuget = new NuGetRestorer(options.NuGetCacheDirectory, options.NuGetRestoreTimeout);
        _timeout = options.NuGetRestoreTimeout;
        _workingFolderSources = new WorkingFolderSources(options.NuGetRestoreTimeout);
    }

    /// <summary>Runs one <c>#r</c> or <c>#i</c> line.</summary>
    /// <exception cref="MagicCommandException">The line is malformed or its target cannot be used; the message names the directive and the cause.</exception>
    public async Task RunAsync(string line, CellScope scope)
    {
        if (line.StartsWith("#i", StringComparison.Ordinal))
        {
            var source = await _sources.AddAsync(line, scope.CancellationToken);
            scope.Context.WriteStream("stdout", $"Added NuGet source {source} for this session.\n");
            return;
        }
        var tokens = MagicTokenizer.Tokenize(line[2..]);
        if (tokens.Count != 1) throw new MagicCommandException($"#r expects one quoted path, project or \"nuget: Package, Version\", got: {line}");
        var reference = tokens[0];
        IReadOnlyList<string> paths;
        if (reference.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var (id, version) = NuGetRestorer.ParseReference(reference);
            // #i sources first, then those configured for the working folder (what .NET Interactive restores from).
            var configured = await _workingFolderSources.GetAsync(Environment.CurrentDirectory, scope.CancellationToken);
            // A location named by both keeps its #i origin: the user's explicit choice in the notebook.
            var sources = _sources.All.Select(NuGetSource.FromDirective).Concat(configured).DistinctBy(s => s.Location, StringComparer.Ordinal).ToArray();
            paths = await _nuget.RestoreAsync(id, version, sources, scope.CancellationToken);
            foreach (var path in paths) _copies.Remember(path);
            scope.Context.WriteStream("stdout", $"Installed package {id}{(version is null ? "" : " version " + version)} ({paths.Count} assemblies).\n");
        }
        else if (ProjectReferences.IsProject(reference))
        {
            var built = await ProjectReferences.BuildAsync(reference, _timeout, scope.CancellationToken);
            paths = [_copies.Copy(built)];
            scope.Context.WriteStream("stdout", $"Built {Path.GetFileName(reference)} and referenced {Path.GetFileName(built)}.\n");
        }
        else
        {
            paths = [_copies.Copy(reference)];
        }
        _sessions.AddReferences(paths, $"#r \"{reference}\"");
    }

    public void Dispose() => _copies.Dispose();
}
