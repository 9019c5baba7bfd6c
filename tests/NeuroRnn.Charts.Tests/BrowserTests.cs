using NeuroRnn.Testing;
using System.Collections.Concurrent;
using Microsoft.Playwright;
using NeuroRnn.Charts.Demo;

namespace NeuroRnn.Charts.Tests;

/// <summary>
/// Renders pages with the real plotly.js in headless Chromium (the system's /usr/bin/chromium, or $CHROMIUM_PATH;
/// Playwright downloads nothing) from file:// with every http/https request aborted, and checks that plotly drew
/// each plot with the expected number of traces and that the page raised no errors. Screenshots go to
/// test-output/browser (or $TEST_OUTPUT_DIR/browser). These tests fail — never skip — without Chromium.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture fixture;

    public BrowserTests(BrowserFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Chart_demo_page_renders_every_plot_offline()
    {
        var figures = ChartDemo.Figures();
        var path = Path.Combine(TestPaths.OutputDirectory("browser"), "chart-demo.html");
        ChartDemo.Page().Save(path);
        var result = await fixture.RenderAsync(path, figures.ToDictionary(f => f.Key, f => f.Figure.Data.Count), "chart-demo.png", fullPage: true);
        result.AssertClean();
    }

    public static TheoryData<string> DemoKeys() => new(ChartDemo.Figures().Select(f => f.Key));

    [Theory]
    [MemberData(nameof(DemoKeys))]
    public async Task Each_builder_page_renders_offline(string key)
    {
        var figure = ChartDemo.Figures().Single(f => f.Key == key).Figure;
        var path = Path.Combine(TestPaths.OutputDirectory("browser"), key + ".html");
        figure.SaveHtml(path);
        var result = await fixture.RenderAsync(path, new Dictionary<string, int> { ["plot-1"] = figure.Data.Count }, key + ".png", fullPage: false);
        result.AssertClean();
    }

    [Fact]
    public async Task Notebook_fragments_share_one_embedded_plotly_in_any_order()
    {
        // Cells as a notebook front end would place them: a later cell (no library) may run before the embedding one
        // when outputs are re-rendered; its plot waits in the queue until plotly.js arrives.
        var a = Figure.Of(ScatterTrace.LineOf(new[] { 0.0, 1, 2 }, new[] { 1.0, 3, 2 }, "a")).WithTitle("cell 1");
        var b = Figure.Of(new BarTrace { X = new[] { "x", "y" }, Y = new[] { 2.0, 1 } }, new BarTrace { X = new[] { "x", "y" }, Y = new[] { 1.0, 2 } }).WithTitle("cell 2");
        var waiting = b.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.AlreadyLoaded, DivId = "cell-2" });
        var embedding = a.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Embedded, DivId = "cell-1" });
        var again = a.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Embedded, DivId = "cell-3" });
        var path = Path.Combine(TestPaths.OutputDirectory("browser"), "notebook-fragments.html");
        File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + waiting + embedding + again + "</body></html>");
        var result = await fixture.RenderAsync(path, new Dictionary<string, int> { ["cell-1"] = 1, ["cell-2"] = 2, ["cell-3"] = 1 }, "notebook-fragments.png", fullPage: true);
        result.AssertClean();
        Assert.Equal(1, result.PlotlyDefinitions);
    }

    [Fact]
    public async Task Cdn_page_needs_the_network_so_blocking_is_real()
    {
        var path = Path.Combine(TestPaths.OutputDirectory("browser"), "cdn-blocked.html");
        Figure.Of(new BarTrace { Y = new[] { 1.0 } }).SaveHtml(path, PlotlyJsMode.Cdn);
        var blocked = await fixture.LoadBlockedAsync(path);
        Assert.Contains(PlotlyJs.CdnUrl, blocked);
    }
}

/// <summary>What a page did while rendering.</summary>
public sealed record RenderResult(
    IReadOnlyDictionary<string, int> ExpectedTraces,
    IReadOnlyDictionary<string, int> DrawnTraces,
    int MainSvgCount,
    int PlotlyDefinitions,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> BlockedRequests,
    string Screenshot)
{
    public void AssertClean()
    {
        Assert.True(Errors.Count == 0, "page errors: " + string.Join(" | ", Errors));
        Assert.True(BlockedRequests.Count == 0, "the page needed the network: " + string.Join(", ", BlockedRequests));
        Assert.True(MainSvgCount > 0, "plotly drew no .main-svg");
        Assert.Equal(ExpectedTraces.OrderBy(p => p.Key), DrawnTraces.OrderBy(p => p.Key));
        Assert.True(new FileInfo(Screenshot).Length > 10_000, $"screenshot {Screenshot} is suspiciously small");
    }
}

[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;

/// <summary>One Chromium for all browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync() => (playwright, browser) = await HeadlessChromium.LaunchAsync("chart rendering tests");

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
    }

    private async Task<(IBrowserContext Context, IPage Page, ConcurrentQueue<string> Errors, ConcurrentQueue<string> Blocked)> OpenAsync()
    {
        var context = await browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 700 } });
        var blocked = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Enqueue(url);
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, e) => errors.Enqueue("pageerror: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Enqueue("console: " + m.Text); };
        return (context, page, errors, blocked);
    }

    public async Task<RenderResult> RenderAsync(string htmlPath, IReadOnlyDictionary<string, int> expectedTraces, string screenshotName, bool fullPage)
    {
        var (context, page, errors, blocked) = await OpenAsync();
        try
        {
            await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 180_000 });
            var ids = expectedTraces.Keys.ToArray();
            try
            {
                await page.WaitForFunctionAsync(
                    "ids => ids.every(id => { const gd = document.getElementById(id); return gd && gd._fullLayout && Array.isArray(gd.data) && gd.querySelector('.main-svg'); })",
                    ids, new() { Timeout = 180_000, PollingInterval = 100 });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"plotly did not draw all of [{string.Join(", ", ids)}] within 180 s in {htmlPath}; errors: {string.Join(" | ", errors)}");
            }
            // WebGL traces draw on the next animation frames.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            await page.WaitForTimeoutAsync(300);
            var drawn = await page.EvaluateAsync<Dictionary<string, int>>(
                "ids => Object.fromEntries(ids.map(id => [id, document.getElementById(id).data.length]))", ids);
            var mainSvg = await page.EvaluateAsync<int>("() => document.querySelectorAll('.main-svg').length");
            var titles = await page.EvaluateAsync<int>("() => document.querySelectorAll('.gtitle').length");
            Assert.True(titles > 0, "no plot title was drawn");
            var definitions = await page.EvaluateAsync<int>("() => window.Plotly ? 1 : 0");
            var screenshot = Path.Combine(TestPaths.OutputDirectory("browser"), screenshotName);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = fullPage });
            return new RenderResult(expectedTraces, drawn, mainSvg, definitions, errors.ToArray(), blocked.ToArray(), screenshot);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async Task<IReadOnlyList<string>> LoadBlockedAsync(string htmlPath)
    {
        var (context, page, _, blocked) = await OpenAsync();
        try
        {
            await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 180_000 });
            return blocked.ToArray();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
