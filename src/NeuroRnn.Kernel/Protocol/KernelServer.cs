using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) driving an <see cref="IKernelInterpreter"/> — the server side of the
/// xeus split: transport (<see cref="KernelSockets"/>), channels (<see cref="RequestChannel"/>, iopub, stdin,
/// heartbeat), routing (<see cref="RequestDispatcher"/>) and handlers (<see cref="ExecuteHandler"/>,
/// <see cref="IntrospectionReplies"/>, history) are separate; this class wires them and owns the threads. Shell
/// requests run one at a time in arrival order on a shell thread; control requests (interrupt, shutdown) are served on
/// their own thread so they work while a cell runs. No user error and no malformed message stops the kernel.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private const int PollMilliseconds = 100;

    private readonly KernelServerOptions _options;
    private readonly ProtocolLog _log;
    private readonly KernelSockets _sockets;
    private readonly IoPubPublisher _iopub;
    private readonly Heartbeat _heartbeat;
    private readonly ShellQueue _shellQueue;
    private readonly ExecuteHandler _execute;
    private readonly RequestDispatcher _shell;
    private readonly RequestDispatcher _control;
    private readonly ManualResetEventSlim _stopped = new();
    private volatile bool _stopping;
    private KernelStopReason _stopReason = KernelStopReason.Shutdown;
    private bool _disposed;
    private bool _shellThreadStuck;

    /// <summary>Binds all five sockets to the connection's address.</summary>
    /// <exception cref="ZmqException">A port cannot be bound.</exception>
    public KernelServer(ConnectionInfo connection, IKernelInterpreter interpreter, KernelServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(interpreter);
        _options = options ?? new KernelServerOptions();
        _log = _options.Log is null ? ProtocolLog.StandardError() : new ProtocolLog(_options.Log);
        var codec = new WireCodec(new MessageSigner(connection.Key));
        if (connection.Key.Length == 0)
        {
            _log.Write("the connection file has an empty key: messages are neither signed nor verified");
        }

        var factory = new MessageFactory();
        _sockets = new KernelSockets(connection);
        _iopub = new IoPubPublisher(_sockets.IoPub, codec, factory, _log);
        _heartbeat = new Heartbeat(_sockets.Heartbeat, _log);
        var stdin = new StdinChannel(_sockets.Stdin, codec, factory, _log);
        var shellChannel = new RequestChannel("shell", _sockets.Shell, codec, factory, _log);
        var controlChannel = new RequestChannel("control", _sockets.Control, codec, factory, _log);
        _shellQueue = new ShellQueue(shellChannel);
        var history = new ExecutionHistory();
        _execute = new ExecuteHandler(interpreter, _iopub, stdin, factory, history, _shellQueue, _options, _log, () => _stopping);
        var introspection = new IntrospectionReplies(interpreter, _log);

        _shell = new RequestDispatcher(shellChannel, _iopub, _log, new Dictionary<string, RequestHandler>
        {
            ["execute_request"] = _execute.Execute,
            ["kernel_info_request"] = (_, _) => KernelInfoReply.Create(interpreter, _options),
            ["complete_request"] = introspection.Complete,
            ["inspect_request"] = introspection.Inspect,
            ["is_complete_request"] = introspection.IsComplete,
            ["history_request"] = (request, _) => HistoryReplies.Reply(request, history),
            ["comm_info_request"] = (_, _) => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
            ["comm_open"] = CloseComm,
            ["comm_msg"] = (_, _) => null,
            ["comm_close"] = (_, _) => null,
            ["shutdown_request"] = Shutdown,
        });
        _control = new RequestDispatcher(controlChannel, _iopub, _log, new Dictionary<string, RequestHandler>
        {
            ["interrupt_request"] = (_, _) =>
            {
                _execute.Interrupt();
                return new JsonObject { ["status"] = "ok" };
            },
            ["shutdown_request"] = Shutdown,
            ["kernel_info_request"] = (_, _) => KernelInfoReply.Create(interpreter, _options),
            ["debug_request"] = (_, _) => RequestDispatcher.ErrorReply("NotSupported", "This kernel has no debugger.", []),
        });
    }

    /// <summary>The number of cells run with store_history so far.</summary>
    public int ExecutionCount => _execute.ExecutionCount;

    /// <summary>
    /// Serves requests until a shutdown_request arrives, <paramref name="cancellationToken"/> is cancelled, or the
    /// watched parent process exits. Call once.
    /// </summary>
    public KernelStopReason Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _iopub.Status("starting", null);
        var shellThread = new Thread(ShellLoop) { IsBackground = true, Name = "jupyter-shell" };
        var controlThread = new Thread(ControlLoop) { IsBackground = true, Name = "jupyter-control" };
        shellThread.Start();
        controlThread.Start();
        using var cancelRegistration = cancellationToken.Register(() => RequestStop(KernelStopReason.Cancelled));
        using var parentWatch = WatchParent();
        _stopped.Wait();

        _execute.Interrupt();
        _shellThreadStuck = !shellThread.Join(_options.ShutdownGracePeriod);
        if (_shellThreadStuck)
        {
            _log.Write("the running cell did not stop after shutdown; leaving it behind");
        }

        controlThread.Join(TimeSpan.FromSeconds(1));
        return _stopReason;
    }

    /// <summary>Stops serving (as a shutdown_request would) and makes <see cref="Run"/> return.</summary>
    public void Stop() => RequestStop(KernelStopReason.Shutdown);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        RequestStop(KernelStopReason.Shutdown);
        _heartbeat.Dispose();
        _execute.Dispose();
        _iopub.Dispose();

        // A cell stuck in user code may still hold the shell socket; closing it would then race, so leave the
        // sockets to process exit in that case.
        if (!_shellThreadStuck)
        {
            _sockets.Dispose();
        }
    }

    private void RequestStop(KernelStopReason reason)
    {
        lock (_stopped)
        {
            if (_stopping)
            {
                return;
            }

            _stopReason = reason;
            _stopping = true;
            _stopped.Set();
        }
    }

    private IDisposable? WatchParent()
    {
        if (_options.ParentProcessId is not { } parentId)
        {
            return null;
        }

        return new Timer(_ =>
        {
            if (!IsProcessAlive(parentId))
            {
                _log.Write($"parent process {parentId} exited; shutting down");
                RequestStop(KernelStopReason.ParentExited);
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private static bool IsProcessAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void ShellLoop()
    {
        while (!_stopping)
        {
            try
            {
                if (_shellQueue.Next(PollMilliseconds) is not { } next)
                {
                    continue;
                }

                if (next.Abort)
                {
                    _iopub.Status("busy", next.Request);
                    _shell.Channel.Reply(next.Request, "execute_reply", _execute.Aborted());
                    _iopub.Status("idle", next.Request);
                }
                else
                {
                    _shell.Dispatch(next.Request);
                }
            }
            catch (Exception e)
            {
                // Only a transport failure can get here (the dispatcher catches handler errors); keep serving.
                _log.Write($"shell channel error: {e}");
                Thread.Sleep(PollMilliseconds);
            }
        }
    }

    private void ControlLoop()
    {
        while (!_stopping)
        {
            try
            {
                if (_control.Channel.Receive(PollMilliseconds) is { } request)
                {
                    _control.Dispatch(request);
                }
            }
            catch (Exception e)
            {
                _log.Write($"control channel error: {e}");
                Thread.Sleep(PollMilliseconds);
            }
        }
    }

    private JsonObject? CloseComm(JupyterMessage request, RequestChannel channel)
    {
        // No comm targets exist: tell the front end the comm is closed, as the protocol asks.
        _iopub.Broadcast("comm_close", new JsonObject { ["comm_id"] = request.ContentString("comm_id"), ["data"] = new JsonObject() }, request);
        return null;
    }

    private JsonObject? Shutdown(JupyterMessage request, RequestChannel channel)
    {
        var restart = RequestFields.Bool(request, "restart", false);
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        channel.Reply(request, "shutdown_reply", content);
        _iopub.Broadcast("shutdown_reply", (JsonObject)content.DeepClone(), request);
        RequestStop(restart ? KernelStopReason.Restart : KernelStopReason.Shutdown);
        return null;
    }
}
