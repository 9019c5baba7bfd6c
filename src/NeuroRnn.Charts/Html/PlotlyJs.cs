using System.Text.RegularExpressions;

namespace NeuroRnn.Charts;

/// <summary>
/// The plotly.js build this library renders with: npm package <c>plotly.js-dist-min</c>, pinned in the repository's
/// package-lock.json and embedded into this assembly at build time.
/// </summary>
public static partial class PlotlyJs
{
    /// <summary>The pinned plotly.js version (must equal package-lock.json; a test checks).</summary>
    public const string Version = "3.7.0";

    /// <summary>The CDN address of the same version's minified bundle.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    internal const string ResourceName = "NeuroRnn.Charts.plotly.min.js";

    private static readonly Lazy<string> script = new(LoadScript);

    /// <summary>The embedded plotly.min.js, made safe to place inside an HTML &lt;script&gt; element.</summary>
    public static string Script => script.Value;

    private static string LoadScript()
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from NeuroRnn.Charts; build it after 'npm ci' at the repository root");
        using var reader = new StreamReader(stream);
        // "</script" inside an inline script would end the element early; "<\/script" means the same to JavaScript.
        return ScriptEnd().Replace(reader.ReadToEnd(), @"<\/script");
    }

    [GeneratedRegex("</script", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptEnd();
}
