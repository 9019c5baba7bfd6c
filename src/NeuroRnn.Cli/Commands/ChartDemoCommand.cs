using System.CommandLine;
using NeuroRnn.Charts;
using NeuroRnn.Charts.Demo;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// <c>neurornn chart-demo --out charts.html [--cdn] [--seed N]</c>: one standalone page with every chart builder on
/// seeded synthetic data. plotly.js is embedded (renders offline) unless --cdn is given.
/// </summary>
internal static class ChartDemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The HTML file to write.", DefaultValueFactory = _ => "charts.html" };
        var cdn = new Option<bool>("--cdn") { Description = $"Load plotly.js {PlotlyJs.Version} from the CDN instead of embedding it (smaller file; needs network to view)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data.", DefaultValueFactory = _ => 1 };
        var command = new Command("chart-demo", "Write a standalone HTML page showing every NeuroRnn chart on synthetic data.");
        command.Options.Add(output);
        command.Options.Add(cdn);
        command.Options.Add(seed);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                Console.Error.WriteLine("neurornn chart-demo: --out needs a file name");
                return 2;
            }
            var mode = parseResult.GetValue(cdn) ? PlotlyJsMode.Cdn : PlotlyJsMode.Embedded;
            try
            {
                var page = ChartDemo.Page(parseResult.GetValue(seed));
                page.Save(path, mode);
                Console.WriteLine($"wrote {Path.GetFullPath(path)} ({page.Figures.Count} figures, plotly.js {PlotlyJs.Version} {(mode == PlotlyJsMode.Cdn ? "from the CDN" : "embedded")})");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"neurornn chart-demo: cannot write {path}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
