using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn train</c> command (being built).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn train: not built yet"); return 2; });
        return command;
    }
}
