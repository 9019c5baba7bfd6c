namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>A libzmq call failed, or libzmq itself could not be loaded.</summary>
public sealed class ZmqException : Exception
{
    /// <summary>Creates the exception with libzmq's errno (0 when the library is missing).</summary>
    public ZmqException(string message, int errorNumber, Exception? innerException = null)
        : base(message, innerException) => ErrorNumber = errorNumber;

    /// <summary>libzmq's errno for the failed call, or 0 when the library could not be loaded.</summary>
    public int ErrorNumber { get; }

    internal static ZmqException FromLastError(string operation)
    {
        var text = ZmqNative.LastErrorText(out var error);
        return new ZmqException($"ZeroMQ {operation} failed: {text}", error);
    }

    internal static ZmqException LibraryMissing(Exception inner) => new(
        $"The ZeroMQ library '{ZmqNative.LibraryName}' could not be loaded ({inner.Message}). " +
        "Install the Debian/Ubuntu package libzmq5 (sudo apt-get install libzmq5) or your platform's libzmq 4.x.",
        0, inner);
}
