using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Interpreter;

namespace NeuroRnn.Kernel.Protocol;

/// <summary>
/// The <see cref="IExecutionContext"/> of one execute_request: streams are batched live to iopub, displays go out
/// after any buffered stream text (so output keeps its order), and input requests go to the stdin channel.
/// Safe to call from any thread, also after the cell finished (late output is still attributed to its cell).
/// </summary>
internal sealed class CellExecutionContext : IExecutionContext, IDisposable
{
    private readonly JupyterMessage _request;
    private readonly MessageFactory _factory;
    private readonly Action<JupyterMessage> _publish;
    private readonly StdinChannel _stdin;
    private readonly ProtocolLog _log;
    private readonly StreamBatcher _streams;

    public CellExecutionContext(
        JupyterMessage request,
        int executionCount,
        bool allowStdin,
        MessageFactory factory,
        Action<JupyterMessage> publish,
        StdinChannel stdin,
        ProtocolLog log,
        TimeSpan streamFlushInterval,
        FlushScheduler flushScheduler)
    {
        _request = request;
        ExecutionCount = executionCount;
        AllowStdin = allowStdin;
        _factory = factory;
        _publish = publish;
        _stdin = stdin;
        _log = log;
        _streams = new StreamBatcher(
            (name, text) => _publish(_factory.CreateBroadcast("stream", new JsonObject { ["name"] = name, ["text"] = text }, _request)),
            streamFlushInterval,
            flushScheduler);
    }

    /// <inheritdoc />
    public int ExecutionCount { get; }

    /// <inheritdoc />
    public bool AllowStdin { get; }

    /// <inheritdoc />
    public void WriteStream(string name, string text)
    {
        if (name is not ("stdout" or "stderr"))
        {
            throw new ArgumentException($"Stream name must be \"stdout\" or \"stderr\", not \"{name}\".", nameof(name));
        }

        _streams.Write(name, text);
    }

    /// <inheritdoc />
    public void PublishDisplay(MimeBundle bundle, string? displayId, bool isUpdate)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (isUpdate && string.IsNullOrEmpty(displayId))
        {
            throw new ArgumentException("Updating a display needs the displayId it was created with.", nameof(displayId));
        }

        var content = new JsonObject
        {
            ["data"] = MimeBundleJson.Data(bundle, _log),
            ["metadata"] = MimeBundleJson.Metadata(bundle),
            ["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
        };
        _streams.Flush();
        _publish(_factory.CreateBroadcast(isUpdate ? "update_display_data" : "display_data", content, _request));
    }

    /// <inheritdoc />
    public void ClearOutput(bool wait)
    {
        _streams.Flush();
        _publish(_factory.CreateBroadcast("clear_output", new JsonObject { ["wait"] = wait }, _request));
    }

    /// <inheritdoc />
    public Task<string> RequestInputAsync(string prompt, bool password, CancellationToken cancellationToken)
    {
        if (!AllowStdin)
        {
            throw new InvalidOperationException("This front end does not accept input requests (allow_stdin is false), so the cell cannot read input.");
        }

        _streams.Flush();
        return _stdin.RequestInputAsync(_request, prompt ?? string.Empty, password, cancellationToken);
    }

    /// <summary>Sends buffered stream text now (before the cell's result, error or reply).</summary>
    public void Flush() => _streams.Flush();

    /// <inheritdoc />
    public void Dispose() => _streams.Dispose();
}
