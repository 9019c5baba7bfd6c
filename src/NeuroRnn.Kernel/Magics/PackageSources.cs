using System.Net.Http;
using System.Text.Json;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// Extra NuGet sources added with <c>#i "nuget: &lt;source&gt;"</c> for the rest of the session: a NuGet v3 feed
/// (the URL of its service index, <c>…/index.json</c>) or a local folder of <c>.nupkg</c> files. A source is checked
/// when it is added — a feed must answer with a v3 service index, a folder must exist — so a typo fails at the
/// <c>#i</c> line, not at a later restore.
/// </summary>
internal sealed class PackageSources
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly List<string> _sources = [];
    private readonly object _gate = new();

    /// <summary>The sources added so far, in order.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate) return _sources.ToArray();
        }
    }

    /// <summary>Checks and adds the source named by an <c>#i</c> line.</summary>
    /// <exception cref="MagicCommandException">The line is malformed or the source is unreachable, not a v3 feed, or a missing folder.</exception>
    public async Task<string> AddAsync(string line, CancellationToken cancellationToken)
    {
        var tokens = MagicTokenizer.Tokenize(line[2..]);
        var text = tokens.Count == 1 ? tokens[0].Trim() : "";
        if (!text.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || text.Length == "nuget:".Length)
        {
            throw new MagicCommandException($"{line}: expected #i \"nuget: <source>\" with a NuGet v3 feed URL (…/index.json) or a local folder.");
        }
        var source = text["nuget:".Length..].Trim();
        var directive = $"#i \"nuget: {source}\"";
        string normalized;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            await CheckFeedAsync(directive, uri, cancellationToken);
            normalized = uri.AbsoluteUri;
        }
        else if (Uri.TryCreate(source, UriKind.Absolute, out var fileUri) && fileUri.IsFile)
        {
            normalized = ExistingFolder(directive, fileUri.LocalPath);
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            throw new MagicCommandException($"{directive}: '{source}' is neither an http(s) NuGet feed URL nor a local folder.");
        }
        else
        {
            var path = source.StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + source[1..] : source;
            normalized = ExistingFolder(directive, Path.GetFullPath(path));
        }
        lock (_gate)
        {
            if (!_sources.Contains(normalized)) _sources.Add(normalized);
        }
        return normalized;
    }

    private static string ExistingFolder(string directive, string path)
    {
        if (!Directory.Exists(path)) throw new MagicCommandException($"{directive}: the folder '{path}' does not exist.");
        return path;
    }

    private static async Task CheckFeedAsync(string directive, Uri uri, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var response = await Http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new MagicCommandException($"{directive}: the feed answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}); a NuGet v3 feed is given by the URL of its service index (…/index.json).");
            }
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MagicCommandException($"{directive}: the feed could not be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MagicCommandException($"{directive}: the feed did not answer within {Http.Timeout.TotalSeconds:0} s.", e);
        }
        try
        {
            using var index = JsonDocument.Parse(body);
            var version = index.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (version is null || !version.StartsWith('3') || !index.RootElement.TryGetProperty("resources", out _))
            {
                throw new MagicCommandException($"{directive}: the answer is not a NuGet v3 service index (it has no version 3.x and resources).");
            }
        }
        catch (JsonException)
        {
            throw new MagicCommandException($"{directive}: the answer is not a NuGet v3 service index (not JSON); give the URL of the feed's index.json.");
        }
    }
}
