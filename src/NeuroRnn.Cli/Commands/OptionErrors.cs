using System.Text.RegularExpressions;

namespace NeuroRnn.Cli.Commands;

/// <summary>
/// Errors of the core name a field of its option records (ParamName "UnitTypes"); a command-line user typed a flag
/// (--unit-types), so the commands put the flag first.
/// </summary>
internal static partial class OptionErrors
{
    /// <summary>Drops the " (Parameter 'x')" suffixes .NET appends: the CLI names the option instead.</summary>
    public static string Clean(string message) => ParameterSuffix().Replace(message, "").Replace("\n", " ");

    /// <summary>
    /// "<c>flag: message</c>" when <paramref name="flagOf"/> maps the setting the error names to a flag (and the message does
    /// not already start with it), else the cleaned message.
    /// </summary>
    public static string Named(ArgumentException e, Func<string?, string?> flagOf)
    {
        string message = Clean(e.Message);
        return flagOf(e.ParamName) is { } flag && !message.StartsWith(flag, StringComparison.Ordinal) ? $"{flag}: {message}" : message;
    }

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();
}
