using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>A <see cref="KernelServer"/> on free localhost ports, running on a background thread.</summary>
internal sealed class InProcessKernel : IDisposable
{
    private readonly Thread _thread;
    private KernelStopReason? _stopReason;

    public InProcessKernel(IKernelInterpreter? interpreter = null, string key = "test-key-0123456789", KernelServerOptions? options = null)
    {
        Interpreter = interpreter ?? new ScriptedInterpreter();
        var ports = FreePorts(5);
        Connection = new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key, ConnectionInfo.HmacSha256);
        ConnectionFile = Path.Combine(Path.GetTempPath(), $"neurornn-test-kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(ConnectionFile, ToJson(Connection));
        Log = new StringWriter();
        Server = new KernelServer(Connection, Interpreter, (options ?? new KernelServerOptions()) with { Log = TextWriter.Synchronized(Log) });
        _thread = new Thread(() => _stopReason = Server.Run()) { IsBackground = true, Name = "test-kernel" };
        _thread.Start();
    }

    public IKernelInterpreter Interpreter { get; }

    public ConnectionInfo Connection { get; }

    public string ConnectionFile { get; }

    public KernelServer Server { get; }

    public StringWriter Log { get; }

    public string LogText
    {
        get
        {
            lock (Log)
            {
                return Log.ToString();
            }
        }
    }

    /// <summary>Waits for Run to return; null when it did not within the timeout.</summary>
    public KernelStopReason? WaitForStop(TimeSpan timeout) => _thread.Join(timeout) ? _stopReason : null;

    public void Dispose()
    {
        Server.Stop();
        _thread.Join(TimeSpan.FromSeconds(10));
        Server.Dispose();
        File.Delete(ConnectionFile);
    }

    public static string ToJson(ConnectionInfo c) => new JsonObject
    {
        ["transport"] = c.Transport,
        ["ip"] = c.IP,
        ["shell_port"] = c.ShellPort,
        ["control_port"] = c.ControlPort,
        ["iopub_port"] = c.IOPubPort,
        ["stdin_port"] = c.StdinPort,
        ["hb_port"] = c.HeartbeatPort,
        ["key"] = c.Key,
        ["signature_scheme"] = c.SignatureScheme,
        ["kernel_name"] = "",
    }.ToJsonString();

    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }
}
