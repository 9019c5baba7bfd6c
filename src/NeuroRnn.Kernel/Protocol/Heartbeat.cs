using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The heartbeat channel: a REP socket echoing every message back on its own thread, so front ends see the
/// kernel alive even while a long cell runs.
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly ZmqSocket _socket;
    private readonly ProtocolLog _log;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public Heartbeat(ZmqSocket socket, ProtocolLog log)
    {
        _socket = socket;
        _log = log;
        _thread = new Thread(EchoLoop) { IsBackground = true, Name = "jupyter-heartbeat" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void EchoLoop()
    {
        while (!_stopping)
        {
            try
            {
                var frames = _socket.ReceiveMultipart(100);
                if (frames is not null)
                {
                    _socket.SendMultipart(frames);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The heartbeat must outlive any transport hiccup; the front end judges liveness by it.
                _log.Write($"heartbeat: {e.Message}");
                Thread.Sleep(100);
            }
        }
    }
}
