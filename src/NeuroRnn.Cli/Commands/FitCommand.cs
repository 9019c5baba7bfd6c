using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn fit</c> command (being built).</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var command = new Command("fit", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn fit: not built yet"); return 2; });
        return command;
    }
}
