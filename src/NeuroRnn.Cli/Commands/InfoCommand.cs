using System.CommandLine;
using NeuroRnn.Numerics;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// The <c>neurornn info</c> command: which numerics back-end is active and on what machine, as plain
/// <c>key: value</c> lines (one fact per line, stable keys) so scripts and benchmark reports can parse it.
/// </summary>
internal static class InfoCommand
{
    private static readonly string[] BackendChoices = ["auto", "mkl", "managed"];

    public static Command Create()
    {
        var backend = new Option<string?>("--backend")
        {
            Description = "Back-end to select before reporting: auto, mkl or managed " +
                          $"(default: the {NumericsBackend.EnvironmentVariable} environment variable, else auto).",
        };
        backend.AcceptOnlyFromAmong(BackendChoices);

        var command = new Command("info", "Show the active numerics back-end (MKL or managed), MKL version, threads, instruction set, .NET and CPU.");
        command.Options.Add(backend);
        command.SetAction(parseResult => Run(parseResult.GetValue(backend)));
        return command;
    }

    private static int Run(string? requestedBackend)
    {
        INumericsBackend active;
        try
        {
            active = requestedBackend is null
                ? NumericsBackend.Current
                : NumericsBackend.Use(Enum.Parse<BackendKind>(requestedBackend, ignoreCase: true));
        }
        catch (InvalidOperationException e) // includes MklNotAvailableException and a bad NEURORNN_BACKEND value
        {
            Console.Error.WriteLine($"neurornn info: {e.Message}");
            return 1;
        }

        Console.WriteLine(NumericsEnvironment.Format(NumericsEnvironment.Describe(active)));
        return 0;
    }
}
