using System.CommandLine;
using System.Runtime.InteropServices;
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

        var lines = new List<(string Key, string Value)>
        {
            ("backend", active.Name),
            ("description", active.Description),
            ("threads", active.ThreadCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (NumericsBackend.IsMklAvailable)
        {
            var mkl = NumericsBackend.Mkl;
            lines.Add(("mkl-version", mkl.Version));
            lines.Add(("mkl-library", mkl.LibraryName));
            lines.Add(("mkl-threading", mkl.ThreadingLayer));
            lines.Add(("mkl-code-path", mkl.MklCodePath));
        }
        else
        {
            lines.Add(("mkl-version", $"not available ({NumericsBackend.MklUnavailableReason})"));
        }
        lines.Add(("instruction-set", HardwareInfo.InstructionSet));
        lines.Add(("dotnet", RuntimeInformation.FrameworkDescription));
        lines.Add(("os", RuntimeInformation.OSDescription));
        lines.Add(("cpu", HardwareInfo.CpuModel));
        lines.Add(("physical-cores", HardwareInfo.PhysicalCoreCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        lines.Add(("logical-processors", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        foreach (var (key, value) in lines)
            Console.WriteLine($"{key}: {value}");
        return 0;
    }
}
