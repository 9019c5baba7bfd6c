using NeuroRnn.Kernel.Magics;

namespace NeuroRnn.Kernel.Tests.Magics;

/// <summary>
/// Plain-HTTP package sources: one from the notebook folder's nuget.config is passed on only with that file's own
/// allowInsecureConnections (absent → refused, with a message naming the feed and the file); one named with #i is allowed.
/// The restores go through the real <c>dotnet restore</c> against a loopback HTTP feed.
/// </summary>
public sealed class InsecureSourceTests
{
    [Fact]
    public async Task An_http_feed_whose_config_allows_it_is_passed_on_with_the_flag_and_restores()
    {
        using var served = new ServedPackage("NeuroRnnTestAllowedHttpPkg");
        var (temp, feed, notebooks, version) = (served.Temp, served.Feed, served.Notebooks, served.Version);
        var config = WriteConfig(notebooks, $"""<add key="lab" value="{feed.ServiceIndex}" allowInsecureConnections="true" />""");

        var sources = await new WorkingFolderSources(TimeSpan.FromMinutes(2)).GetAsync(notebooks, CancellationToken.None);
        var lab = Assert.Single(sources, s => s.Location == feed.ServiceIndex);
        Assert.Equal(config, lab.Origin);
        Assert.True(lab.AllowInsecureConnections);
        Assert.Contains($"value=\"{feed.ServiceIndex}\" allowInsecureConnections=\"true\"", NuGetRestorer.SourcesConfig(sources));

        // Without the flag in the restore project's nuget.config NuGet would fail with NU1302.
        var restorer = new NuGetRestorer(Path.Combine(temp.Path, "cache"), TimeSpan.FromMinutes(3));
        var assemblies = await restorer.RestoreAsync("NeuroRnnTestAllowedHttpPkg", version, sources, CancellationToken.None);
        Assert.Contains(assemblies, p => p.EndsWith("NeuroRnnTestAllowedHttpPkg.dll", StringComparison.Ordinal));
        Assert.True(feed.Downloads >= 1, "the package did not come from the loopback feed");
    }

    [Fact]
    public async Task An_http_feed_whose_config_does_not_allow_it_is_refused_naming_the_feed_and_the_file()
    {
        using var served = new ServedPackage("NeuroRnnTestRefusedHttpPkg");
        var (temp, feed, notebooks, version) = (served.Temp, served.Feed, served.Notebooks, served.Version);
        const string explicitlyNot = "http://127.0.0.1:9/explicitly-not/v3/index.json";
        var config = WriteConfig(notebooks,
            $"""<add key="lab" value="{feed.ServiceIndex}" />""",
            $"""<add key="other" value="{explicitlyNot}" allowInsecureConnections="false" />""");

        var sources = await new WorkingFolderSources(TimeSpan.FromMinutes(2)).GetAsync(notebooks, CancellationToken.None);
        Assert.False(Assert.Single(sources, s => s.Location == feed.ServiceIndex).AllowInsecureConnections); // absent → not allowed
        Assert.False(Assert.Single(sources, s => s.Location == explicitlyNot).AllowInsecureConnections);
        Assert.All(sources.Where(s => s.IsPlainHttp), s => Assert.Equal(config, s.Origin));
        Assert.DoesNotContain("allowInsecureConnections", NuGetRestorer.SourcesConfig(sources), StringComparison.Ordinal);

        var cache = Path.Combine(temp.Path, "cache");
        var error = await Assert.ThrowsAsync<MagicCommandException>(() =>
            new NuGetRestorer(cache, TimeSpan.FromMinutes(3)).RestoreAsync("NeuroRnnTestRefusedHttpPkg", version, sources, CancellationToken.None));
        Assert.StartsWith($"#r \"nuget: NeuroRnnTestRefusedHttpPkg, {version}\": the package source {feed.ServiceIndex} from {config} is plain HTTP", error.Message);
        Assert.Contains("allowInsecureConnections=\"true\"", error.Message);
        Assert.Contains("NU1302", error.Message);
        Assert.Equal(0, feed.Downloads);
        Assert.False(Directory.Exists(cache), "a restore was attempted with a refused source");
    }

    [Fact]
    public void An_http_feed_named_with_hash_i_is_allowed_as_before()
    {
        var source = NuGetSource.FromDirective("http://127.0.0.1:9/v3/index.json");
        Assert.True(source.IsPlainHttp);
        Assert.False(source.IsRefusedInsecure);
        Assert.Equal("#i \"nuget: http://127.0.0.1:9/v3/index.json\"", source.Origin);
        var config = NuGetRestorer.SourcesConfig([source, NuGetSource.FromDirective("/some/folder"), NuGetSource.FromDirective("https://feed.example/v3/index.json")]);
        Assert.Contains("value=\"http://127.0.0.1:9/v3/index.json\" allowInsecureConnections=\"true\"", config);
        Assert.Contains("value=\"/some/folder\" />", config);
        Assert.Contains("value=\"https://feed.example/v3/index.json\" />", config);
    }

    [Fact]
    public void A_source_found_in_no_configuration_file_is_not_allowed_over_http_and_names_the_folders_configuration()
    {
        using var temp = new TempRoot("neurornn-insecure-unknown-");
        var source = Assert.Single(WorkingFolderSources.WithOrigins(temp.Path, ["http://machine-wide.example/v3/index.json"]));
        Assert.True(source.IsRefusedInsecure);
        Assert.Equal($"the NuGet configuration of {temp.Path}", source.Origin);
    }

    /// <summary>A fresh package on a loopback HTTP feed, and an empty notebook folder, in a temp folder deleted at the end.</summary>
    private sealed class ServedPackage : IDisposable
    {
        public ServedPackage(string id)
        {
            Temp = new TempRoot("neurornn-insecure-");
            Version = LocalPackages.FreshVersion();
            LocalPackages.Create(Temp.Folder("served"), id, Version);
            Feed = new LoopbackNuGetFeed(Path.Combine(Temp.Path, "served"));
            Notebooks = Temp.Folder("notebooks");
        }

        public TempRoot Temp { get; }
        public LoopbackNuGetFeed Feed { get; }
        public string Notebooks { get; }
        public string Version { get; }

        public void Dispose()
        {
            Feed.Dispose();
            Temp.Dispose();
        }
    }

    private static string WriteConfig(string folder, params string[] entries)
    {
        var path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {string.Join("\n    ", entries)}
              </packageSources>
            </configuration>
            """);
        return path;
    }
}
