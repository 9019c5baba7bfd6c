namespace NeuroRnn.Kernel.Magics;

/// <summary>An option of a magic command, written <c>--name value</c> (or just <c>--name</c> for a flag).</summary>
/// <param name="Name">The option as written, including the leading dashes (e.g. <c>--from</c>).</param>
/// <param name="Description">One line for <c>#!lsmagic</c>.</param>
/// <param name="IsFlag">True when the option takes no value.</param>
/// <param name="IsRequired">True when the command fails without it.</param>
public sealed record MagicParameter(string Name, string Description, bool IsFlag = false, bool IsRequired = false);
