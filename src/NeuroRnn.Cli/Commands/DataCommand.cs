using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn data</c> command (being built).</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn data: not built yet"); return 2; });
        return command;
    }
}
