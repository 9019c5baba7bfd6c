using System.CommandLine;
using NeuroRnn.Cli.Commands;

var root = new RootCommand("NeuroRnn: rate RNNs for neuroscience, Hessian-free training, and a C#/F# Jupyter kernel.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(FitCommand.Create());
root.Subcommands.Add(DataCommand.Create());
root.Subcommands.Add(ChartDemoCommand.Create());
root.Subcommands.Add(KernelCommand.Create());
root.Subcommands.Add(RunCommand.Create());
return await root.Parse(args).InvokeAsync();
