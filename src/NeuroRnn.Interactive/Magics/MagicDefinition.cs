namespace NeuroRnn.Interactive.Magics;

/// <summary>
/// A toolkit magic command, defined once for every notebook host. Hosts find the definitions by convention (see
/// <see cref="ToolkitMagics"/>): they read <see cref="Name"/>, <see cref="Help"/> and <see cref="Options"/> by
/// reflection to declare the command in their own registry, and run it through <see cref="InvokeAsync"/>, whose
/// parameters are BCL types only — so neither side references the other.
/// </summary>
/// <param name="Name">With <c>#!</c>, e.g. <c>#!load-recording</c>.</param>
/// <param name="Help">One line for help listings, with the usage.</param>
/// <param name="Options">The options it accepts.</param>
/// <param name="Handler">What it does with the parsed options and the host.</param>
public sealed record MagicDefinition(string Name, string Help, IReadOnlyList<MagicOption> Options, Func<MagicCall, Task> Handler)
{
    /// <summary>
    /// Runs the command for the magic line <paramref name="line"/>; the host supplies its variables and display:
    /// <paramref name="getVariable"/> returns a variable of the cell's language (null when undefined),
    /// <paramref name="setVariable"/> defines one, <paramref name="display"/> shows a value and returns a function that
    /// replaces that display with another value.
    /// </summary>
    /// <exception cref="MagicUsageException">The line or its prerequisites are wrong; the message names the option or file.</exception>
    public async Task InvokeAsync(string line, Func<string, object?> getVariable, Action<string, object?> setVariable,
        Func<object, Action<object>> display, CancellationToken cancellationToken)
    {
        var values = MagicLine.Parse(this, line);
        var call = new MagicCall(this, line, values, getVariable, setVariable, display, cancellationToken);
        try
        {
            await Handler(call).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The science core reports bad settings as ArgumentException naming the setting; say which command it was.
            throw new MagicUsageException($"{Name}: {e.Message}", e);
        }
    }
}
