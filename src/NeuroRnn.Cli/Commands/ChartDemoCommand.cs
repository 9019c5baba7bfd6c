using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn chart-demo</c> command (being built).</summary>
internal static class ChartDemoCommand
{
    public static Command Create()
    {
        var command = new Command("chart-demo", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn chart-demo: not built yet"); return 2; });
        return command;
    }
}
