using System.Text;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// Coalesces stdout/stderr writes into few <c>stream</c> messages while keeping them live: text is sent at most
/// <c>flushInterval</c> after it was written, immediately when the other stream is written (so interleaving is kept),
/// when the buffer grows past <c>maxBufferedChars</c>, and whenever <see cref="Flush"/> is called (before a display,
/// a result, an input request, and at the end of the cell).
/// </summary>
internal sealed class StreamBatcher : IDisposable
{
    private readonly Action<string, string> _send;
    private readonly TimeSpan _flushInterval;
    private readonly int _maxBufferedChars;
    private readonly StringBuilder _buffer = new();
    private readonly FlushScheduler _scheduler;
    private readonly object _lock = new();
    private string? _bufferedName;
    private bool _timerArmed;
    private bool _disposed;

    /// <param name="send">Publishes one stream message (name, text); called under this batcher's lock, in order.</param>
    /// <param name="flushInterval">The longest time text may wait in the buffer.</param>
    /// <param name="scheduler">Runs the delayed flushes.</param>
    /// <param name="maxBufferedChars">The buffer size that forces an immediate flush.</param>
    public StreamBatcher(Action<string, string> send, TimeSpan flushInterval, FlushScheduler scheduler, int maxBufferedChars = 64 * 1024)
    {
        _scheduler = scheduler;
        _send = send;
        _flushInterval = flushInterval;
        _maxBufferedChars = maxBufferedChars;
    }

    /// <summary>Appends text to a stream ("stdout" or "stderr").</summary>
    public void Write(string name, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        lock (_lock)
        {
            if (_bufferedName is not null && _bufferedName != name)
            {
                FlushLocked();
            }

            _bufferedName = name;
            _buffer.Append(text);
            if (_buffer.Length >= _maxBufferedChars || _disposed)
            {
                FlushLocked();
            }
            else if (!_timerArmed)
            {
                _timerArmed = true;
                _scheduler.Schedule(Flush, _flushInterval);
            }
        }
    }

    /// <summary>Sends whatever is buffered now.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    /// <summary>Flushes; later writes (output of threads that outlive the cell) are sent immediately, unbatched.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            FlushLocked();
            _disposed = true;
        }
    }

    private void FlushLocked()
    {
        _timerArmed = false;
        if (_buffer.Length == 0 || _bufferedName is null)
        {
            return;
        }

        // A UTF-16 high surrogate written on its own waits for its pair, so no message carries half a character.
        var keep = char.IsHighSurrogate(_buffer[^1]) && !_disposed ? 1 : 0;
        if (_buffer.Length == keep)
        {
            return;
        }

        var text = _buffer.ToString(0, _buffer.Length - keep);
        _buffer.Remove(0, _buffer.Length - keep);
        if (_buffer.Capacity > 4 * _maxBufferedChars)
        {
            _buffer.Capacity = _maxBufferedChars;
        }

        _send(_bufferedName, text);
    }
}
