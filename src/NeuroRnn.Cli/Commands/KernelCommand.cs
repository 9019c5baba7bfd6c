using System.CommandLine;

namespace NeuroRnn.Cli.Commands;

/// <summary>The <c>neurornn kernel</c> command (being built).</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var command = new Command("kernel", "(not built yet)");
        command.SetAction(_ => { Console.Error.WriteLine("neurornn kernel: not built yet"); return 2; });
        return command;
    }
}
