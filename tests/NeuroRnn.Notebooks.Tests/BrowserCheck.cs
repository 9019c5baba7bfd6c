using NeuroRnn.Testing;
using Microsoft.Playwright;

namespace NeuroRnn.Notebooks.Tests;

/// <summary>Opens an exported page in headless Chromium (no network) and reports what plotly drew.</summary>
internal static class BrowserCheck
{
    public sealed record PageReport(int PlotDivs, int MainSvgs, int[] TracesPerPlot, IReadOnlyList<string> PageErrors, IReadOnlyList<string> BlockedRequests);

    /// <summary>Loads <paramref name="htmlPath"/>, waits for plotly, saves a full-page PNG to <paramref name="screenshotPath"/>.</summary>
    public static async Task<PageReport> InspectAsync(string htmlPath, string screenshotPath)
    {
        var (playwright, browser) = await HeadlessChromium.LaunchAsync("notebook rendering tests");
        using var playwrightScope = playwright;
        await using var browserScope = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        var blocked = new List<string>();
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await page.RouteAsync(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase), async route =>
        {
            lock (blocked) blocked.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        // plotly draws asynchronously; wait until every plot div has its SVG (or give up after a minute and report).
        try
        {
            await page.WaitForFunctionAsync(
                "() => { const p = document.querySelectorAll('.js-plotly-plot'); return p.length > 0 && [...p].every(d => d.querySelector('.main-svg')); }",
                null, new() { Timeout = 60_000 });
        }
        catch (TimeoutException) { }
        int divs = await page.EvaluateAsync<int>("() => document.querySelectorAll('.js-plotly-plot').length");
        int svgs = await page.EvaluateAsync<int>("() => document.querySelectorAll('.main-svg').length");
        var traces = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.js-plotly-plot')].map(d => (d.data || []).length)");
        await page.ScreenshotAsync(new() { Path = screenshotPath, FullPage = true });
        return new PageReport(divs, svgs, traces, errors, blocked);
    }
}
