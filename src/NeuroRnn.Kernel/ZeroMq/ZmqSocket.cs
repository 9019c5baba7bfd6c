namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>
/// One libzmq socket with multipart send/receive. Like libzmq sockets themselves this class is not thread-safe:
/// one thread uses it at a time (callers that share one serialise with a lock, which is also the memory barrier
/// libzmq asks for when a socket moves between threads).
/// </summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    private IntPtr _handle;

    internal ZmqSocket(IntPtr handle, ZmqSocketType type)
    {
        _handle = handle;
        Type = type;
    }

    /// <summary>The socket's pattern.</summary>
    public ZmqSocketType Type { get; }

    private IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
            return _handle;
        }
    }

    /// <summary>Sets an integer socket option (ZMQ_LINGER, ZMQ_SNDHWM, ...).</summary>
    public void SetOption(int option, int value)
    {
        if (ZmqNative.SetSocketOption(Handle, option, &value, sizeof(int)) != 0)
        {
            throw ZmqException.FromLastError($"zmq_setsockopt({option})");
        }
    }

    /// <summary>Sets a binary socket option (ZMQ_ROUTING_ID).</summary>
    public void SetOption(int option, ReadOnlySpan<byte> value)
    {
        fixed (byte* pointer = value)
        {
            if (ZmqNative.SetSocketOption(Handle, option, pointer, (nuint)value.Length) != 0)
            {
                throw ZmqException.FromLastError($"zmq_setsockopt({option})");
            }
        }
    }

    /// <summary>Binds to an endpoint such as <c>tcp://127.0.0.1:5555</c>.</summary>
    public void Bind(string endpoint)
    {
        if (ZmqNative.Bind(Handle, endpoint) != 0)
        {
            var text = ZmqNative.LastErrorText(out var error);
            throw new ZmqException($"Cannot bind a ZeroMQ {Type} socket to '{endpoint}': {text}", error);
        }
    }

    /// <summary>Connects to an endpoint (client side; used by tests).</summary>
    public void Connect(string endpoint)
    {
        if (ZmqNative.Connect(Handle, endpoint) != 0)
        {
            var text = ZmqNative.LastErrorText(out var error);
            throw new ZmqException($"Cannot connect a ZeroMQ {Type} socket to '{endpoint}': {text}", error);
        }
    }

    /// <summary>
    /// Sends all frames as one multipart message. Returns false when libzmq drops it instead (a ROUTER peer that
    /// is gone, or the context is shutting down).
    /// </summary>
    public bool SendMultipart(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
        {
            throw new ArgumentException("A ZeroMQ message needs at least one frame.", nameof(frames));
        }

        var handle = Handle;
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.FlagSendMore : 0;
            var frame = frames[i];
            fixed (byte* pointer = frame)
            {
                while (ZmqNative.Send(handle, pointer, (nuint)frame.Length, flags) < 0)
                {
                    var error = ZmqNative.Errno();
                    if (error == ZmqNative.ErrorInterrupted)
                    {
                        continue;
                    }

                    if (error is ZmqNative.ErrorTerminated or ZmqNative.ErrorHostUnreachable)
                    {
                        return false;
                    }

                    throw ZmqException.FromLastError("zmq_send");
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever) for a message and receives all its frames;
    /// null when none arrived in time.
    /// </summary>
    public List<byte[]>? ReceiveMultipart(int timeoutMilliseconds)
    {
        if (!WaitReadable(timeoutMilliseconds))
        {
            return null;
        }

        var frames = new List<byte[]>(8);
        var message = default(ZmqNative.Message);
        while (true)
        {
            ZmqNative.MessageInit(&message);
            try
            {
                // The first frame is known to be there (poll said so); the rest of a multipart message arrives
                // atomically with it, so DONTWAIT never returns EAGAIN mid-message.
                while (ZmqNative.MessageReceive(&message, Handle, frames.Count == 0 ? ZmqNative.FlagDontWait : 0) < 0)
                {
                    var error = ZmqNative.Errno();
                    if (error == ZmqNative.ErrorInterrupted)
                    {
                        continue;
                    }

                    if (error == ZmqNative.ErrorAgain && frames.Count == 0)
                    {
                        return null;
                    }

                    throw ZmqException.FromLastError("zmq_msg_recv");
                }

                var size = checked((int)ZmqNative.MessageSize(&message));
                var bytes = new byte[size];
                new ReadOnlySpan<byte>(ZmqNative.MessageData(&message), size).CopyTo(bytes);
                frames.Add(bytes);
                if (ZmqNative.MessageMore(&message) == 0)
                {
                    return frames;
                }
            }
            finally
            {
                ZmqNative.MessageClose(&message);
            }
        }
    }

    /// <summary>Whether a message can be received within the timeout (-1: wait forever, 0: just check).</summary>
    public bool WaitReadable(int timeoutMilliseconds)
    {
        var item = new ZmqNative.PollItem { Socket = Handle, Events = ZmqNative.PollIn };
        while (true)
        {
            var ready = ZmqNative.Poll(&item, 1, timeoutMilliseconds);
            if (ready >= 0)
            {
                return ready > 0 && (item.ReturnedEvents & ZmqNative.PollIn) != 0;
            }

            // A signal interrupted the wait: report "nothing yet" and let the caller's loop decide to wait again.
            if (ZmqNative.Errno() == ZmqNative.ErrorInterrupted)
            {
                return false;
            }

            throw ZmqException.FromLastError("zmq_poll");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero)
        {
            ZmqNative.Close(handle);
        }
    }
}
