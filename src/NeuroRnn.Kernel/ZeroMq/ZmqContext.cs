namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>
/// A libzmq context: the owner of every socket. Dispose it after all its sockets; disposing waits at most as long
/// as the sockets' linger periods so queued outgoing messages (a final shutdown reply) still leave.
/// </summary>
internal sealed class ZmqContext : IDisposable
{
    private IntPtr _handle;

    /// <summary>Creates a context; throws <see cref="ZmqException"/> naming libzmq5 when the library is missing.</summary>
    public ZmqContext()
    {
        try
        {
            _handle = ZmqNative.ContextNew();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw ZmqException.LibraryMissing(e);
        }

        if (_handle == IntPtr.Zero)
        {
            throw ZmqException.FromLastError("zmq_ctx_new");
        }
    }

    /// <summary>libzmq's version, e.g. "4.3.4".</summary>
    public static string LibraryVersion
    {
        get
        {
            try
            {
                ZmqNative.Version(out var major, out var minor, out var patch);
                return $"{major}.{minor}.{patch}";
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                throw ZmqException.LibraryMissing(e);
            }
        }
    }

    /// <summary>Creates a socket of the given pattern with the given linger period.</summary>
    public ZmqSocket CreateSocket(ZmqSocketType type, int lingerMilliseconds = 1000)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        var socket = ZmqNative.Socket(_handle, (int)type);
        if (socket == IntPtr.Zero)
        {
            throw ZmqException.FromLastError("zmq_socket");
        }

        var wrapper = new ZmqSocket(socket, type);
        wrapper.SetOption(ZmqNative.OptionLinger, lingerMilliseconds);
        return wrapper;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle == IntPtr.Zero)
        {
            return;
        }

        // zmq_ctx_term may be interrupted by a signal (EINTR); it must then be called again.
        while (ZmqNative.ContextTerm(handle) != 0 && ZmqNative.Errno() == ZmqNative.ErrorInterrupted)
        {
        }
    }
}
