using NetMQ;

namespace NeuroRnn.Kernel.ZeroMq;

/// <summary>Process-wide state of the ZeroMQ implementation.</summary>
public static class ZmqTransport
{
    /// <summary>What carries the messages, for banners and diagnostics.</summary>
    public static string Description => $"NetMQ {typeof(NetMQSocket).Assembly.GetName().Version?.ToString(3)} (managed ZeroMQ, ZMTP 3)";

    /// <summary>
    /// Lets queued outgoing messages of closed sockets (a final shutdown reply) leave, then stops the transport's
    /// I/O threads; waits at most <paramref name="timeout"/>. Call once, at process exit, after the kernel is disposed.
    /// </summary>
    public static bool Shutdown(TimeSpan timeout) => Task.Run(() => NetMQConfig.Cleanup(block: true)).Wait(timeout);
}
