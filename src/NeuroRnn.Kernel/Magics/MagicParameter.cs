namespace NeuroRnn.Kernel.Magics;

/// <summary>An option of a magic command, written <c>--name value</c> (or just <c>--name</c> for a flag).</summary>
/// <param name="Name">The option as written, including the leading dashes (e.g. <c>--from</c>).</param>
/// <param name="Description">One line for <c>#!lsmagic</c>.</param>
/// <param name="IsFlag">True when the option takes no value.</param>
/// <param name="IsRequired">True when the command fails without it.</param>
public sealed record MagicParameter(string Name, string Description, bool IsFlag = false, bool IsRequired = false)
{
    /// <summary>The accepted values when there is a fixed set (offered by tab completion after the option).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>What kind of value it takes (<c>text</c>, <c>integer</c>, <c>number</c>…), for help; null when unstated.</summary>
    public string? TypeHint { get; init; }

    /// <summary>Whether a bare word on the magic line is this option's value (so help shows it without its name).</summary>
    public bool Implicit { get; init; }
}
