using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroRnn.Kernel.Kernelspecs;

/// <summary>
/// Writes Jupyter kernelspecs (kernel.json plus 32×32 and 64×64 logos) for the C# and F# kernels, so any Jupyter
/// front end lists them. The kernelspecs use <c>"interrupt_mode": "message"</c>: the default (SIGINT) would kill a
/// .NET process instead of interrupting the cell.
/// </summary>
public static class KernelspecInstaller
{
    private static readonly Dictionary<string, (string Display, (byte, byte, byte) Color)> KnownLanguages = new()
    {
        ["csharp"] = ("C# (NeuroRnn)", (0x5C, 0x2D, 0x91)),
        ["fsharp"] = ("F# (NeuroRnn)", (0x1F, 0x6F, 0xAE)),
    };

    /// <summary>Writes one kernelspec per language and returns the directories written.</summary>
    /// <exception cref="ArgumentException">An unknown language, an invalid name, or an empty launcher entry.</exception>
    public static IReadOnlyList<string> Install(KernelspecInstallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Name.Length == 0 || !options.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Kernel name '{options.Name}' must be non-empty and use only ASCII letters, digits, '-', '_' and '.'.", nameof(options));
        }

        var launcher = options.Launcher.Count > 0 ? options.Launcher : LauncherForCurrentProcess();
        if (launcher.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Launcher entries must not be empty.", nameof(options));
        }

        var root = KernelsDirectory(options.Prefix);
        var written = new List<string>();
        foreach (var language in options.Languages)
        {
            if (!KnownLanguages.TryGetValue(language, out var known))
            {
                throw new ArgumentException($"Unknown kernel language '{language}'; expected one of: {string.Join(", ", KnownLanguages.Keys)}.", nameof(options));
            }

            var directory = Path.Combine(root, $"{options.Name}-{language}");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "kernel.json"), KernelJson(launcher, language, known.Display));
            File.WriteAllBytes(Path.Combine(directory, "logo-32x32.png"), KernelLogo.Png(32, known.Color));
            File.WriteAllBytes(Path.Combine(directory, "logo-64x64.png"), KernelLogo.Png(64, known.Color));
            written.Add(directory);
        }

        return written;
    }

    /// <summary>The kernel.json text for one language.</summary>
    public static string KernelJson(IReadOnlyList<string> launcher, string language, string displayName)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        var argv = new JsonArray();
        foreach (var part in launcher.Concat(["kernel", "start", "-f", "{connection_file}", "--language", language]))
        {
            argv.Add(part);
        }

        var json = new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = displayName,
            ["language"] = language,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Where kernelspecs go: <c>PREFIX/share/jupyter/kernels</c> for a prefix, otherwise the user's Jupyter data
    /// directory as jupyter_core finds it ($JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else
    /// ~/.local/share/jupyter on Linux).
    /// </summary>
    public static string KernelsDirectory(string? prefix)
    {
        if (prefix is not null)
        {
            if (string.IsNullOrWhiteSpace(prefix))
            {
                throw new ArgumentException("The --prefix directory must not be empty.", nameof(prefix));
            }

            return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        }

        var dataDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(dataDir))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsMacOS())
            {
                dataDir = Path.Combine(home, "Library", "Jupyter");
            }
            else if (OperatingSystem.IsWindows())
            {
                dataDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
            }
            else
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
                dataDir = Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
            }
        }

        return Path.Combine(dataDir, "kernels");
    }

    /// <summary>
    /// The command that re-runs the current program: its own executable (an apphost or a published single file), or
    /// <c>dotnet path/to/entry.dll</c> when it was started through the dotnet host.
    /// </summary>
    public static IReadOnlyList<string> LauncherForCurrentProcess()
    {
        var processPath = Environment.ProcessPath ?? Process.GetCurrentProcess().MainModule?.FileName
            ?? throw new InvalidOperationException("Cannot tell which executable is running; pass the launcher explicitly.");
        var host = Path.GetFileNameWithoutExtension(processPath);
        if (!host.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return [processPath];
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry)
            ? throw new InvalidOperationException("Running under 'dotnet' but the entry assembly has no location; pass the launcher explicitly.")
            : [processPath, entry];
    }
}
