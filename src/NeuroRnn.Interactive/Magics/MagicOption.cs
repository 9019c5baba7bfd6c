namespace NeuroRnn.Interactive.Magics;

/// <summary>
/// One option of a toolkit magic command, written <c>--name value</c> (a <see cref="bool"/> option is a flag:
/// <c>--name</c> alone). Hosts read these properties by reflection to build help, tab completion and their own
/// directive declarations, so only BCL types appear here.
/// </summary>
/// <param name="Name">As written, with the dashes, e.g. <c>--as</c>.</param>
/// <param name="Help">One line for help and completion.</param>
/// <param name="ValueType">string, int, double or bool (a flag).</param>
public sealed record MagicOption(string Name, string Help, Type ValueType)
{
    /// <summary>The value when the option is not given (null: absent).</summary>
    public object? Default { get; init; }

    /// <summary>Whether the command fails without it.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the first bare word of the line is this option's value (e.g. the path of <c>#!load-recording PATH</c>).</summary>
    public bool Implicit { get; init; }

    /// <summary>The accepted values, when there is a fixed set (offered by tab completion, checked on use).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether this is a flag (a bool option that takes no value).</summary>
    public bool IsFlag => ValueType == typeof(bool);

    /// <summary>The name of the value's type for hosts that show one (<c>text</c>, <c>integer</c>, <c>number</c>, <c>flag</c>).</summary>
    public string TypeHint => ValueType == typeof(int) ? "integer" : ValueType == typeof(double) ? "number" : IsFlag ? "flag" : "text";
}
