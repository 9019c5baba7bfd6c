using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn run</c> command (being built).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn run: not built yet"); return 2; });
        return command;
    }
}
