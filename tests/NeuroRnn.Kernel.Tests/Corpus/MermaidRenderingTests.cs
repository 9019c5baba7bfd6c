using Microsoft.Playwright;
using NeuroRnn.Kernel.Tests.Integration;
using NeuroRnn.Testing;

namespace NeuroRnn.Kernel.Tests.Corpus;

/// <summary>The corpus's mermaid diagrams, exported by <c>neurornn run --html</c>, drawn by headless Chromium with the network blocked.</summary>
[Collection("Polyglot corpus")]
public sealed class MermaidRenderingTests(CorpusRunner corpus)
{
    [Fact]
    public async Task DiagramsRenderOfflineFromTheLibraryEmbeddedOnce()
    {
        var page = Path.Combine(corpus.Output, "mixed-values-diagrams.html");
        var (code, _, error) = NeuroRnnCli.RunIn(corpus.Folder, TimeSpan.FromMinutes(8), null, "run", "mixed-values-diagrams.dib", "--html", page);
        Assert.True(code == 0, error);

        var (playwright, browser) = await HeadlessChromium.LaunchAsync("mermaid rendering test");
        using var playwrightScope = playwright;
        await using var browserScope = browser;
        var tab = await browser.NewPageAsync();
        var blocked = new List<string>();
        var errors = new List<string>();
        tab.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await tab.RouteAsync(url => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase), async route =>
        {
            lock (blocked) blocked.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await tab.GotoAsync(new Uri(page).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        await tab.WaitForFunctionAsync(
            "() => { const d = document.querySelectorAll('.neurornn-mermaid'); return d.length === 2 && [...d].every(e => e.hasAttribute('data-rendered')); }",
            null, new() { Timeout = 60_000 });

        var states = await tab.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.neurornn-mermaid')].map(e => e.getAttribute('data-rendered'))");
        Assert.Equal(["true", "true"], states);
        // The flowchart's three nodes and the sequence diagram's messages are in the SVGs.
        var texts = await tab.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.neurornn-mermaid svg')].map(s => s.textContent)");
        Assert.Equal(2, texts.Length);
        Assert.Contains("Oriented grating", texts[0]);
        Assert.Contains("Linear readout", texts[0]);
        Assert.Contains("spikes", texts[1]);
        Assert.Empty(blocked);
        Assert.Empty(errors);
    }
}
