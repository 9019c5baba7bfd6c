namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>A ZeroMQ operation failed (a port that cannot be bound, an endpoint that cannot be parsed, ...).</summary>
public sealed class ZmqException : Exception
{
    /// <summary>Creates the exception; <paramref name="innerException"/> is the transport's own error.</summary>
    public ZmqException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
