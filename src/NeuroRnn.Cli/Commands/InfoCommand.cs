using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn info</c> command (being built).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn info: not built yet"); return 2; });
        return command;
    }
}
