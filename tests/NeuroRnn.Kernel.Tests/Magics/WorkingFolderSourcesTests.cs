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
}
