using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>
/// The package folders and feeds a notebook folder's nuget.config names (what .NET Interactive restores from there), read through
/// the real <c>dotnet nuget list source</c>.
/// </summary>
public sealed class WorkingFolderSourcesTests
{
    [Fact]
    public async Task EnabledFeedsAndExistingFoldersOfTheFoldersNugetConfigAreReturned()
    {
        using var temp = new TempRoot("neurornn-sources-");
        var root = temp.Path;
        var notebooks = temp.Folder("notebooks");
        var packages = temp.Folder("packages");
        var disabled = temp.Folder("disabled");
        await File.WriteAllTextAsync(Path.Combine(notebooks, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="../packages" />
                <add key="off" value="../disabled" />
                <add key="not-yet-packed" value="../missing" />
                <add key="lab-feed" value="https://packages.example.org/v3/index.json" />
              </packageSources>
              <disabledPackageSources>
                <add key="off" value="true" />
              </disabledPackageSources>
            </configuration>
            """);
        var sources = (await new WorkingFolderSources(TimeSpan.FromMinutes(2)).GetAsync(notebooks, CancellationToken.None)).Select(s => s.Location.TrimEnd('/')).ToArray();
        Assert.Contains(packages, sources);
        Assert.Contains("https://packages.example.org/v3/index.json", sources);
        Assert.DoesNotContain(disabled, sources);
        Assert.DoesNotContain(Path.Combine(root, "missing"), sources);
    }

    [Fact]
    public async Task A_nuget_config_written_during_the_session_is_read_at_the_next_call()
    {
        using var temp = new TempRoot("neurornn-sources-later-");
        var notebooks = temp.Folder("notebooks");
        var packages = temp.Folder("packages");
        var sources = new WorkingFolderSources(TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(packages, (await sources.GetAsync(notebooks, CancellationToken.None)).Select(s => s.Location.TrimEnd('/')));
        await File.WriteAllTextAsync(Path.Combine(notebooks, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="../packages" />
              </packageSources>
            </configuration>
            """);
        Assert.Contains(packages, (await sources.GetAsync(notebooks, CancellationToken.None)).Select(s => s.Location.TrimEnd('/')));
    }

    [Fact]
    public async Task A_failed_or_empty_listing_is_asked_again_and_a_good_one_is_kept_while_the_configuration_is_unchanged()
    {
        using var temp = new TempRoot("neurornn-sources-cache-");
        var root = temp.Path;
        var later = Path.Combine(root, "packed-later");
        var answers = new Queue<(int, string)>([(1, "error: could not read the configuration"), (0, ""), (0, $"E {later}\nE https://api.nuget.org/v3/index.json\n")]);
        int calls = 0;
        var sources = new WorkingFolderSources((_, _) => { calls++; return Task.FromResult(answers.Dequeue()); });
        Assert.Empty(await sources.GetAsync(root, CancellationToken.None)); // failed: not kept
        Assert.Empty(await sources.GetAsync(root, CancellationToken.None)); // empty: not kept
        Assert.Equal(["https://api.nuget.org/v3/index.json"], (await sources.GetAsync(root, CancellationToken.None)).Select(s => s.Location).ToArray()); // the folder does not exist yet
        Assert.Equal(3, calls);
        Directory.CreateDirectory(later); // packed after the listing: used without listing again
        Assert.Equal([later, "https://api.nuget.org/v3/index.json"], (await sources.GetAsync(root, CancellationToken.None)).Select(s => s.Location).ToArray());
        Assert.Equal(3, calls);
    }

    [Fact]
    public void ListingLinesAreParsedEnabledSourcesOnly()
    {
        var existing = Path.GetTempPath().TrimEnd('/');
        var listing = $"E https://api.nuget.org/v3/index.json\nE http://intranet.example/nuget/v3/index.json\nD https://off.example/v3/index.json\nD {existing}\nE {existing}\nE /no/such/folder/here\nE relative/folder\nE ftp://old.example/feed\n";
        var parsed = WorkingFolderSources.Parse(listing);
        Assert.Equal(["https://api.nuget.org/v3/index.json", "http://intranet.example/nuget/v3/index.json", existing, "/no/such/folder/here"], parsed.ToArray());
        Assert.Equal(["https://api.nuget.org/v3/index.json", "http://intranet.example/nuget/v3/index.json", existing], WorkingFolderSources.Usable(parsed).ToArray());
    }

    [Fact]
    public async Task A_floating_version_is_restored_again_and_picks_up_a_newer_package()
    {
        var root = Path.Combine(Path.GetTempPath(), "neurornn-floating-" + Guid.NewGuid().ToString("N")[..8]);
        var feed = Path.Combine(root, "feed");
        var baseVersion = LocalPackages.FreshVersion();
        try
        {
            var restorer = new NuGetRestorer(Path.Combine(root, "cache"), TimeSpan.FromMinutes(3));
            LocalPackages.Create(feed, "NeuroRnnTestFloatingPkg", baseVersion + "-local.1");
            var first = await restorer.RestoreAsync("NeuroRnnTestFloatingPkg", baseVersion + "-*", [NuGetSource.FromDirective(feed)], CancellationToken.None);
            Assert.Contains(first, p => p.Contains($"{baseVersion}-local.1", StringComparison.Ordinal));

            // Re-packed, as scripts/pack-local.sh does: the same floating reference now means the newer package.
            LocalPackages.Create(feed, "NeuroRnnTestFloatingPkg", baseVersion + "-local.2");
            var second = await restorer.RestoreAsync("NeuroRnnTestFloatingPkg", baseVersion + "-*", [NuGetSource.FromDirective(feed)], CancellationToken.None);
            Assert.Contains(second, p => p.Contains($"{baseVersion}-local.2", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
