using System.Collections.Concurrent;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// The process-wide registry of magic commands. Built-ins are always present; libraries add theirs with
/// <see cref="Register"/> from a cell, or by convention (<see cref="MagicDiscovery"/>, no reference to this kernel):
/// found in an assembly loaded with <c>#r</c>, and in the application's own assemblies next to the kernel (scanned once,
/// when a magic is first looked up).
/// </summary>
public static class MagicCommands
{
    private static readonly ConcurrentDictionary<string, MagicCommand> Commands = new(StringComparer.Ordinal);

    static MagicCommands()
    {
        foreach (var command in BuiltinMagics.Create().Concat(ValueMagics.Create())) Commands[command.Name] = command;
    }

    /// <summary>Adds <paramref name="command"/>, replacing a command of the same name.</summary>
    public static void Register(MagicCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Commands[command.Name] = command;
    }

    /// <summary>The command named <paramref name="name"/> (with <c>#!</c>), or null.</summary>
    public static MagicCommand? Find(string name)
    {
        MagicDiscovery.EnsureApplicationScanned();
        return Commands.TryGetValue(name, out var command) ? command : null;
    }

    /// <summary>All registered commands, by name.</summary>
    public static IReadOnlyList<MagicCommand> All
    {
        get
        {
            MagicDiscovery.EnsureApplicationScanned();
            return Commands.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        }
    }
}
