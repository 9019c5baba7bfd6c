using System.Collections.Concurrent;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The iopub channel. Any thread may publish; one dedicated thread owns the PUB socket (ZeroMQ sockets are not
/// thread-safe) and sends messages in the order they were published.
/// </summary>
internal sealed class IoPubPublisher : IDisposable
{
    private readonly BlockingCollection<JupyterMessage> _queue = new();
    private readonly ZmqSocket _socket;
    private readonly WireCodec _codec;
    private readonly ProtocolLog _log;
    private readonly Thread _thread;

    public IoPubPublisher(ZmqSocket socket, WireCodec codec, ProtocolLog log)
    {
        _socket = socket;
        _codec = codec;
        _log = log;
        _thread = new Thread(SendLoop) { IsBackground = true, Name = "jupyter-iopub" };
        _thread.Start();
    }

    /// <summary>Queues a message; silently ignored after shutdown began.</summary>
    public void Publish(JupyterMessage message)
    {
        try
        {
            _queue.Add(message);
        }
        catch (InvalidOperationException)
        {
            // Adding completed: the kernel is shutting down and late output (e.g. a background thread) is dropped.
        }
    }

    /// <summary>Stops accepting messages, then waits until the queued ones were handed to ZeroMQ.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        if (!_thread.Join(TimeSpan.FromSeconds(5)))
        {
            _log.Write("iopub sender did not finish within 5 s; remaining output is dropped");
        }
    }

    private void SendLoop()
    {
        foreach (var message in _queue.GetConsumingEnumerable())
        {
            try
            {
                _socket.SendMultipart(_codec.Encode(message));
            }
            catch (Exception e)
            {
                _log.Write($"could not publish {message.MessageType} on iopub: {e.Message}");
            }
        }
    }
}
