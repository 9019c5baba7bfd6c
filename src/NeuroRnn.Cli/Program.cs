using System.CommandLine;
using System.CommandLine.Help;
using NeuroRnn.Cli.Commands;

// A named root rather than RootCommand: RootCommand takes its name from the entry assembly (NeuroRnn.Cli), which is
// what help and usage lines would show, while users type `neurornn`. The options are those RootCommand adds.
var root = new Command("neurornn", "NeuroRnn: rate RNNs for neuroscience, Hessian-free training, and a C#/F# Jupyter kernel.")
{
    new HelpOption(),
    new VersionOption(),
};
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(FitCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(ChartDemoCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
return await root.Parse(args).InvokeAsync();
