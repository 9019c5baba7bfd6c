namespace NeuroRnn.Interactive.Magics;

/// <summary>A toolkit magic was used wrongly (unknown or missing option, bad value, missing prerequisite); the message names the option or file.</summary>
public sealed class MagicUsageException : Exception
{
    /// <summary>Creates the exception with a message for the notebook user.</summary>
    public MagicUsageException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the notebook user and its cause.</summary>
    public MagicUsageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
