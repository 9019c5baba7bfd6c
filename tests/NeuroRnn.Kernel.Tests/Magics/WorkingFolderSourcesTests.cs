using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>
/// The package folders a notebook folder's nuget.config names (what .NET Interactive restores from there), read through
/// the real <c>dotnet nuget list source</c>.
/// </summary>
public sealed class WorkingFolderSourcesTests
{
    [Fact]
    public async Task EnabledExistingFoldersOfTheFoldersNugetConfigAreReturned()
    {
        var root = Path.Combine(Path.GetTempPath(), "neurornn-sources-" + Guid.NewGuid().ToString("N")[..8]);
        var notebooks = Path.Combine(root, "notebooks");
        var packages = Path.Combine(root, "packages");
        var disabled = Path.Combine(root, "disabled");
        Directory.CreateDirectory(notebooks);
        Directory.CreateDirectory(packages);
        Directory.CreateDirectory(disabled);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(notebooks, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="../packages" />
                    <add key="off" value="../disabled" />
                    <add key="not-yet-packed" value="../missing" />
                  </packageSources>
                  <disabledPackageSources>
                    <add key="off" value="true" />
                  </disabledPackageSources>
                </configuration>
                """);
            var sources = await new WorkingFolderSources(TimeSpan.FromMinutes(2)).GetAsync(notebooks, CancellationToken.None);
            Assert.Equal([packages], sources.Select(s => s.TrimEnd('/')).ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ListingLinesAreParsedEnabledFoldersOnly()
    {
        var existing = Path.GetTempPath().TrimEnd('/');
        var listing = $"E https://api.nuget.org/v3/index.json\nD {existing}\nE {existing}\nE /no/such/folder/here\n";
        Assert.Equal([existing], WorkingFolderSources.Parse(listing));
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
            var first = await restorer.RestoreAsync("NeuroRnnTestFloatingPkg", baseVersion + "-*", [feed], CancellationToken.None);
            Assert.Contains(first, p => p.Contains($"{baseVersion}-local.1", StringComparison.Ordinal));

            // Re-packed, as scripts/pack-local.sh does: the same floating reference now means the newer package.
            LocalPackages.Create(feed, "NeuroRnnTestFloatingPkg", baseVersion + "-local.2");
            var second = await restorer.RestoreAsync("NeuroRnnTestFloatingPkg", baseVersion + "-*", [feed], CancellationToken.None);
            Assert.Contains(second, p => p.Contains($"{baseVersion}-local.2", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
