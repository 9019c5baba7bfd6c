using Microsoft.Playwright;

namespace NeuroRnn.Testing;

/// <summary>
/// The one way the test projects start a browser: the system's Chromium (/usr/bin/chromium or $CHROMIUM_PATH), headless,
/// without letting Playwright download a browser of its own. Missing Chromium is an error, never a skip.
/// </summary>
internal static class HeadlessChromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Starts Playwright and Chromium; <paramref name="purpose"/> names the tests in the error when Chromium is missing.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string purpose)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium is needed for the {purpose} but {ExecutablePath} does not exist; run scripts/setup.sh --tests (apt-get install chromium) or set CHROMIUM_PATH.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH", "0");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // WebGL (scattergl, scatter3d) runs on SwiftShader without a GPU; Chromium asks for this flag to allow it.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--enable-unsafe-swiftshader"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
