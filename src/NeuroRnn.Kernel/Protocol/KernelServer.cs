using System.Diagnostics;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;
using NeuroRnn.Kernel.ZeroMq;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) driving an <see cref="IKernelInterpreter"/>. Shell requests run one at a
/// time in arrival order on a shell thread; control requests (interrupt, shutdown) are served on their own thread so
/// they work while a cell runs; iopub is sent by one publisher thread; the heartbeat echoes on another. No user error
/// and no malformed message stops the kernel: problems are answered in the protocol or logged to standard error.
/// </summary>
public sealed class KernelServer : IDisposable
{
    private const int PollMilliseconds = 100;

    private readonly IKernelInterpreter _interpreter;
    private readonly KernelServerOptions _options;
    private readonly ProtocolLog _log;
    private readonly ZmqContext _context;
    private readonly List<ZmqSocket> _sockets = [];
    private readonly ZmqSocket _shell;
    private readonly ZmqSocket _control;
    private readonly WireCodec _codec;
    private readonly MessageFactory _factory = new();
    private readonly IoPubPublisher _iopub;
    private readonly StdinChannel _stdin;
    private readonly Heartbeat _heartbeat;
    private readonly FlushScheduler _flushScheduler = new();
    private readonly ManualResetEventSlim _stopped = new();
    private readonly Queue<(JupyterMessage Request, bool Abort)> _pendingShell = new();
    private readonly object _executionLock = new();
    private CancellationTokenSource? _runningCell;
    private volatile bool _stopping;
    private KernelStopReason _stopReason = KernelStopReason.Shutdown;
    private int _executionCount;
    private bool _disposed;
    private bool _shellThreadStuck;

