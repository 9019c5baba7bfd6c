using System.Text.Json;

namespace NeuroRnn.Charts.Tests;

public class PlotlyJsTests
{
    [Fact]
    public void Version_constant_matches_package_lock_and_the_embedded_bundle()
    {
        var lockPath = Path.Combine(TestPaths.RepositoryRoot, "package-lock.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(lockPath));
        var locked = doc.RootElement.GetProperty("packages").GetProperty("node_modules/plotly.js-dist-min").GetProperty("version").GetString();
        Assert.Equal(PlotlyJs.Version, locked);
        Assert.Contains($"plotly.js v{PlotlyJs.Version}", PlotlyJs.Script[..200]);
    }

    [Fact]
    public void Embedded_script_cannot_close_its_script_element()
    {
        Assert.True(PlotlyJs.Script.Length > 3_000_000);
        Assert.DoesNotContain("</script", PlotlyJs.Script, StringComparison.OrdinalIgnoreCase);
    }
}
