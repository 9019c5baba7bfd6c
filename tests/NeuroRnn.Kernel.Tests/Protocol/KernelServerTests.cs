using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>The protocol server end to end over real ZeroMQ sockets, with a scripted interpreter.</summary>
public sealed class KernelServerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly InProcessKernel _kernel = new();
    private readonly TestKernelClient _client;

    public KernelServerTests()
    {
        _client = new TestKernelClient(_kernel.Connection);
        _client.WaitUntilReady();
    }

    public void Dispose()
    {
        _client.Dispose();
        _kernel.Dispose();
    }

    private (JupyterMessage Reply, List<JupyterMessage> IoPub) Execute(string code, JsonObject? extra = null)
    {
        var content = new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false };
        foreach (var (key, value) in extra ?? [])
        {
            content[key] = value?.DeepClone();
        }

        var id = _client.Send(_client.Shell, "execute_request", content);
        var reply = _client.ReceiveReply(_client.Shell, id);
        var iopub = _client.IoPubUntilIdle(id, Timeout) ?? throw new TimeoutException("no idle status");
        return (reply, iopub);
    }

    [Fact]
    public void KernelInfo_ReportsProtocolLanguageAndBanner()
    {
        var id = _client.Send(_client.Shell, "kernel_info_request", new JsonObject());
        var reply = _client.ReceiveReply(_client.Shell, id);
        Assert.Equal("kernel_info_reply", reply.MessageType);
        Assert.Equal("5.3", reply.ContentString("protocol_version"));
        Assert.Equal("neurornn", reply.ContentString("implementation"));
        Assert.Equal("scripted", reply.Content["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("Scripted test interpreter", reply.ContentString("banner"));
        Assert.NotEmpty(reply.Content["help_links"]!.AsArray());
        Assert.EndsWith("Z", reply.Header["date"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(reply.Header["date"]!.GetValue<string>(), out _));
    }

    [Fact]
    public void Execute_PublishesMessagesInProtocolOrder()
    {
        var (reply, iopub) = Execute("print:hello\neprint:oops\ndisplay:d1:first\nupdate:d1:second\n=42");
        Assert.Equal("ok", reply.ContentString("status"));
        Assert.Equal(1, reply.ContentInt("execution_count", -1));
        Assert.Equal(
            ["status", "execute_input", "stream", "stream", "display_data", "update_display_data", "execute_result", "status"],
            iopub.Select(m => m.MessageType));
        Assert.Equal("busy", iopub[0].ContentString("execution_state"));
        Assert.Equal(1, iopub[1].ContentInt("execution_count", -1));
        Assert.Equal(("stdout", "hello\n"), (iopub[2].ContentString("name"), iopub[2].ContentString("text")));
        Assert.Equal(("stderr", "oops\n"), (iopub[3].ContentString("name"), iopub[3].ContentString("text")));
        Assert.Equal("d1", iopub[4].Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("second", iopub[5].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("d1", iopub[5].Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("42", iopub[6].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(1, iopub[6].ContentInt("execution_count", -1));
    }

    [Fact]
    public void Execute_JsonMimeTypesAreEmbeddedAsJson()
    {
        var (_, iopub) = Execute("json:{\"a\":[1,2]}");
        var data = iopub.Single(m => m.MessageType == "display_data").Content["data"]!["application/json"];
        Assert.IsType<JsonObject>(data, exactMatch: false);
        Assert.Equal(2, data!["a"]!.AsArray()[1]!.GetValue<int>());
    }

    [Fact]
    public void ExecutionCount_IncrementsOnlyWhenStoringHistory_AndSilentPublishesNothing()
    {
        Execute("=1");
        var (noHistory, _) = Execute("=2", new JsonObject { ["store_history"] = false });
        Assert.Equal(1, noHistory.ContentInt("execution_count", -1));
        var (silent, silentIoPub) = Execute("print:hidden\n=3", new JsonObject { ["silent"] = true });
        Assert.Equal(1, silent.ContentInt("execution_count", -1));
        Assert.Equal(["status", "status"], silentIoPub.Select(m => m.MessageType));
        var (next, _) = Execute("=4");
        Assert.Equal(2, next.ContentInt("execution_count", -1));
    }

    [Fact]
    public void Error_IsPublishedAndReplied_AndQueuedExecutesAreAborted()
    {
        var failing = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:300\nerror:boom" });
        var queued1 = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "=never" });
        var queuedInfo = _client.Send(_client.Shell, "kernel_info_request", new JsonObject());
        var queued2 = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "=never" });

        var reply = _client.ReceiveReply(_client.Shell, failing);
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("ScriptError", reply.ContentString("ename"));
        Assert.Equal("boom", reply.ContentString("evalue"));
        Assert.Equal("ScriptError: boom", reply.Content["traceback"]!.AsArray()[0]!.GetValue<string>());
        var iopub = _client.IoPubUntilIdle(failing, Timeout)!;
        Assert.Equal("boom", iopub.Single(m => m.MessageType == "error").ContentString("evalue"));

        Assert.Equal("aborted", _client.ReceiveReply(_client.Shell, queued1).ContentString("status"));
        Assert.Equal("kernel_info_reply", _client.ReceiveReply(_client.Shell, queuedInfo).MessageType);
        Assert.Equal("aborted", _client.ReceiveReply(_client.Shell, queued2).ContentString("status"));
        Assert.DoesNotContain("=never", ((ScriptedInterpreter)_kernel.Interpreter).Executed);

        var (after, _) = Execute("=fine");
        Assert.Equal("ok", after.ContentString("status"));
    }

    [Fact]
    public void StopOnErrorFalse_RunsQueuedExecutes()
    {
        var failing = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:200\nerror:boom", ["stop_on_error"] = false });
        var queued = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "=ran" });
        Assert.Equal("error", _client.ReceiveReply(_client.Shell, failing).ContentString("status"));
        Assert.Equal("ok", _client.ReceiveReply(_client.Shell, queued).ContentString("status"));
    }

    [Fact]
    public void InterpreterThatThrows_GivesAnErrorReply_AndTheKernelLivesOn()
    {
        var (reply, _) = Execute("throw:contract broken");
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("InvalidOperationException", reply.ContentString("ename"));
        Assert.Equal("ok", Execute("=alive").Reply.ContentString("status"));
    }

    [Fact]
    public void Streams_AreSentWhileTheCellIsStillRunning()
    {
        var watch = Stopwatch.StartNew();
        var id = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "print:early\nsleep:1500\nprint:late" });
        JupyterMessage? stream = null;
        while (stream is null && watch.Elapsed < Timeout)
        {
            var message = _client.Receive(_client.IoPub, TimeSpan.FromMilliseconds(50));
            if (message?.MessageType == "stream")
            {
                stream = message;
            }
        }

        var streamArrival = watch.Elapsed;
        Assert.NotNull(stream);
        Assert.Equal("early\n", stream.ContentString("text"));
        Assert.True(streamArrival < TimeSpan.FromMilliseconds(1000), $"the first stream arrived only after {streamArrival.TotalMilliseconds} ms");
        Assert.Equal("ok", _client.ReceiveReply(_client.Shell, id).ContentString("status"));
        // Task.Delay's timer counts whole milliseconds of TickCount64, so it may end a fraction of one early.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(1490), $"the reply came after {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Interrupt_CancelsTheRunningCell_ControlAnswersMeanwhile_NextCellRuns()
    {
        var id = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:60000" });
        Thread.Sleep(200);
        var info = _client.Send(_client.Control, "kernel_info_request", new JsonObject());
        Assert.Equal("kernel_info_reply", _client.ReceiveReply(_client.Control, info, TimeSpan.FromSeconds(2)).MessageType);

        var watch = Stopwatch.StartNew();
        var interrupt = _client.Send(_client.Control, "interrupt_request", new JsonObject());
        Assert.Equal("ok", _client.ReceiveReply(_client.Control, interrupt).ContentString("status"));
        var reply = _client.ReceiveReply(_client.Shell, id, TimeSpan.FromSeconds(5));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("Interrupted", reply.ContentString("ename"));
        Assert.Equal("ok", Execute("=next").Reply.ContentString("status"));
    }

    [Fact]
    public void Input_RoundTripsThroughStdin()
    {
        var id = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "input:Name? ", ["allow_stdin"] = true });
        var request = _client.Receive(_client.Stdin, Timeout);
        Assert.NotNull(request);
        Assert.Equal("input_request", request.MessageType);
        Assert.Equal("Name? ", request.ContentString("prompt"));
        Assert.False(request.ContentBool("password", true));
        Assert.Equal(id, TestKernelClient.ParentId(request));

        var answer = _client.Build("input_reply", new JsonObject { ["value"] = "Ada" }) with { ParentHeader = request.Header };
        _client.Stdin.SendMultipart(_client.Encode(answer));
        Assert.Equal("ok", _client.ReceiveReply(_client.Shell, id).ContentString("status"));
        var iopub = _client.IoPubUntilIdle(id, Timeout)!;
        Assert.Equal("got Ada\n", iopub.Single(m => m.MessageType == "stream").ContentString("text"));
    }

    [Fact]
    public void Input_WhenStdinIsNotAllowed_IsAnError()
    {
        var (reply, _) = Execute("input:x", new JsonObject { ["allow_stdin"] = false });
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Contains("allow_stdin", reply.ContentString("evalue"));
    }

    [Fact]
    public void Input_WaitingCellCanBeInterrupted()
    {
        var id = _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "input:never answered", ["allow_stdin"] = true });
        Assert.NotNull(_client.Receive(_client.Stdin, Timeout));
        _client.Send(_client.Control, "interrupt_request", new JsonObject());
        Assert.Equal("error", _client.ReceiveReply(_client.Shell, id, TimeSpan.FromSeconds(5)).ContentString("status"));
        Assert.Equal("ok", Execute("=next").Reply.ContentString("status"));
    }

    [Fact]
    public void WrongSignature_IsDroppedAndLogged_AndTheKernelStillWorks()
    {
        var forged = _client.Encode(_client.Build("execute_request", new JsonObject { ["code"] = "=forged" }));
        forged[1] = Encoding.ASCII.GetBytes(new string('0', 64));
        _client.Shell.SendMultipart(forged);
        Assert.Null(_client.Receive(_client.Shell, TimeSpan.FromMilliseconds(500)));
        Assert.Contains("invalid signature", _kernel.LogText);
        Assert.DoesNotContain("=forged", ((ScriptedInterpreter)_kernel.Interpreter).Executed);

        using var wrongKey = new TestKernelClient(_kernel.Connection, key: "not-the-key");
        wrongKey.Send(wrongKey.Shell, "kernel_info_request", new JsonObject());
        Assert.Null(wrongKey.Receive(wrongKey.Shell, TimeSpan.FromMilliseconds(500)));

        Assert.Equal("ok", Execute("=still alive").Reply.ContentString("status"));
    }

    [Fact]
    public void CompleteInspectIsCompleteHistoryCommInfo()
    {
        var code = "😀 pri";
        var complete = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = 5 }));
        Assert.Equal(["print", "println"], complete.Content["matches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, complete.ContentInt("cursor_start", -1)); // code points, not UTF-16 units
        Assert.Equal(5, complete.ContentInt("cursor_end", -1));

        var inspect = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "inspect_request", new JsonObject { ["code"] = "print", ["cursor_pos"] = 2, ["detail_level"] = 1 }));
        Assert.True(inspect.ContentBool("found", false));
        Assert.Contains("detail 1", inspect.Content["data"]!["text/plain"]!.GetValue<string>());
        var notFound = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "inspect_request", new JsonObject { ["code"] = "zzz", ["cursor_pos"] = 1 }));
        Assert.False(notFound.ContentBool("found", true));

        var incomplete = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "is_complete_request", new JsonObject { ["code"] = "a \\" }));
        Assert.Equal("incomplete", incomplete.ContentString("status"));
        Assert.Equal(string.Empty, incomplete.ContentString("indent", "missing"));

        var history = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 }));
        Assert.Empty(history.Content["history"]!.AsArray());
        var comms = _client.ReceiveReply(_client.Shell, _client.Send(_client.Shell, "comm_info_request", new JsonObject()));
        Assert.Empty(comms.Content["comms"]!.AsObject());
    }

    [Fact]
    public void Heartbeat_Echoes()
    {
        _client.Heartbeat.SendMultipart([Encoding.ASCII.GetBytes("ping")]);
        var echo = _client.Heartbeat.ReceiveMultipart(5000);
        Assert.NotNull(echo);
        Assert.Equal("ping", Encoding.ASCII.GetString(Assert.Single(echo)));
    }

    [Theory]
    [InlineData(false, KernelStopReason.Shutdown)]
    [InlineData(true, KernelStopReason.Restart)]
    public void Shutdown_RepliesAndStopsTheServer(bool restart, KernelStopReason expected)
    {
        var id = _client.Send(_client.Control, "shutdown_request", new JsonObject { ["restart"] = restart });
        var reply = _client.ReceiveReply(_client.Control, id);
        Assert.Equal("shutdown_reply", reply.MessageType);
        Assert.Equal(restart, reply.ContentBool("restart", !restart));
        Assert.Equal(expected, _kernel.WaitForStop(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Shutdown_WhileACellIgnoresCancellation_StillStops()
    {
        _client.Send(_client.Shell, "execute_request", new JsonObject { ["code"] = "hang:20000" });
        Thread.Sleep(200);
        _client.Send(_client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
        var watch = Stopwatch.StartNew();
        Assert.Equal(KernelStopReason.Shutdown, _kernel.WaitForStop(TimeSpan.FromSeconds(10)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"shutdown took {watch.Elapsed}");
        Assert.Contains("did not stop", _kernel.LogText);
    }
}
