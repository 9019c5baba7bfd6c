using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Magics;

/// <summary>
/// A magic command such as <c>#!time</c>: a line at the top of a cell, <c>#!name value --option value --flag</c>.
/// Register one with <see cref="MagicCommands.Register"/>. The handler runs before the cell's code; it can write
/// output through the context and act after the code with <see cref="MagicInvocation.OnCellCompleted"/>. Throwing
/// <see cref="MagicCommandException"/> fails the cell with its message.
/// </summary>
/// <param name="Name">The name including <c>#!</c>, e.g. <c>#!time</c>.</param>
/// <param name="Description">One line for <c>#!lsmagic</c>.</param>
/// <param name="Parameters">The options it accepts (positional arguments are always allowed).</param>
/// <param name="Handler">What it does.</param>
public sealed record MagicCommand(string Name, string Description, IReadOnlyList<MagicParameter> Parameters, Func<MagicInvocation, IExecutionContext, Task> Handler)
{
    /// <summary>Validates the name and handler.</summary>
    public string Name { get; init; } = Name.StartsWith("#!", StringComparison.Ordinal) && Name.Length > 2 && !Name.Any(char.IsWhiteSpace)
        ? Name
        : throw new ArgumentException($"A magic command name starts with #! and has no spaces: '{Name}'.", nameof(Name));

    /// <summary>What it does.</summary>
    public Func<MagicInvocation, IExecutionContext, Task> Handler { get; init; } = Handler ?? throw new ArgumentNullException(nameof(Handler));
}