    /// <summary>Binds all five sockets to the connection's address.</summary>
    /// <exception cref="ZmqException">libzmq is missing or a port cannot be bound.</exception>
    public KernelServer(ConnectionInfo connection, IKernelInterpreter interpreter, KernelServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _interpreter = interpreter ?? throw new ArgumentNullException(nameof(interpreter));
        _options = options ?? new KernelServerOptions();
        _log = _options.Log is null ? ProtocolLog.StandardError() : new ProtocolLog(_options.Log);
        _codec = new WireCodec(new MessageSigner(connection.Key));
        if (connection.Key.Length == 0)
        {
            _log.Write("the connection file has an empty key: messages are neither signed nor verified");
        }

        _context = new ZmqContext();
        try
        {
            _shell = Bind(ZmqSocketType.Router, connection, connection.ShellPort);
            _control = Bind(ZmqSocketType.Router, connection, connection.ControlPort);
            var stdin = Bind(ZmqSocketType.Router, connection, connection.StdinPort);
            var iopub = Bind(ZmqSocketType.Publisher, connection, connection.IOPubPort);
            var heartbeat = Bind(ZmqSocketType.Reply, connection, connection.HeartbeatPort);
            _iopub = new IoPubPublisher(iopub, _codec, _log);
            _stdin = new StdinChannel(stdin, _codec, _factory, _log);
            _heartbeat = new Heartbeat(heartbeat, _log);
        }
        catch
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _context.Dispose();
            throw;
        }
    }

    /// <summary>The number of cells run with store_history so far.</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>
    /// Serves requests until a shutdown_request arrives, <paramref name="cancellationToken"/> is cancelled, or the
    /// watched parent process exits. Call once.
    /// </summary>
    public KernelStopReason Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Publish(_factory.CreateBroadcast("status", new JsonObject { ["execution_state"] = "starting" }, null));
        var shellThread = new Thread(ShellLoop) { IsBackground = true, Name = "jupyter-shell" };
        var controlThread = new Thread(ControlLoop) { IsBackground = true, Name = "jupyter-control" };
        shellThread.Start();
        controlThread.Start();
        using var cancelRegistration = cancellationToken.Register(() => RequestStop(KernelStopReason.Cancelled));
        using var parentWatch = WatchParent();
        _stopped.Wait();

        InterruptRunningCell();
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
        _flushScheduler.Dispose();
        _iopub.Dispose();

        // A cell stuck in user code may still hold the shell socket; closing it (and terminating the context, which
        // waits for all sockets) would then race or hang, so leave both to process exit in that case.
        if (!_shellThreadStuck)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            _context.Dispose();
        }
    }

    private ZmqSocket Bind(ZmqSocketType type, ConnectionInfo connection, int port)
    {
        var socket = _context.CreateSocket(type);
        _sockets.Add(socket);
        if (type == ZmqSocketType.Router)
        {
            // A restarted front end reconnects with the same identity; let it take over the old connection.
            socket.SetOption(ZmqNative.OptionRouterHandover, 1);
        }

        socket.Bind(connection.Endpoint(port));
        return socket;
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

    private void Publish(JupyterMessage message) => _iopub.Publish(message);

    private void PublishStatus(string state, JupyterMessage parent) =>
        Publish(_factory.CreateBroadcast("status", new JsonObject { ["execution_state"] = state }, parent));

    private JupyterMessage? Receive(ZmqSocket socket, string channel, int timeoutMilliseconds)
    {
        var frames = socket.ReceiveMultipart(timeoutMilliseconds);
        if (frames is null)
        {
            return null;
        }

        var message = _codec.Decode(frames, out var rejection);
        if (message is null)
        {
            _log.Write($"dropped a message on {channel}: {rejection}");
        }

        return message;
    }

    private void Reply(ZmqSocket socket, JupyterMessage request, string replyType, JsonObject content)
    {
        if (!socket.SendMultipart(_codec.Encode(_factory.Create(replyType, content, request))))
        {
            _log.Write($"could not send {replyType}: the requesting client is gone");
        }
    }

    // ---------------------------------------------------------------- shell

    private void ShellLoop()
    {
        while (!_stopping)
        {
            try
            {
                if (_pendingShell.TryDequeue(out var pending))
                {
                    if (pending.Abort)
                    {
                        AbortExecute(pending.Request);
                    }
                    else
                    {
                        HandleShell(pending.Request);
                    }
                }
                else if (Receive(_shell, "shell", PollMilliseconds) is { } request)
                {
                    HandleShell(request);
                }
            }
            catch (Exception e)
            {
                // Only a transport failure can get here (handlers catch their own errors); keep serving.
                _log.Write($"shell channel error: {e}");
                Thread.Sleep(PollMilliseconds);
            }
        }
    }

    private void HandleShell(JupyterMessage request)
    {
        PublishStatus("busy", request);
        try
        {
            switch (request.MessageType)
            {
                case "execute_request":
                    Execute(request);
                    break;
                case "shutdown_request":
                    Shutdown(_shell, request);
                    break;
                default:
                    if (CommonReply(request) is { } reply)
                    {
                        Reply(_shell, request, reply.Type, reply.Content);
                    }

                    break;
            }
        }
        catch (Exception e)
        {
            _log.Write($"{request.MessageType} failed: {e}");
            Reply(_shell, request, ReplyType(request.MessageType), ErrorContent(e.GetType().Name, e.Message, [e.ToString()]));
        }
        finally
        {
            PublishStatus("idle", request);
        }
    }

    private void Execute(JupyterMessage request)
    {
        var code = request.ContentString("code");
        var silent = request.ContentBool("silent", false);
        var storeHistory = !silent && request.ContentBool("store_history", true);
        var allowStdin = request.ContentBool("allow_stdin", true);
        var stopOnError = request.ContentBool("stop_on_error", true);
        var count = storeHistory ? Interlocked.Increment(ref _executionCount) : Volatile.Read(ref _executionCount);
        if (!silent)
        {
            Publish(_factory.CreateBroadcast("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request));
        }

        var outcome = RunCell(request, code, count, allowStdin, silent);
        JsonObject reply;
        switch (outcome)
        {
            case ExecutionOutcome.Success success:
                if (!silent && success.Result is { } result)
                {
                    Publish(_factory.CreateBroadcast("execute_result", new JsonObject
                    {
                        ["execution_count"] = count,
                        ["data"] = MimeBundleJson.Data(result, _log),
                        ["metadata"] = MimeBundleJson.Metadata(result),
                    }, request));
                }

                reply = new JsonObject
                {
                    ["status"] = "ok",
                    ["execution_count"] = count,
                    ["user_expressions"] = new JsonObject(),
                    ["payload"] = new JsonArray(),
                };
                break;

            default:
                // An interrupted cell is reported like Python's KeyboardInterrupt: as an error, so a notebook run
                // stops there and (with stop_on_error) the cells queued behind it are aborted too.
                var error = outcome as ExecutionOutcome.Error ?? new ExecutionOutcome.Error(
                    "Interrupted", "The cell was interrupted.", ["Interrupted: the cell was interrupted."]);
                var errorContent = ErrorContent(error.Name, error.Value, error.Traceback);
                if (!silent)
                {
                    Publish(_factory.CreateBroadcast("error", (JsonObject)errorContent.DeepClone(), request));
                }

                errorContent["execution_count"] = count;
                reply = errorContent;
                break;
        }

        // Collect the executes to abort *before* replying: a request the client sends after it saw this reply is
        // not "queued behind the error" and must run.
        if (reply["status"]!.GetValue<string>() == "error" && stopOnError)
        {
            AbortQueuedExecutes();
        }

        Reply(_shell, request, "execute_reply", reply);
    }

    private ExecutionOutcome RunCell(JupyterMessage request, string code, int count, bool allowStdin, bool silent)
    {
        using var cancellation = new CancellationTokenSource();
        using var context = new CellExecutionContext(
            request, count, allowStdin, _factory, silent ? _ => { } : Publish, _stdin, _log, _options.StreamFlushInterval, _flushScheduler);
        lock (_executionLock)
        {
            _runningCell = cancellation;
        }

        try
        {
            var outcome = _interpreter.ExecuteAsync(code, context, cancellation.Token).GetAwaiter().GetResult();
            return outcome ?? new ExecutionOutcome.Success(null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new ExecutionOutcome.Aborted();
        }
        catch (Exception e)
        {
            // The interpreter contract says errors come back as outcomes; one that escapes must still not kill the kernel.
            _log.Write($"the interpreter threw instead of returning an error outcome: {e}");
            return new ExecutionOutcome.Error(e.GetType().Name, e.Message, [e.ToString()]);
        }
        finally
        {
            lock (_executionLock)
            {
                _runningCell = null;
            }

            context.Flush();
        }
    }

    private void InterruptRunningCell()
    {
        lock (_executionLock)
        {
            _runningCell?.Cancel();
        }
    }

    /// <summary>
    /// stop_on_error: execute requests already waiting behind a failed cell are answered "aborted" without running.
    /// Everything waiting is taken off the socket now and then served in arrival order (other request types normally).
    /// </summary>
    private void AbortQueuedExecutes()
    {
        while (!_stopping && Receive(_shell, "shell", 0) is { } queued)
        {
            _pendingShell.Enqueue((queued, queued.MessageType == "execute_request"));
        }
    }

    private void AbortExecute(JupyterMessage request)
    {
        PublishStatus("busy", request);
        Reply(_shell, request, "execute_reply", new JsonObject
        {
            ["status"] = "aborted",
            ["execution_count"] = Volatile.Read(ref _executionCount),
        });
        PublishStatus("idle", request);
    }

    /// <summary>Replies for requests that need no execution: kernel_info, complete, inspect, is_complete, ...</summary>
    private (string Type, JsonObject Content)? CommonReply(JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "kernel_info_request":
                return ("kernel_info_reply", KernelInfo());

            case "complete_request":
            {
                var code = request.ContentString("code");
                var cursor = TextPositions.ToUtf16(code, request.ContentInt("cursor_pos", code.Length));
                var completion = _interpreter.Complete(code, cursor);
                var matches = new JsonArray();
                foreach (var match in completion.Matches)
                {
                    matches.Add(match);
                }

                return ("complete_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = matches,
                    ["cursor_start"] = TextPositions.ToCodePoints(code, completion.CursorStart),
                    ["cursor_end"] = TextPositions.ToCodePoints(code, completion.CursorEnd),
                    ["metadata"] = new JsonObject(),
                });
            }

            case "inspect_request":
            {
                var code = request.ContentString("code");
                var cursor = TextPositions.ToUtf16(code, request.ContentInt("cursor_pos", code.Length));
                var bundle = _interpreter.Inspect(code, cursor, request.ContentInt("detail_level", 0));
                return ("inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = bundle is not null,
                    ["data"] = bundle is null ? new JsonObject() : MimeBundleJson.Data(bundle, _log),
                    ["metadata"] = bundle is null ? new JsonObject() : MimeBundleJson.Metadata(bundle),
                });
            }

            case "is_complete_request":
            {
                var status = _interpreter.IsComplete(request.ContentString("code"));
                var content = new JsonObject { ["status"] = status };
                if (status == "incomplete")
                {
                    content["indent"] = string.Empty;
                }

                return ("is_complete_reply", content);
            }

            case "history_request":
                return ("history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });

            case "comm_info_request":
                return ("comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });

            case "comm_open":
                // No comm targets exist: tell the front end the comm is closed, as the protocol asks.
                Publish(_factory.CreateBroadcast("comm_close", new JsonObject
                {
                    ["comm_id"] = request.ContentString("comm_id"),
                    ["data"] = new JsonObject(),
                }, request));
                return null;

            case "comm_msg":
            case "comm_close":
                return null;

            default:
                _log.Write($"unsupported message type '{request.MessageType}' ignored");
                return null;
        }
    }

    private JsonObject KernelInfo()
    {
        var language = _interpreter.LanguageInfo;
        var helpLinks = new JsonArray();
        foreach (var (text, url) in HelpLinks(language.Name))
        {
            helpLinks.Add(new JsonObject { ["text"] = text, ["url"] = url });
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = MessageFactory.ProtocolVersion,
            ["implementation"] = _options.ImplementationName,
            ["implementation_version"] = typeof(KernelServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            ["language_info"] = new JsonObject
            {
                ["name"] = language.Name,
                ["version"] = language.Version,
                ["mimetype"] = language.MimeType,
                ["file_extension"] = language.FileExtension,
                ["pygments_lexer"] = language.PygmentsLexer,
                ["codemirror_mode"] = language.CodeMirrorMode,
                ["nbconvert_exporter"] = "script",
            },
            ["banner"] = _interpreter.Banner,
            ["help_links"] = helpLinks,
            ["debugger"] = false,
        };
    }

    private static IEnumerable<(string Text, string Url)> HelpLinks(string language)
    {
        if (language.Contains("fsharp", StringComparison.OrdinalIgnoreCase) || language is "F#" or "f#")
        {
            yield return ("F# documentation", "https://learn.microsoft.com/dotnet/fsharp/");
        }
        else
        {
            yield return ("C# documentation", "https://learn.microsoft.com/dotnet/csharp/");
        }

        yield return (".NET API browser", "https://learn.microsoft.com/dotnet/api/");
    }

    // ---------------------------------------------------------------- control

    private void ControlLoop()
    {
        while (!_stopping)
        {
            try
            {
                if (Receive(_control, "control", PollMilliseconds) is { } request)
                {
                    HandleControl(request);
                }
            }
            catch (Exception e)
            {
                _log.Write($"control channel error: {e}");
                Thread.Sleep(PollMilliseconds);
            }
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        PublishStatus("busy", request);
        try
        {
            switch (request.MessageType)
            {
                case "interrupt_request":
                    InterruptRunningCell();
                    Reply(_control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    Shutdown(_control, request);
                    break;
                case "kernel_info_request":
                    Reply(_control, request, "kernel_info_reply", KernelInfo());
                    break;
                case "debug_request":
                    Reply(_control, request, "debug_reply", ErrorContent("NotSupported", "This kernel has no debugger.", []));
                    break;
                default:
                    _log.Write($"unsupported message type '{request.MessageType}' on control ignored");
                    break;
            }
        }
        catch (Exception e)
        {
            _log.Write($"{request.MessageType} failed on control: {e}");
            Reply(_control, request, ReplyType(request.MessageType), ErrorContent(e.GetType().Name, e.Message, [e.ToString()]));
        }
        finally
        {
            PublishStatus("idle", request);
        }
    }

    private void Shutdown(ZmqSocket socket, JupyterMessage request)
    {
        var restart = request.ContentBool("restart", false);
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(socket, request, "shutdown_reply", content);
        Publish(_factory.CreateBroadcast("shutdown_reply", (JsonObject)content.DeepClone(), request));
        RequestStop(restart ? KernelStopReason.Restart : KernelStopReason.Shutdown);
    }

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    private static JsonObject ErrorContent(string name, string value, IReadOnlyList<string> traceback)
    {
        var lines = new JsonArray();
        foreach (var line in traceback)
        {
            lines.Add(line);
        }

        return new JsonObject { ["status"] = "error", ["ename"] = name, ["evalue"] = value, ["traceback"] = lines };
    }
}
