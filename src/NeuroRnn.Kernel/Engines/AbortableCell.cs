namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Runs cell code on its own thread so an interrupt can stop it without ending the process: the cell's token is
/// cancelled first (cooperative code stops), after the grace period the thread is aborted with
/// <c>System.Runtime.ControlledExecution.Run</c>, and code that cannot be aborted (a tight loop without a safe
/// point, as F# arithmetic loops can be) is abandoned after a further wait so the kernel answers again.
/// </summary>
internal static class AbortableCell
{
    // Compilers recurse deeply on large cells; the default 1.5 MB secondary-thread stack is too small for FCS.
    private const int StackSize = 64 * 1024 * 1024;

    /// <summary>How the cell ended.</summary>
    public enum Ending
    {
        /// <summary>The code returned a result.</summary>
        Completed,

        /// <summary>The code was stopped by the interrupt.</summary>
        Aborted,

        /// <summary>The code ignored the abort and still runs on its thread.</summary>
        Abandoned,
    }

    /// <summary>The ending and, when <see cref="Ending.Completed"/>, the result of <paramref name="work"/>.</summary>
    public static async Task<(Ending Ending, T? Result)> RunAsync<T>(Func<T> work, CancellationToken interrupt, TimeSpan gracePeriod, TimeSpan abandonAfter)
        where T : class
    {
        var completion = new TaskCompletionSource<(Ending, T?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var abort = new CancellationTokenSource();
        var registration = interrupt.Register(() =>
        {
            try { abort.CancelAfter(gracePeriod); }
            catch (ObjectDisposedException) { }
        });
        var thread = new Thread(() =>
        {
            try
            {
                T? result = null;
#pragma warning disable SYSLIB0046 // ControlledExecution is obsolete because an abort can leave shared state inconsistent.
                // It is the only way to stop a cell that ignores the interrupt token without killing the kernel, and
                // it is used only after the cooperative token had its chance; users accept the risk by interrupting.
                System.Runtime.ControlledExecution.Run(() => result = work(), abort.Token);
#pragma warning restore SYSLIB0046
                completion.TrySetResult((Ending.Completed, result));
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                completion.TrySetResult((Ending.Aborted, null));
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
            finally
            {
                registration.Dispose();
                abort.Dispose();
            }
        }, StackSize)
        {
            IsBackground = true,
            Name = "NeuroRnn cell",
        };
        thread.Start();

        if (!interrupt.CanBeCanceled) return await completion.Task;
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (interrupt.Register(() => interrupted.TrySetResult()))
        {
            var first = await Task.WhenAny(completion.Task, interrupted.Task);
            if (first == completion.Task) return await completion.Task;
        }
        var deadline = Task.Delay(gracePeriod + abandonAfter);
        var ended = await Task.WhenAny(completion.Task, deadline);
        return ended == completion.Task ? await completion.Task : (Ending.Abandoned, null);
    }
}
