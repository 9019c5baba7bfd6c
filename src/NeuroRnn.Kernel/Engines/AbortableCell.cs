namespace NeuroRnn.Kernel.Engines;

/// <summary>
/// Runs cell code on its own thread so an interrupt can stop it without ending the process: the cell's token is
/// cancelled first (cooperative code stops), and after the grace period the thread is aborted with
/// <c>System.Runtime.ControlledExecution.Run</c>.
/// </summary>
internal static class AbortableCell
{
    // Compilers recurse deeply on large cells; the default 1.5 MB secondary-thread stack is too small for FCS.
    private const int StackSize = 64 * 1024 * 1024;

    /// <summary>The result of <paramref name="work"/>, or null when it was aborted.</summary>
    public static Task<T?> RunAsync<T>(Func<T> work, CancellationToken interrupt, TimeSpan gracePeriod) where T : class
    {
        var completion = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
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
                completion.TrySetResult(result);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                completion.TrySetResult(null);
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
        return completion.Task;
    }
}
