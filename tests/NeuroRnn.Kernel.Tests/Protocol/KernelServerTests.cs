using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>The protocol server end to end over real ZeroMQ sockets, with a scripted interpreter.</summary>
public sealed class KernelServerTests : ScriptedKernelTestBase
{
    [Fact]
    public void KernelInfo_ReportsProtocolLanguageAndBanner()
    {
        var id = Client.Send(Client.Shell, "kernel_info_request", new JsonObject());
        var reply = Client.ReceiveReply(Client.Shell, id);
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
        var failing = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:300\nerror:boom" });
        var queued1 = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "=never" });
        var queuedInfo = Client.Send(Client.Shell, "kernel_info_request", new JsonObject());
        var queued2 = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "=never" });

        var reply = Client.ReceiveReply(Client.Shell, failing);
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("ScriptError", reply.ContentString("ename"));
        Assert.Equal("boom", reply.ContentString("evalue"));
        Assert.Equal("ScriptError: boom", reply.Content["traceback"]!.AsArray()[0]!.GetValue<string>());
        var iopub = Client.IoPubUntilIdle(failing, Timeout)!;
        Assert.Equal("boom", iopub.Single(m => m.MessageType == "error").ContentString("evalue"));

        Assert.Equal("aborted", Client.ReceiveReply(Client.Shell, queued1).ContentString("status"));
        Assert.Equal("kernel_info_reply", Client.ReceiveReply(Client.Shell, queuedInfo).MessageType);
        Assert.Equal("aborted", Client.ReceiveReply(Client.Shell, queued2).ContentString("status"));
        Assert.DoesNotContain("=never", ((ScriptedInterpreter)Kernel.Interpreter).Executed);

        var (after, _) = Execute("=fine");
        Assert.Equal("ok", after.ContentString("status"));
    }

    [Fact]
    public void StopOnErrorFalse_RunsQueuedExecutes()
    {
        var failing = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:200\nerror:boom", ["stop_on_error"] = false });
        var queued = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "=ran" });
        Assert.Equal("error", Client.ReceiveReply(Client.Shell, failing).ContentString("status"));
        Assert.Equal("ok", Client.ReceiveReply(Client.Shell, queued).ContentString("status"));
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
        var id = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "print:early\nsleep:1500\nprint:late" });
        JupyterMessage? stream = null;
        while (stream is null && watch.Elapsed < Timeout)
        {
            var message = Client.Receive(Client.IoPub, TimeSpan.FromMilliseconds(50));
            if (message?.MessageType == "stream")
            {
                stream = message;
            }
        }

        var streamArrival = watch.Elapsed;
        Assert.NotNull(stream);
        Assert.Equal("early\n", stream.ContentString("text"));
        Assert.True(streamArrival < TimeSpan.FromMilliseconds(1000), $"the first stream arrived only after {streamArrival.TotalMilliseconds} ms");
        Assert.Equal("ok", Client.ReceiveReply(Client.Shell, id).ContentString("status"));
        // Task.Delay's timer counts whole milliseconds of TickCount64, so it may end a fraction of one early.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(1490), $"the reply came after {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Interrupt_CancelsTheRunningCell_ControlAnswersMeanwhile_NextCellRuns()
    {
        var id = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "sleep:60000" });
        Thread.Sleep(200);
        var info = Client.Send(Client.Control, "kernel_info_request", new JsonObject());
        Assert.Equal("kernel_info_reply", Client.ReceiveReply(Client.Control, info, TimeSpan.FromSeconds(2)).MessageType);

        var watch = Stopwatch.StartNew();
        var interrupt = Client.Send(Client.Control, "interrupt_request", new JsonObject());
        Assert.Equal("ok", Client.ReceiveReply(Client.Control, interrupt).ContentString("status"));
        var reply = Client.ReceiveReply(Client.Shell, id, TimeSpan.FromSeconds(5));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("Interrupted", reply.ContentString("ename"));
        Assert.Equal("ok", Execute("=next").Reply.ContentString("status"));
    }

    [Fact]
    public void Input_RoundTripsThroughStdin()
    {
        var id = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "input:Name? ", ["allow_stdin"] = true });
        var request = Client.Receive(Client.Stdin, Timeout);
        Assert.NotNull(request);
        Assert.Equal("input_request", request.MessageType);
        Assert.Equal("Name? ", request.ContentString("prompt"));
        Assert.False(request.ContentBool("password", true));
        Assert.Equal(id, TestKernelClient.ParentId(request));

        var answer = Client.Build("input_reply", new JsonObject { ["value"] = "Ada" }) with { ParentHeader = request.Header };
        Client.Stdin.SendMultipart(Client.Encode(answer));
        Assert.Equal("ok", Client.ReceiveReply(Client.Shell, id).ContentString("status"));
        var iopub = Client.IoPubUntilIdle(id, Timeout)!;
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
        var id = Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "input:never answered", ["allow_stdin"] = true });
        Assert.NotNull(Client.Receive(Client.Stdin, Timeout));
        Client.Send(Client.Control, "interrupt_request", new JsonObject());
        Assert.Equal("error", Client.ReceiveReply(Client.Shell, id, TimeSpan.FromSeconds(5)).ContentString("status"));
        Assert.Equal("ok", Execute("=next").Reply.ContentString("status"));
    }

    [Fact]
    public void WrongSignature_IsDroppedAndLogged_AndTheKernelStillWorks()
    {
        var forged = Client.Encode(Client.Build("execute_request", new JsonObject { ["code"] = "=forged" }));
        forged[1] = Encoding.ASCII.GetBytes(new string('0', 64));
        Client.Shell.SendMultipart(forged);
        Assert.Null(Client.Receive(Client.Shell, TimeSpan.FromMilliseconds(500)));
        Assert.Contains("invalid signature", LogContaining("invalid signature"));
        Assert.DoesNotContain("=forged", ((ScriptedInterpreter)Kernel.Interpreter).Executed);

        using var wrongKey = new TestKernelClient(Kernel.Connection, key: "not-the-key");
        wrongKey.Send(wrongKey.Shell, "kernel_info_request", new JsonObject());
        Assert.Null(wrongKey.Receive(wrongKey.Shell, TimeSpan.FromMilliseconds(500)));

        Assert.Equal("ok", Execute("=still alive").Reply.ContentString("status"));
    }

    [Fact]
    public void CompleteInspectIsCompleteHistoryCommInfo()
    {
        var code = "😀 pri";
        var complete = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = 5 }));
        Assert.Equal(["print", "println"], complete.Content["matches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, complete.ContentInt("cursor_start", -1)); // code points, not UTF-16 units
        Assert.Equal(5, complete.ContentInt("cursor_end", -1));

        var inspect = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "inspect_request", new JsonObject { ["code"] = "print", ["cursor_pos"] = 2, ["detail_level"] = 1 }));
        Assert.True(inspect.ContentBool("found", false));
        Assert.Contains("detail 1", inspect.Content["data"]!["text/plain"]!.GetValue<string>());
        var notFound = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "inspect_request", new JsonObject { ["code"] = "zzz", ["cursor_pos"] = 1 }));
        Assert.False(notFound.ContentBool("found", true));

        var incomplete = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "is_complete_request", new JsonObject { ["code"] = "a \\" }));
        Assert.Equal("incomplete", incomplete.ContentString("status"));
        Assert.Equal(string.Empty, incomplete.ContentString("indent", "missing"));

        var history = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 }));
        Assert.Empty(history.Content["history"]!.AsArray());
        var comms = Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, "comm_info_request", new JsonObject()));
        Assert.Empty(comms.Content["comms"]!.AsObject());
    }

    [Fact]
    public void Heartbeat_Echoes()
    {
        Client.Heartbeat.SendMultipart([Encoding.ASCII.GetBytes("ping")]);
        var echo = Client.Heartbeat.ReceiveMultipart(5000);
        Assert.NotNull(echo);
        Assert.Equal("ping", Encoding.ASCII.GetString(Assert.Single(echo)));
    }

    [Theory]
    [InlineData(false, KernelStopReason.Shutdown)]
    [InlineData(true, KernelStopReason.Restart)]
    public void Shutdown_RepliesAndStopsTheServer(bool restart, KernelStopReason expected)
    {
        var id = Client.Send(Client.Control, "shutdown_request", new JsonObject { ["restart"] = restart });
        var reply = Client.ReceiveReply(Client.Control, id);
        Assert.Equal("shutdown_reply", reply.MessageType);
        Assert.Equal(restart, reply.ContentBool("restart", !restart));
        Assert.Equal(expected, Kernel.WaitForStop(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Shutdown_WhileACellIgnoresCancellation_StillStops()
    {
        Client.Send(Client.Shell, "execute_request", new JsonObject { ["code"] = "hang:20000" });
        Thread.Sleep(200);
        Client.Send(Client.Control, "shutdown_request", new JsonObject { ["restart"] = false });
        var watch = Stopwatch.StartNew();
        Assert.Equal(KernelStopReason.Shutdown, Kernel.WaitForStop(TimeSpan.FromSeconds(10)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"shutdown took {watch.Elapsed}");
        Assert.Contains("did not stop", LogContaining("did not stop"));
    }
}
