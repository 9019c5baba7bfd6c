using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// execute_request: runs the cell on the interpreter with a live <see cref="CellExecutionContext"/>, publishes
/// execute_input / execute_result / error, records the history, aborts the queued cells after an error
/// (stop_on_error), and answers <c>name?</c> with a pager payload (the inspection of <c>name</c>).
/// </summary>
internal sealed class ExecuteHandler
{
    private readonly IKernelInterpreter _interpreter;
    private readonly IoPubPublisher _iopub;
    private readonly StdinChannel _stdin;
    private readonly MessageFactory _factory;
    private readonly ExecutionHistory _history;
    private readonly ShellQueue _queue;
    private readonly KernelServerOptions _options;
    private readonly ProtocolLog _log;
    private readonly FlushScheduler _flushScheduler = new();
    private readonly object _runningGate = new();
    private readonly Func<bool> _stopping;
    private CancellationTokenSource? _runningCell;
    private int _executionCount;

    public ExecuteHandler(
        IKernelInterpreter interpreter,
        IoPubPublisher iopub,
        StdinChannel stdin,
        MessageFactory factory,
        ExecutionHistory history,
        ShellQueue queue,
        KernelServerOptions options,
        ProtocolLog log,
        Func<bool> stopping)
    {
        _interpreter = interpreter;
        _iopub = iopub;
        _stdin = stdin;
        _factory = factory;
        _history = history;
        _queue = queue;
        _options = options;
        _log = log;
        _stopping = stopping;
    }

    /// <summary>The number of cells run with store_history so far.</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>Cancels the running cell, if any (interrupt_request, shutdown).</summary>
    public void Interrupt()
    {
        lock (_runningGate)
        {
            _runningCell?.Cancel();
        }
    }

    /// <summary>Runs an execute_request and returns its execute_reply content.</summary>
    public JsonObject Execute(JupyterMessage request, RequestChannel channel)
    {
        var code = RequestFields.RequiredString(request, "code");
        var silent = RequestFields.Bool(request, "silent", false);
        var storeHistory = !silent && RequestFields.Bool(request, "store_history", true);
        var allowStdin = RequestFields.Bool(request, "allow_stdin", true);
        var stopOnError = RequestFields.Bool(request, "stop_on_error", true);
        var count = storeHistory ? Interlocked.Increment(ref _executionCount) : Volatile.Read(ref _executionCount);
        if (!silent)
        {
            _iopub.Broadcast("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        var payload = new JsonArray();
        var outcome = PagerRequest.TryParse(code) is { } help
            ? Page(help, payload, request)
            : RunCell(request, code, count, allowStdin, silent);
        JsonObject reply;
        string? resultText = null;
        if (outcome is ExecutionOutcome.Success success)
        {
            if (!silent && success.Result is { } result)
            {
                resultText = result.Data.TryGetValue("text/plain", out var plain) ? plain : null;
                _iopub.Broadcast("execute_result", new JsonObject
                {
                    ["execution_count"] = count,
                    ["data"] = MimeBundleJson.Data(result, _log),
                    ["metadata"] = MimeBundleJson.Metadata(result),
                }, request);
            }

            reply = new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = payload,
            };
        }
        else
        {
            // An interrupted cell is reported like Python's KeyboardInterrupt: as an error, so a notebook run stops
            // there and (with stop_on_error) the cells queued behind it are aborted too.
            var error = outcome as ExecutionOutcome.Error ?? new ExecutionOutcome.Error(
                "Interrupted", "The cell was interrupted.", ["Interrupted: the cell was interrupted."]);
            reply = RequestDispatcher.ErrorReply(error.Name, error.Value, error.Traceback);
            if (!silent)
            {
                _iopub.Broadcast("error", (JsonObject)reply.DeepClone(), request);
            }

            reply["execution_count"] = count;
        }

        if (storeHistory)
        {
            _history.Record(count, code, resultText);
        }

        // Collect the executes to abort *before* replying: a request the client sends after it saw this reply is
        // not "queued behind the error" and must run.
        if (reply["status"]!.GetValue<string>() == "error" && stopOnError)
        {
            _queue.AbortWaitingExecutes(_stopping);
        }

        return reply;
    }

    /// <summary>Answers an execute_request that stop_on_error aborted.</summary>
    public JsonObject Aborted() => new()
    {
        ["status"] = "aborted",
        ["execution_count"] = ExecutionCount,
    };

    /// <summary>Stops the stream flush timer.</summary>
    public void Dispose() => _flushScheduler.Dispose();

    private ExecutionOutcome Page(PagerRequest help, JsonArray payload, JupyterMessage request)
    {
        var bundle = _interpreter.Inspect(help.Code, help.Code.Length, help.DetailLevel);
        if (bundle is null)
        {
            _iopub.Broadcast("stream", new JsonObject { ["name"] = "stdout", ["text"] = $"No documentation found for '{help.Code.Trim()}'.\n" }, request);
            return new ExecutionOutcome.Success(null);
        }

        payload.Add(new JsonObject { ["source"] = "page", ["data"] = MimeBundleJson.Data(bundle, _log), ["start"] = 0 });
        return new ExecutionOutcome.Success(null);
    }

    private ExecutionOutcome RunCell(JupyterMessage request, string code, int count, bool allowStdin, bool silent)
    {
        using var cancellation = new CancellationTokenSource();
        using var context = new CellExecutionContext(
            request, count, allowStdin, _factory, silent ? _ => { } : _iopub.Publish, _stdin, _log, _options.StreamFlushInterval, _flushScheduler);
        lock (_runningGate)
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
            lock (_runningGate)
            {
                _runningCell = null;
            }

            context.Flush();
        }
    }
}

/// <summary>
/// A help request typed as a cell: <c>name?</c> (or <c>?name</c>) asks for the inspection of <c>name</c>,
/// <c>name??</c> for the detailed one. Only a single line counts, so code that merely contains '?' is never taken.
/// </summary>
internal sealed record PagerRequest(string Code, int DetailLevel)
{
    public static PagerRequest? TryParse(string cell)
    {
        var text = cell.Trim();
        if (text.Length < 2 || text.Contains('\n'))
        {
            return null;
        }

        var detail = text.EndsWith("??", StringComparison.Ordinal) || text.StartsWith("??", StringComparison.Ordinal) ? 1 : 0;
        string target;
        if (text.EndsWith('?'))
        {
            target = text.TrimEnd('?');
        }
        else if (text.StartsWith('?'))
        {
            target = text.TrimStart('?');
        }
        else
        {
            return null;
        }

        // A name or member path only (Console.WriteLine, List.map): anything else is code for the interpreter.
        return target.Length > 0 && target.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') && !char.IsDigit(target[0])
            ? new PagerRequest(target, detail)
            : null;
    }
}
