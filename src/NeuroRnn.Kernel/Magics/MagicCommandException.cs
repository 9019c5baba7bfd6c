namespace NeuroRnn.Kernel.Magics;

/// <summary>A magic command was used wrongly (unknown name, missing option, bad value); the message says how.</summary>
public sealed class MagicCommandException : Exception
{
    /// <summary>Creates the exception with a message for the notebook user.</summary>
    public MagicCommandException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the notebook user and the underlying cause.</summary>
    public MagicCommandException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
