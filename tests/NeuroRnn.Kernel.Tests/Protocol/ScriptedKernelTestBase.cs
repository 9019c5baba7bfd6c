using System.Text.Json.Nodes;
using NeuroRnn.Kernel.Protocol;

namespace NeuroRnn.Kernel.Tests.Protocol;

/// <summary>An in-process kernel with the scripted interpreter and a connected client, fresh for every test.</summary>
public abstract class ScriptedKernelTestBase : IDisposable
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private protected ScriptedKernelTestBase()
    {
        Kernel = new InProcessKernel();
        Client = new TestKernelClient(Kernel.Connection);
        Client.WaitUntilReady();
    }

    private protected InProcessKernel Kernel { get; }

    private protected TestKernelClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Kernel.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The kernel's log once it contains <paramref name="text"/> (the kernel logs on its own threads), or as it is after 10 s.</summary>
    private protected string LogContaining(string text)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!Kernel.LogText.Contains(text, StringComparison.Ordinal) && watch.Elapsed < Timeout)
        {
            Thread.Sleep(20);
        }

        return Kernel.LogText;
    }

    /// <summary>Sends a shell request and returns its reply.</summary>
    private protected JupyterMessage Request(string type, JsonObject content) =>
        Client.ReceiveReply(Client.Shell, Client.Send(Client.Shell, type, content));

    /// <summary>Runs a cell; returns its reply and its iopub messages up to idle.</summary>
    private protected (JupyterMessage Reply, List<JupyterMessage> IoPub) Execute(string code, JsonObject? extra = null)
    {
        var content = new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false };
        foreach (var (key, value) in extra ?? [])
        {
            content[key] = value?.DeepClone();
        }

        var id = Client.Send(Client.Shell, "execute_request", content);
        var reply = Client.ReceiveReply(Client.Shell, id);
        var iopub = Client.IoPubUntilIdle(id, Timeout) ?? throw new TimeoutException("no idle status");
        return (reply, iopub);
    }
}
