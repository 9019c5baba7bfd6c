using System.CommandLine;
using NeuroRnn.Kernel.Engines;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Kernelspecs;
using NeuroRnn.Kernel.Protocol;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// The <c>neurornn kernel</c> command: <c>start</c> runs the Jupyter kernel for a connection file (what the
/// kernelspecs launch), <c>install</c> writes the C# and F# kernelspecs.
/// </summary>
internal static class KernelCommand
{
    private static readonly string[] Languages = ["csharp", "fsharp"];

    public static Command Create()
    {
        var command = new Command("kernel", "The C#/F# Jupyter kernel: install its kernelspecs or start it for a connection file.");
        command.Subcommands.Add(CreateStart());
        command.Subcommands.Add(CreateInstall());
        return command;
    }

    private static Command CreateStart()
    {
        var connectionFile = new Option<string>("--connection-file", "-f")
        {
            Description = "The Jupyter connection file (JSON with transport, ip, ports, key, signature_scheme).",
            Required = true,
        };
        var language = new Option<string>("--language", "-l")
        {
            Description = "The default language of cells without a #!csharp / #!fsharp first line.",
            DefaultValueFactory = _ => "csharp",
        };
        language.AcceptOnlyFromAmong(Languages);

        var start = new Command("start", "Run the kernel (Jupyter messaging protocol 5.3) until a front end shuts it down.");
        start.Options.Add(connectionFile);
        start.Options.Add(language);
        start.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Start(parseResult.GetValue(connectionFile)!, parseResult.GetValue(language)!, cancellationToken)));
        return start;
    }

    private static int Start(string connectionFile, string language, CancellationToken cancellationToken)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"neurornn kernel start: {e.Message}");
            return 2;
        }

        var options = new KernelServerOptions
        {
            ParentProcessId = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var parent) && parent > 1 ? parent : null,
        };

        IKernelInterpreter? interpreter = null;
        try
        {
            // Warming the C# engine up while the front end is still connecting shortens the wait for the first result.
            interpreter = new PolyglotInterpreter(language, new PolyglotInterpreterOptions { WarmUpCSharp = language == "csharp", WarmUpFSharp = language == "fsharp" });
            using var server = new KernelServer(connection, interpreter, options);
            var reason = server.Run(cancellationToken);
            Console.Error.WriteLine($"neurornn kernel: stopped ({reason})");
        }
        catch (ZmqException e)
        {
            Console.Error.WriteLine($"neurornn kernel start: {e.Message}");
            return 3;
        }
        finally
        {
            if (interpreter is not null)
            {
                DisposeWithin(interpreter, TimeSpan.FromSeconds(2));
            }
        }

        // Let the final shutdown reply leave the closed sockets, then stop the transport's I/O threads.
        ZmqTransport.Shutdown(TimeSpan.FromSeconds(2));

        // A cell stuck in user code (or a thread it started) must not keep the process alive after shutdown: the
        // front end waits for this process to exit before it starts a new one on restart.
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(0);
        return 0;
    }

    private static Command CreateInstall()
    {
        var user = new Option<bool>("--user")
        {
            Description = "Install into the user's Jupyter data directory (~/.local/share/jupyter/kernels); the default.",
        };
        var prefix = new Option<string?>("--prefix")
        {
            Description = "Install into PREFIX/share/jupyter/kernels instead (e.g. a virtual environment or /usr/local).",
        };
        var name = new Option<string>("--name")
        {
            Description = "Name stem of the kernelspecs: NAME-csharp and NAME-fsharp.",
            DefaultValueFactory = _ => "neurornn",
        };

        var install = new Command("install", "Write the C# and F# kernelspecs (kernel.json and logos) so Jupyter front ends list them.");
        install.Options.Add(user);
        install.Options.Add(prefix);
        install.Options.Add(name);
        install.SetAction(parseResult =>
        {
            var prefixValue = parseResult.GetValue(prefix);
            if (parseResult.GetValue(user) && prefixValue is not null)
            {
                Console.Error.WriteLine("neurornn kernel install: --user and --prefix exclude each other.");
                return 2;
            }

            try
            {
                var written = KernelspecInstaller.Install(new KernelspecInstallOptions { Prefix = prefixValue, Name = parseResult.GetValue(name)! });
                foreach (var directory in written)
                {
                    Console.WriteLine($"Installed kernelspec {Path.GetFileName(directory)} in {directory}");
                }

                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"neurornn kernel install: {e.Message}");
                return 2;
            }
        });
        return install;
    }

    /// <summary>Disposes the interpreter without letting a stuck engine block process exit.</summary>
    private static void DisposeWithin(IDisposable disposable, TimeSpan timeout)
    {
        try
        {
            if (!Task.Run(disposable.Dispose).Wait(timeout))
            {
                Console.Error.WriteLine($"neurornn kernel: the interpreter did not finish disposing within {timeout.TotalSeconds} s");
            }
        }
        catch (AggregateException e)
        {
            Console.Error.WriteLine($"neurornn kernel: disposing the interpreter failed: {e.InnerException?.Message}");
        }
    }
}
