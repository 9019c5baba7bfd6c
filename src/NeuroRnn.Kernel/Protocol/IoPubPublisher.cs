using System.Collections.Concurrent;
using System.Text.Json.Nodes;
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
    private readonly MessageFactory _factory;
    private readonly ProtocolLog _log;
    private readonly Thread _thread;
    private readonly object _progress = new();
    private long _published;
    private long _sent;

    public IoPubPublisher(ZmqSocket socket, WireCodec codec, MessageFactory factory, ProtocolLog log)
    {
        _socket = socket;
        _codec = codec;
        _factory = factory;
        _log = log;
        _thread = new Thread(SendLoop) { IsBackground = true, Name = "jupyter-iopub" };
        _thread.Start();
    }

    /// <summary>Queues a message; silently ignored after shutdown began.</summary>
    public void Publish(JupyterMessage message)
    {
        try
        {
            lock (_progress)
            {
                _queue.Add(message);
                _published++;
            }
        }
        catch (InvalidOperationException)
        {
            // Adding completed: the kernel is shutting down and late output (e.g. a background thread) is dropped.
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until everything published so far was handed to ZeroMQ. The shell
    /// calls it before a reply, so a client that has the reply finds the request's outputs already on iopub.
    /// </summary>
    public void WaitUntilSent(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_progress)
        {
            var target = _published;
            while (_sent < target && !_queue.IsCompleted)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_progress, left))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes a <paramref name="messageType"/> message caused by <paramref name="parent"/> (null: unsolicited).</summary>
    public void Broadcast(string messageType, JsonObject content, JupyterMessage? parent) =>
        Publish(_factory.CreateBroadcast(messageType, content, parent));

    /// <summary>Publishes the kernel's execution state ("starting", "busy", "idle").</summary>
    public void Status(string executionState, JupyterMessage? parent) =>
        Broadcast("status", new JsonObject { ["execution_state"] = executionState }, parent);

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
            finally
            {
                lock (_progress)
                {
                    _sent++;
                    Monitor.PulseAll(_progress);
                }
            }
        }
    }
}
