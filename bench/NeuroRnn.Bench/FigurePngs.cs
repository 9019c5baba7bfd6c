using Microsoft.Playwright;
using NeuroRnn.Charts;
using NeuroRnn.Testing;

namespace NeuroRnn.Bench;

/// <summary>
/// Renders chart figures to PNG files in headless Chromium (the shared <see cref="HeadlessChromium"/> launcher of the test
/// projects), so that bench results can commit small images instead of pages that inline the minified plotly.js.
/// The figures are drawn from a self-contained page written next to the PNGs' HTML folder; each plot's div is captured
/// at a fixed size so that reruns give images of the same shape.
/// </summary>
internal static class FigurePngs
{
    public const int Width = 900, Height = 500;

    /// <summary>
    /// Writes <paramref name="figures"/> into <paramref name="htmlPath"/> (one page, plotly.js embedded) and captures each
    /// plot as <paramref name="pngPaths"/>[i] at <see cref="Width"/> × <see cref="Height"/> px. Fails with the page's errors
    /// when plotly does not draw every figure.
    /// </summary>
    public static void Save(IReadOnlyList<Figure> figures, string title, string htmlPath, IReadOnlyList<string> pngPaths)
    {
        if (figures.Count != pngPaths.Count)
            throw new ArgumentException($"{pngPaths.Count} PNG paths were given for {figures.Count} figures", nameof(pngPaths));
        var ids = figures.Select((_, i) => $"figure-{i + 1}").ToArray();
        var page = new HtmlPage
        {
            Title = title,
            Figures = figures.Select(f => f.WithLayout(l => l.WithSize(Width, Height))).ToArray(),
            DivIds = ids,
        };
        page.Save(htmlPath, PlotlyJsMode.Embedded);
        CaptureAsync(htmlPath, ids, pngPaths).GetAwaiter().GetResult();
    }

    private static async Task CaptureAsync(string htmlPath, string[] ids, IReadOnlyList<string> pngPaths)
    {
        var (playwright, browser) = await HeadlessChromium.LaunchAsync("bench figure PNGs");
        try
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = Width + 100, Height = Height + 100 } });
            var tab = await context.NewPageAsync();
            var errors = new List<string>();
            tab.PageError += (_, e) => errors.Add("pageerror: " + e);
            tab.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
            await tab.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 180_000 });
            try
            {
                await tab.WaitForFunctionAsync(
                    "ids => ids.every(id => { const gd = document.getElementById(id); return gd && gd._fullLayout && gd.querySelector('.main-svg'); })",
                    ids, new() { Timeout = 180_000, PollingInterval = 100 });
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"plotly did not draw [{string.Join(", ", ids)}] within 180 s in {htmlPath}; page errors: {string.Join(" | ", errors)}");
            }
            if (errors.Count > 0)
                throw new InvalidOperationException($"{htmlPath} raised errors while drawing: {string.Join(" | ", errors)}");
            for (int i = 0; i < ids.Length; i++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPaths[i]))!);
                await tab.Locator($"#{ids[i]} .main-svg").First.ScreenshotAsync(new() { Path = pngPaths[i] });
            }
            await context.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
