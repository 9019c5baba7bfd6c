using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NeuroRnn.Charts;

namespace NeuroRnn.Bench;

/// <summary>
/// Figure → HTML timings: `dotnet run -c Release --project bench/NeuroRnn.Bench -- charts [BenchmarkDotNet options]`.
/// Targets: 100,000-point scattergl → HTML (CDN mode) &lt; 50 ms; 1,000 × 1,000 heat-map → HTML &lt; 200 ms.
/// Runs in-process so that it builds nothing into the shared tree.
/// </summary>
internal static class ChartsSuite
{
    public static int Run(string[] args)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15);
        // The machine may be shared: the minimum shows the cost without interference, the median the typical one.
        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<ChartsBenchmarks>(config, args);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}

/// <summary>The figures of the targets, built once; each benchmark serialises one to HTML.</summary>
[MemoryDiagnoser]
public class ChartsBenchmarks
{
    private Figure scatter = null!;
    private Figure heatmap = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var x = new double[100_000];
        var y = new double[100_000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i * 1e-3;
            y[i] = Math.Sin(x[i]) + 0.1 * random.NextDouble();
        }
        scatter = Figure.Of(new ScatterGlTrace { X = x, Y = y, Mode = TraceMode.Markers, Marker = new MarkerStyle { Size = 3 } }).WithTitle("100k points");
        var z = new double[1000, 1000];
        for (int i = 0; i < 1000; i++)
            for (int j = 0; j < 1000; j++) z[i, j] = Math.Sin(i * 0.01) * Math.Cos(j * 0.013) + 0.01 * random.NextDouble();
        heatmap = Figure.Of(new HeatmapTrace { Z = z, ColorScale = ColorScale.Viridis }).WithTitle("1000x1000");
        _ = PlotlyJs.Script; // load the embedded library once, as a running process would have
    }

    [Benchmark(Description = "scattergl 100k -> HTML (CDN)")]
    public int Scatter100kCdn() => scatter.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Cdn }).Length;

    [Benchmark(Description = "scattergl 100k -> HTML (embedded plotly.js)")]
    public int Scatter100kEmbedded() => scatter.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Embedded }).Length;

    [Benchmark(Description = "scattergl 100k -> HTML (CDN, plain JSON numbers)")]
    public int Scatter100kCdnPlainJson() => scatter.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Cdn, BinaryArrays = false }).Length;

    [Benchmark(Description = "scattergl 100k -> plotly JSON (plain)")]
    public int Scatter100kJson() => scatter.ToJson().Length;

    [Benchmark(Description = "heatmap 1000x1000 -> HTML (CDN)")]
    public int Heatmap1000Cdn() => heatmap.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Cdn }).Length;

    [Benchmark(Description = "heatmap 1000x1000 -> HTML (embedded plotly.js)")]
    public int Heatmap1000Embedded() => heatmap.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Embedded }).Length;

    [Benchmark(Description = "heatmap 1000x1000 -> HTML (CDN, plain JSON numbers)")]
    public int Heatmap1000CdnPlainJson() => heatmap.ToHtml(new HtmlOptions { PlotlyJs = PlotlyJsMode.Cdn, BinaryArrays = false }).Length;
}
